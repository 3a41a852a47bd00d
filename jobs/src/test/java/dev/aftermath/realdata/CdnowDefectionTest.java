package dev.aftermath.realdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftermath.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The defection stage on real purchase histories it was not built on: the CDNOW log split into
 * pseudo-merchants, with an outage injected that makes a known set of active customers defect
 * (METHODS.md, "How well it works": the real-data rows). Nothing removed, the platform interval
 * must contain zero; 15% removed, the estimate must be within ±25% of the removed count.
 */
class CdnowDefectionTest extends SparkTestBase {
  @TempDir static Path tmp;

  private static List<CdnowCase.Purchase> log;

  @BeforeAll
  static void readLog() throws Exception {
    log = CdnowCase.log();
  }

  static Row run(CdnowCase.Made made) {
    return CdnowCase.defection(spark, made);
  }

  static double get(Row r, String column) {
    return r.getDouble(r.fieldIndex(column));
  }

  private static CdnowCase.Made make(String outage, double share, int merchants) throws Exception {
    Path dir = Files.createTempDirectory(tmp, "cdnow-case");
    return CdnowCase.write(
        dir, log, LocalDateTime.parse(outage), 48, merchants, share, 7, Map.of());
  }

  private static void assertFindsTheRemoved(String outage, int merchants) throws Exception {
    CdnowCase.Made made = make(outage, 0.15, merchants);
    Row platform = run(made);
    double estimate = get(platform, "defected_customers");
    int truth = made.removed();
    assertThat(truth).isGreaterThan(100);
    assertThat(estimate / truth - 1).as("relative error, %s", outage).isBetween(-0.25, 0.25);
    assertThat(get(platform, "defected_customers_low")).isLessThanOrEqualTo(truth);
    assertThat(get(platform, "defected_customers_high")).isGreaterThanOrEqualTo(truth);
  }

  private static void assertPlaceboContainsZero(String outage, int merchants) throws Exception {
    Row platform = run(make(outage, 0, merchants));
    assertThat(get(platform, "defected_customers_low")).isZero();
    assertThat(get(platform, "defected_customers")).isGreaterThanOrEqualTo(0);
  }

  @Test
  void fifteenPercentRemovedInAutumnAreFoundWithinAQuarter() throws Exception {
    assertFindsTheRemoved("1997-10-01T00:00:00", 10);
  }

  @Test
  void nothingRemovedInAutumnGivesAnIntervalThatContainsZero() throws Exception {
    assertPlaceboContainsZero("1997-10-01T00:00:00", 10);
  }

  @Test
  @EnabledIfSystemProperty(named = "aftermath.longTests", matches = "true")
  void otherDatesAndMoreMerchants() throws Exception {
    for (String outage : List.of("1997-07-01T00:00:00", "1998-01-15T00:00:00")) {
      assertFindsTheRemoved(outage, 10);
      assertPlaceboContainsZero(outage, 10);
    }
    assertFindsTheRemoved("1997-10-01T00:00:00", 40);
  }
}

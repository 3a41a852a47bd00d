package dev.aftermath.realdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftermath.SparkTestBase;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The lost-revenue stage on a real purchase log it was not built on: CDNOW split into 20
 * pseudo-merchants, an outage that removes every order for a week and 30% of them for four weeks
 * after (the true loss is exactly what was removed), with a control series made from the 30% of
 * customers held out of the platform, and without one (METHODS.md, "How well it works").
 */
class CdnowLostRevenueTest extends SparkTestBase {
  private static List<CdnowCase.Purchase> log;

  @BeforeAll
  static void readLog() throws Exception {
    log = CdnowCase.log();
  }

  private static double get(Row r, String column) {
    return r.getDouble(r.fieldIndex(column));
  }

  /** The platform row of impact_totals and the true loss. */
  private record Result(Row platform, double truth) {
    double relativeError() {
      return get(platform, "lost_revenue") / truth - 1;
    }

    boolean containsZero() {
      return get(platform, "lost_revenue_low") <= 0 && get(platform, "lost_revenue_high") >= 0;
    }
  }

  private static Result run(String outage, double removed, double controlShare) throws Exception {
    CdnowCase.RevenueCase made =
        CdnowCase.writeRevenueLoss(
            Files.createTempDirectory("cdnow-revenue"),
            log,
            LocalDateTime.parse(outage),
            7,
            removed,
            0.3 * removed,
            28,
            20,
            controlShare,
            11);
    Row platform = CdnowCase.lostRevenue(spark, made.dir());
    System.out.printf(
        "CDNOW %s, control share %.1f: lost revenue %.0f (%.0f … %.0f), truth %.0f%n",
        outage,
        controlShare,
        get(platform, "lost_revenue"),
        get(platform, "lost_revenue_low"),
        get(platform, "lost_revenue_high"),
        made.lostRevenue());
    return new Result(platform, made.lostRevenue());
  }

  @Test
  void aRemovedLossIsFoundWithinAFifthWithAControlSeries() throws Exception {
    Result r = run("1997-10-01T00:00:00", 1, 0.3);
    assertThat(r.truth()).isGreaterThan(10_000);
    assertThat(r.relativeError()).isBetween(-0.2, 0.2);
  }

  @Test
  void withNothingRemovedAndNoControlSeriesTheIntervalContainsZero() throws Exception {
    Result r = run("1997-10-01T00:00:00", 0, 0);
    assertThat(r.truth()).isZero();
    assertThat(r.containsZero()).isTrue();
  }

  @Test
  @EnabledIfSystemProperty(named = "aftermath.longTests", matches = "true")
  void otherDatesAndTheOtherControlSetting() throws Exception {
    for (String outage : List.of("1997-10-01T00:00:00", "1998-01-15T00:00:00")) {
      assertThat(run(outage, 1, 0).relativeError())
          .as("no control, %s", outage)
          .isBetween(-0.2, 0.2);
      assertThat(run(outage, 1, 0.3).relativeError())
          .as("control, %s", outage)
          .isBetween(-0.2, 0.2);
      assertThat(run(outage, 0, 0.3).containsZero()).as("placebo, control, %s", outage).isTrue();
      assertThat(run(outage, 0, 0).containsZero()).as("placebo, %s", outage).isTrue();
    }
  }
}

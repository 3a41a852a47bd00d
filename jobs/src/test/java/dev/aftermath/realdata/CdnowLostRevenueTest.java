package dev.aftermath.realdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftermath.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lost-revenue stage on a real purchase log it was not built on: CDNOW split into 20
 * pseudo-merchants, an outage that removes every order for a week and 30% of them for four weeks
 * after (the true loss is exactly what was removed), with a control series made from the 30% of
 * customers held out of the platform, and without one (METHODS.md, "How well it works").
 */
class CdnowLostRevenueTest extends SparkTestBase {
  @TempDir static Path tmp;

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
    return run(outage, removed, controlShare, day -> 1);
  }

  private static Result run(
      String outage, double removed, double controlShare, ToDoubleFunction<LocalDate> demand)
      throws Exception {
    CdnowCase.RevenueCase made =
        CdnowCase.writeRevenueLoss(
            Files.createTempDirectory(tmp, "cdnow-revenue"),
            log,
            LocalDateTime.parse(outage),
            7,
            removed,
            0.3 * removed,
            28,
            20,
            controlShare,
            demand,
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

  /**
   * Demand that falls linearly from 1 on {@code fall} to {@code floor} on {@code bottom}, stays
   * there until {@code rise} and comes back linearly to 1 by {@code back}.
   */
  static ToDoubleFunction<LocalDate> collapse(
      String fall, String bottom, String rise, String back, double floor) {
    LocalDate[] k = {
      LocalDate.parse(fall), LocalDate.parse(bottom), LocalDate.parse(rise), LocalDate.parse(back)
    };
    return day -> {
      if (day.isBefore(k[0]) || !day.isBefore(k[3])) {
        return 1;
      }
      if (day.isBefore(k[1])) {
        return 1
            - (1 - floor)
                * ChronoUnit.DAYS.between(k[0], day)
                / ChronoUnit.DAYS.between(k[0], k[1]);
      }
      if (day.isBefore(k[2])) {
        return floor;
      }
      return floor
          + (1 - floor) * ChronoUnit.DAYS.between(k[2], day) / ChronoUnit.DAYS.between(k[2], k[3]);
    };
  }

  /**
   * The control series and the platform's demand fall to 3% of normal a month before the outage and
   * recover over the five weeks after it: the fit window holds weeks where the index is a few
   * orders a day, mostly noise. The estimate stays near the truth, its interval holds it and stays
   * within a few times the loss (with nothing removed the interval contains 0: a long test).
   */
  @Test
  void aCollapsedAndRecoveringControlSeriesKeepsTheEstimateStable() throws Exception {
    ToDoubleFunction<LocalDate> demand =
        collapse("1997-08-20", "1997-09-03", "1997-10-08", "1997-11-12", 0.03);
    Result lost = run("1997-10-01T00:00:00", 1, 0.3, demand);
    double low = get(lost.platform(), "lost_revenue_low");
    double high = get(lost.platform(), "lost_revenue_high");
    assertThat(lost.truth()).isGreaterThan(5_000);
    assertThat(lost.relativeError()).isBetween(-0.4, 0.4);
    assertThat(lost.truth()).isBetween(low, high);
    assertThat((high - low) / lost.truth()).isLessThan(3.5);
  }

  @Test
  @EnabledIfSystemProperty(named = "aftermath.longTests", matches = "true")
  void aCollapsedControlSeriesPlaceboContainsZero() throws Exception {
    assertThat(
            run(
                    "1997-10-01T00:00:00",
                    0,
                    0.3,
                    collapse("1997-08-20", "1997-09-03", "1997-10-08", "1997-11-12", 0.03))
                .containsZero())
        .isTrue();
  }

  /**
   * Both settings at two dates. Without a control series the flat level cannot see a seasonal rise
   * that begins after the outage (METHODS.md, the oracle bound): the point then misses by about
   * what the placebo at the same date shows, so the test holds the miss to the placebo's interval
   * (what `run --with-placebo` lets a reader of a real case check).
   */
  @Test
  @EnabledIfSystemProperty(named = "aftermath.longTests", matches = "true")
  void otherDatesAndTheOtherControlSetting() throws Exception {
    for (String outage : List.of("1997-10-01T00:00:00", "1998-01-15T00:00:00")) {
      Result noControl = run(outage, 1, 0);
      Result placebo = run(outage, 0, 0);
      assertThat(get(noControl.platform(), "lost_revenue") - noControl.truth())
          .as("no control, miss within the placebo's interval, %s", outage)
          .isBetween(
              get(placebo.platform(), "lost_revenue_low"),
              get(placebo.platform(), "lost_revenue_high"));
      // with the control series: the truth inside the interval (+8% on 1997-10-01, the suite's
      // test; +23% on 1998-01-15, METHODS.md)
      Result control = run(outage, 1, 0.3);
      assertThat(control.truth())
          .as("control, %s", outage)
          .isBetween(
              get(control.platform(), "lost_revenue_low"),
              get(control.platform(), "lost_revenue_high"));
      assertThat(run(outage, 0, 0.3).containsZero()).as("placebo, control, %s", outage).isTrue();
    }
  }

  /**
   * Business buyers: 2% of the customers order in bulk (Pareto factors, minimum 10, tail index
   * 1.3), so a few orders make a merchant's weeks. Measured and recorded in METHODS.md; the
   * interval must at least hold the truth and 0 in the placebo.
   */
  @Test
  @EnabledIfSystemProperty(named = "aftermath.longTests", matches = "true")
  void heavyTailedOrderValues() throws Exception {
    List<CdnowCase.Purchase> plain = log;
    log = CdnowCase.withBusinessBuyers(plain, 0.02, 10, 1.3);
    try {
      Result lost = run("1997-10-01T00:00:00", 1, 0.3);
      assertThat(lost.truth())
          .isBetween(
              get(lost.platform(), "lost_revenue_low"), get(lost.platform(), "lost_revenue_high"));
      assertThat(run("1997-10-01T00:00:00", 0, 0.3).containsZero()).isTrue();
    } finally {
      log = plain;
    }
  }
}

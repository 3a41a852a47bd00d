package dev.aftermath.exposure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aftermath.GeneratedRuns;
import dev.aftermath.SparkTestBase;
import dev.aftermath.stats.NormalLoss;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The exposure and company stages on the small generated case. */
class LiabilityExposureJobTest extends SparkTestBase {
  @BeforeAll
  static void runs() throws Exception {
    GeneratedRuns.dir(spark);
  }

  private static double d(Row r, String c) {
    return r.isNullAt(r.fieldIndex(c)) ? 0 : ((Number) r.getAs(c)).doubleValue();
  }

  @Test
  void perMerchantExposureIsWhatRemainsClaimableAfterThePayout() {
    List<Row> rows = GeneratedRuns.table(spark, "out", "merchant_impact").collectAsList();
    for (Row r : rows) {
      double payout = d(r, "chosen_payout");
      // in expectation over the estimates' spread: E[max(0, LM − payout)], E[max(0, L − payout)]
      NormalLoss margin =
          new NormalLoss(
              d(r, "lost_margin"),
              NormalLoss.sdOf90(d(r, "lost_margin_low"), d(r, "lost_margin_high")));
      NormalLoss full = new NormalLoss(d(r, "loss_estimate"), d(r, "loss_sd"));
      assertThat(d(r, "exposure_foreseeable"))
          .isCloseTo(margin.expectedExcess(payout), within(0.011));
      assertThat(d(r, "exposure_full")).isCloseTo(full.expectedExcess(payout), within(0.02));
      // at least what the point estimates leave, at most that plus the spread's σ/√(2π)
      assertThat(d(r, "exposure_full"))
          .isGreaterThanOrEqualTo(Math.max(0, d(r, "loss_estimate") - payout) - 0.011)
          .isLessThanOrEqualTo(
              Math.max(0, d(r, "loss_estimate") - payout)
                  + d(r, "loss_sd") / Math.sqrt(2 * Math.PI)
                  + 0.011);
      assertThat(d(r, "exposure_contract_cap")).isLessThanOrEqualTo(d(r, "exposure_foreseeable"));
      double p = d(r, "claim_probability");
      assertThat(p).isBetween(0.0, 1.0);
      // the bundled scenario's primary regime is foreseeable_loss
      assertThat(d(r, "expected_exposure"))
          .isCloseTo(p * d(r, "exposure_foreseeable"), within(0.011));
    }
  }

  @Test
  void theDistributionIsOrderedAndTheExceedanceCurveFalls() {
    Map<String, Row> dist =
        GeneratedRuns.table(spark, "out", "exposure_distribution").collectAsList().stream()
            .collect(Collectors.toMap(r -> r.getString(0), r -> r));
    assertThat(dist.keySet())
        .containsExactlyInAnyOrder("contract_cap", "foreseeable_loss", "full_loss");
    for (Row r : dist.values()) {
      assertThat(d(r, "p50")).isLessThanOrEqualTo(d(r, "p90"));
      assertThat(d(r, "p90")).isLessThanOrEqualTo(d(r, "p99"));
      assertThat(d(r, "draws")).isEqualTo(10_000);
      // the tail means lie beyond their percentiles
      assertThat(d(r, "tvar90")).isGreaterThanOrEqualTo(d(r, "p90"));
      assertThat(d(r, "tvar99")).isGreaterThanOrEqualTo(d(r, "p99"));
      assertThat(d(r, "tvar99")).isGreaterThanOrEqualTo(d(r, "tvar90"));
      assertThat(d(r, "tvar99")).isLessThanOrEqualTo(d(r, "max"));
      if (d(r, "probability_exceeds_fund_remaining") > 0) {
        assertThat(d(r, "return_period_fund_remaining"))
            .isCloseTo(1 / d(r, "probability_exceeds_fund_remaining"), within(1e-9));
      } else {
        assertThat(r.<Object>getAs("return_period_fund_remaining")).isNull();
      }
    }
    assertThat(d(dist.get("contract_cap"), "mean"))
        .isLessThanOrEqualTo(d(dist.get("foreseeable_loss"), "mean"));
    // the expected total is the sum of the merchants' expected exposures, up to Monte Carlo error
    double expected =
        GeneratedRuns.table(spark, "out", "merchant_impact").collectAsList().stream()
            .mapToDouble(r -> d(r, "expected_exposure"))
            .sum();
    Row f = dist.get("foreseeable_loss");
    // (both in expectation over the same spread: only the margin-rate factor and the draws differ)
    assertThat(d(f, "mean")).isCloseTo(expected, within(0.05 * expected + 4 * d(f, "sd") / 100));
    List<Row> curve =
        GeneratedRuns.table(spark, "out", "loss_exceedance")
            .filter("regime = 'full_loss'")
            .orderBy("x")
            .collectAsList();
    for (int i = 1; i < curve.size(); i++) {
      assertThat(d(curve.get(i), "probability"))
          .isLessThanOrEqualTo(d(curve.get(i - 1), "probability"));
    }
    for (Row r : curve) {
      if (d(r, "probability") > 0) {
        assertThat(d(r, "return_period")).isCloseTo(1 / d(r, "probability"), within(1e-9));
      } else {
        assertThat(r.<Object>getAs("return_period")).isNull();
      }
    }
    List<Row> top =
        GeneratedRuns.table(spark, "out", "top_exposures").orderBy("rank").collectAsList();
    for (int i = 1; i < top.size(); i++) {
      assertThat(d(top.get(i), "expected_exposure"))
          .isLessThanOrEqualTo(d(top.get(i - 1), "expected_exposure"));
    }
  }

  @Test
  void companyCostsAddUpAndTheEventStudyHasItsWindows() {
    Map<String, Double> m =
        GeneratedRuns.table(spark, "out", "company_impact").collectAsList().stream()
            .filter(r -> !r.isNullAt(1))
            .collect(Collectors.toMap(r -> r.getString(0), r -> r.getDouble(1)));
    assertThat(m.get("cost_total"))
        .isCloseTo(
            m.get("cost_cash_paid")
                + m.get("cost_impressions")
                + m.get("cost_free_months")
                + m.get("cost_other_schemes"),
            within(0.05));
    assertThat(m.get("churn_rate_after")).isGreaterThan(m.get("churn_rate_before"));
    List<Row> windows =
        GeneratedRuns.table(spark, "out", "event_study").filter("kind = 'window'").collectAsList();
    assertThat(windows).extracting(r -> r.<String>getAs("event")).contains("outage");
    for (Row w : windows) {
      assertThat(d(w, "t")).isCloseTo(d(w, "car") / d(w, "car_sd"), within(1e-9));
    }
  }

  @Test
  void theP90RisesWithEachClaimWeightOnTheSameDraws() {
    List<Row> rows = GeneratedRuns.table(spark, "out", "exposure_sensitivity").collectAsList();
    assertThat(rows)
        .extracting(r -> r.<String>getAs("parameter"))
        .contains(
            "liability.claims.intercept",
            "liability.claims.per_log_shortfall",
            "liability.claims.signals.complaint");
    for (Row r : rows) {
      // a larger weight means more claims on the same draws: never a smaller total
      assertThat(d(r, "mean_high")).as(r.getString(0)).isGreaterThanOrEqualTo(d(r, "mean_low"));
      assertThat(d(r, "p90_high")).as(r.getString(0)).isGreaterThanOrEqualTo(d(r, "p90_low"));
      assertThat(d(r, "mean_base"))
          .as(r.getString(0))
          .isBetween(d(r, "mean_low") - 0.01, d(r, "mean_high") + 0.01);
    }
    Row intercept =
        rows.stream()
            .filter(r -> r.getString(0).equals("liability.claims.intercept"))
            .findFirst()
            .orElseThrow();
    assertThat(d(intercept, "p90_high")).isGreaterThan(d(intercept, "p90_low"));
  }
}

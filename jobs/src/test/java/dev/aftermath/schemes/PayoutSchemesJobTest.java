package dev.aftermath.schemes;

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

/** The schemes stage on the small generated case: the per-merchant identities and the totals. */
class PayoutSchemesJobTest extends SparkTestBase {
  @BeforeAll
  static void runs() throws Exception {
    GeneratedRuns.dir(spark);
  }

  private static double d(Row r, String c) {
    return r.isNullAt(r.fieldIndex(c)) ? Double.NaN : r.getDouble(r.fieldIndex(c));
  }

  @Test
  void everyMerchantChoosesTheBetterOfferedSchemeAndItsShortfallIsLossMinusPayout() {
    List<Row> rows = GeneratedRuns.table(spark, "out", "merchant_impact").collectAsList();
    assertThat(rows).isNotEmpty();
    double total = 0;
    for (Row r : rows) {
      double cash = d(r, "cash_payout");
      double traffic = d(r, "traffic_payout");
      double loss = d(r, "actual_loss");
      double chosen = d(r, "chosen_payout");
      assertThat(chosen).isEqualTo(Math.max(cash, traffic));
      assertThat(r.<String>getAs("chosen_scheme")).isEqualTo(cash >= traffic ? "cash" : "traffic");
      assertThat(traffic)
          .isCloseTo(
              d(r, "traffic_impressions_value") + d(r, "traffic_extension_value"), within(0.005));
      assertThat(d(r, "shortfall")).isCloseTo(loss - chosen, within(0.005));
      assertThat(loss).isGreaterThanOrEqualTo(0);
      if (loss > 0) {
        assertThat(d(r, "coverage_ratio")).isCloseTo(chosen / loss, within(1e-9));
      }
      // beside the point verdict, the probability that the payout covers the uncertain loss
      double p = d(r, "probability_covered");
      assertThat(p).isBetween(0.0, 1.0);
      if (d(r, "loss_sd") > 0) {
        assertThat(p)
            .isCloseTo(
                new NormalLoss(d(r, "loss_estimate"), d(r, "loss_sd")).probabilityAtMost(chosen),
                within(1e-3));
      }
      // the user-defined schemes of the bundled scenario
      assertThat(d(r, "best_of_both_payout")).isEqualTo(chosen);
      assertThat(d(r, "cash_floor_payout")).isEqualTo(Math.max(cash, 300));
      total += chosen;
    }
    Map<String, Double> fund =
        GeneratedRuns.table(spark, "out", "fund_allocation").collectAsList().stream()
            .filter(r -> !r.isNullAt(1))
            .collect(Collectors.toMap(r -> r.getString(0), r -> r.getDouble(1)));
    assertThat(fund.get("total_payout_under_choice")).isCloseTo(total, within(0.01));
    assertThat(fund.get("paid_by_company") + fund.get("paid_by_management"))
        .isCloseTo(fund.get("paid"), within(0.01));
  }

  @Test
  void theSummaryAndFairnessTablesAddUp() {
    Map<String, Row> summary =
        GeneratedRuns.table(spark, "out", "scheme_summary").collectAsList().stream()
            .collect(Collectors.toMap(r -> r.getString(0), r -> r));
    assertThat(summary.keySet())
        .contains("cash", "traffic", "sla_credit", "chosen", "cash_counterfactual");
    Row chosen = summary.get("chosen");
    assertThat(
            summary.get("cash").<Long>getAs("chosen_by")
                + summary.get("traffic").<Long>getAs("chosen_by"))
        .isEqualTo(chosen.<Long>getAs("merchants"));
    // per industry, the groups add up to the whole
    List<Row> byIndustry =
        GeneratedRuns.table(spark, "out", "scheme_fairness")
            .filter("dimension = 'industry' and scheme = 'chosen'")
            .collectAsList();
    double shortfall = byIndustry.stream().mapToDouble(r -> d(r, "total_shortfall")).sum();
    assertThat(shortfall).isCloseTo(d(chosen, "total_shortfall"), within(1.0));
    long deciles =
        GeneratedRuns.table(spark, "out", "scheme_fairness")
            .filter("dimension = 'size_decile' and scheme = 'chosen'")
            .count();
    assertThat(deciles).isEqualTo(10);
    // the claimable total is above the signed one, and each expected share made whole a share
    for (Row r : summary.values()) {
      assertThat(d(r, "total_loss")).isGreaterThanOrEqualTo(d(r, "total_loss_estimate"));
      assertThat(d(r, "expected_share_made_whole")).isBetween(0.0, 1.0);
    }
    double estimate =
        GeneratedRuns.table(spark, "out", "merchant_payout").collectAsList().stream()
            .mapToDouble(r -> d(r, "loss_estimate"))
            .sum();
    assertThat(d(chosen, "total_loss_estimate")).isCloseTo(estimate, within(0.5));
  }
}

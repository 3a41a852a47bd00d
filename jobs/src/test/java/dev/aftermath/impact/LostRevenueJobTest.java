package dev.aftermath.impact;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aftermath.GeneratedRuns;
import dev.aftermath.SparkTestBase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lost-revenue stage on a small generated case, against the truth the generator planted, and on
 * a placebo of the same case (the outage moved to a date when nothing happened).
 */
class LostRevenueJobTest extends SparkTestBase {
  private static Path dir;

  @BeforeAll
  static void runBoth() throws Exception {
    dir = GeneratedRuns.dir(spark);
  }

  private static Dataset<Row> table(String run, String name) {
    return GeneratedRuns.table(spark, run, name);
  }

  @Test
  void oneRowPerMerchantWithTheDocumentedColumnsAndFlags() {
    Dataset<Row> impact = table("out", "merchant_impact");
    assertThat(impact.columns())
        .contains(
            "merchant_id",
            "industry",
            "existing",
            "counterfactual_revenue",
            "actual_revenue",
            "lost_revenue",
            "lost_revenue_low",
            "lost_revenue_high",
            "lost_revenue_outage",
            "lost_revenue_after",
            "lost_margin",
            "estimate_quality");
    assertThat(impact.count()).isEqualTo(400);
    assertThat(impact.select("merchant_id").distinct().count()).isEqualTo(400);
    List<String> flags =
        impact
            .select("estimate_quality")
            .distinct()
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    assertThat(flags)
        .isSubsetOf("ok", "new_merchant", "left_platform", "no_control_series", "short_history")
        .contains("ok", "no_control_series"); // prepaid cards have no industry index
    for (Row r : impact.collectAsList()) {
      double lost = r.getDouble(r.fieldIndex("lost_revenue"));
      assertThat(lost)
          .isCloseTo(
              r.getDouble(r.fieldIndex("lost_revenue_outage"))
                  + r.getDouble(r.fieldIndex("lost_revenue_after")),
              within(0.05));
      assertThat(lost)
          .isCloseTo(
              r.getDouble(r.fieldIndex("counterfactual_revenue"))
                  - r.getDouble(r.fieldIndex("actual_revenue")),
              within(0.05));
      assertThat(r.getDouble(r.fieldIndex("lost_revenue_low"))).isLessThanOrEqualTo(lost + 0.01);
      assertThat(r.getDouble(r.fieldIndex("lost_revenue_high")))
          .isGreaterThanOrEqualTo(lost - 0.01);
      assertThat(r.getDouble(r.fieldIndex("lost_margin")))
          .isCloseTo(lost * r.getDouble(r.fieldIndex("margin_rate")), within(0.05));
    }
  }

  @Test
  void totalsAddUpTheMerchantsPerIndustryAndPlatform() {
    Dataset<Row> impact = table("out", "merchant_impact");
    Map<String, Double> byIndustry =
        impact.groupBy("industry").agg(sum("lost_revenue")).collectAsList().stream()
            .collect(Collectors.toMap(r -> r.getString(0), r -> r.getDouble(1)));
    Dataset<Row> totals = table("out", "impact_totals");
    for (Row r : totals.filter(col("scope").equalTo("industry")).collectAsList()) {
      assertThat(r.getDouble(r.fieldIndex("lost_revenue")))
          .isCloseTo(byIndustry.get(r.getString(r.fieldIndex("industry"))), within(1.0));
    }
    Row platform = totals.filter(col("scope").equalTo("platform")).first();
    double all = byIndustry.values().stream().mapToDouble(Double::doubleValue).sum();
    assertThat(platform.getDouble(platform.fieldIndex("lost_revenue"))).isCloseTo(all, within(1.0));
  }

  @Test
  void totalLossIsNearThePlantedTruthAndInsideItsInterval() {
    Row platform = table("out", "impact_totals").filter(col("scope").equalTo("platform")).first();
    double truth =
        spark
            .read()
            .parquet(dir.resolve("truth/merchant_truth").toString())
            .agg(sum("true_lost_revenue"))
            .first()
            .getDouble(0);
    double estimate = platform.getDouble(platform.fieldIndex("lost_revenue"));
    assertThat(truth).isPositive();
    assertThat(estimate / truth - 1).isBetween(-0.25, 0.25);
    assertThat(truth)
        .isBetween(
            platform.getDouble(platform.fieldIndex("lost_revenue_low")),
            platform.getDouble(platform.fieldIndex("lost_revenue_high")));
  }

  @Test
  void merchantIntervalsCoverTheTruthAtRoughlyTheirNominalRate() {
    Dataset<Row> joined =
        table("out", "merchant_impact")
            .join(
                spark.read().parquet(dir.resolve("truth/merchant_truth").toString()),
                "merchant_id");
    long n = joined.count();
    long covered =
        joined
            .filter(
                col("true_lost_revenue")
                    .geq(col("lost_revenue_low"))
                    .and(col("true_lost_revenue").leq(col("lost_revenue_high"))))
            .count();
    assertThat((double) covered / n).isBetween(0.75, 0.98);
  }

  @Test
  void placeboFindsNoLoss() {
    Row platform =
        table("placebo", "impact_totals").filter(col("scope").equalTo("platform")).first();
    assertThat(0.0)
        .isBetween(
            platform.getDouble(platform.fieldIndex("lost_revenue_low")),
            platform.getDouble(platform.fieldIndex("lost_revenue_high")));
    Dataset<Row> existing = table("placebo", "merchant_loss").filter(col("existing"));
    long containing =
        existing
            .filter(col("lost_revenue_low").leq(0).and(col("lost_revenue_high").geq(0)))
            .count();
    assertThat((double) containing / existing.count()).isGreaterThanOrEqualTo(0.85);
  }

  @Test
  void intervalEndsArePossibleValues() {
    for (Row r : table("out", "merchant_impact").collectAsList()) {
      double actual = r.getDouble(r.fieldIndex("actual_revenue"));
      assertThat(r.getDouble(r.fieldIndex("lost_revenue_low")))
          .isGreaterThanOrEqualTo(-actual - 0.01);
      assertThat(r.getDouble(r.fieldIndex("counterfactual_revenue"))).isGreaterThanOrEqualTo(0);
    }
    for (Row r : table("out", "impact_totals").collectAsList()) {
      assertThat(r.getDouble(r.fieldIndex("lost_revenue_low")))
          .isGreaterThanOrEqualTo(-r.getDouble(r.fieldIndex("actual_revenue")) - 0.01);
    }
  }

  @Test
  void theBacktestPredictsTheHeldOutWeeksAndSaysHowOftenItsIntervalsHeld() {
    Dataset<Row> backtest = table("out", "backtest");
    Row platform = backtest.filter(col("scope").equalTo("platform")).first();
    long merchants = backtest.filter(col("scope").equalTo("merchant")).count();
    assertThat(platform.getLong(platform.fieldIndex("merchants"))).isEqualTo(merchants);
    assertThat(merchants).isGreaterThan(300);
    double predicted = platform.getDouble(platform.fieldIndex("predicted_revenue"));
    double actual = platform.getDouble(platform.fieldIndex("actual_revenue"));
    assertThat(predicted / actual - 1).isBetween(-0.3, 0.3);
    assertThat(platform.getDouble(platform.fieldIndex("coverage"))).isBetween(0.6, 1.0);
    long covered = backtest.filter(col("scope").equalTo("merchant").and(col("covered"))).count();
    assertThat(platform.getDouble(platform.fieldIndex("coverage")))
        .isCloseTo((double) covered / merchants, within(1e-9));
  }

  @Test
  void pooledLossesKeepTheIndustryTotalsOfTheDirectOnes() {
    Map<String, Double> direct =
        table("out", "merchant_loss")
            .groupBy("industry")
            .agg(sum("direct_lost_revenue"), sum("lost_revenue"))
            .collectAsList()
            .stream()
            .collect(Collectors.toMap(r -> r.getString(0), r -> r.getDouble(1) - r.getDouble(2)));
    direct.values().forEach(d -> assertThat(Math.abs(d)).isLessThan(50.0));
  }

  @Test
  void theRunCarriesItsPlaceboTotalsWithIntervalsThatContainZero() {
    Dataset<Row> totals = table("out", "placebo_totals");
    Row loss =
        totals
            .filter(col("measure").equalTo("lost_revenue").and(col("scope").equalTo("platform")))
            .first();
    Row placebo =
        table("placebo", "impact_totals").filter(col("scope").equalTo("platform")).first();
    assertThat(loss.getDouble(loss.fieldIndex("estimate")))
        .isEqualTo(placebo.getDouble(placebo.fieldIndex("lost_revenue")));
    assertThat(loss.getBoolean(loss.fieldIndex("contains_zero"))).isTrue();
    assertThat(loss.getString(loss.fieldIndex("placebo_at"))).isEqualTo("2020-01-05T19:00");
    assertThat(totals.filter(col("measure").equalTo("defected_customers")).count())
        .isEqualTo(table("placebo", "defection_totals").count());
  }

  @Test
  void eachMerchantFittedToItsHistorySaysHowWellTheFitHeld() {
    Dataset<Row> loss = table("out", "merchant_loss");
    assertThat(
            loss.filter(
                    col("estimate_quality")
                        .equalTo("new_merchant")
                        .and(col("fit_mape").isNotNull()))
                .count())
        .isZero();
    Dataset<Row> ok = loss.filter(col("estimate_quality").equalTo("ok"));
    assertThat(ok.filter(col("fit_mape").isNull()).count()).isLessThan(ok.count() / 20 + 1);
    double median =
        ok.filter(col("fit_mape").isNotNull())
            .stat()
            .approxQuantile("fit_mape", new double[] {0.5}, 0)[0];
    assertThat(median).isBetween(0.01, 0.5);
  }

  @Test
  void fitMapeIsTheMeanWeeklyMissOverObserved() {
    List<Double> residuals = new java.util.ArrayList<>();
    List<Double> fitted = new java.util.ArrayList<>();
    for (int k = 0; k < 14; k++) {
      residuals.add(k < 7 ? 1.0 : -1.0);
      fitted.add(10.0);
    }
    // week 1: |7| / 77; week 2: |−7| / 63
    assertThat(ImpactTables.fitMape(residuals, fitted))
        .isCloseTo(7 / 77.0 / 2 + 7 / 63.0 / 2, within(1e-12));
    residuals.set(3, Double.NaN);
    assertThat(ImpactTables.fitMape(residuals, fitted)).isCloseTo(7 / 63.0, within(1e-12));
  }
}

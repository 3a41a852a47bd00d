package dev.aftermath.impact;

import static org.apache.spark.sql.functions.col;

import dev.aftermath.spark.MetricTable;
import dev.aftermath.stats.RankCorrelation;
import dev.aftermath.stats.Target;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * For a generated case, how the estimates compare with the truth the generator planted: the
 * evidence the method is judged on, as a table ({@code impact_evaluation}: metric, value, target).
 * The ceiling row is the rank correlation an estimator would reach if it knew each merchant's
 * expected no-outage revenue exactly: what per-merchant sampling noise alone allows.
 */
final class TruthEvaluation {
  private TruthEvaluation() {}

  static Dataset<Row> evaluate(
      SparkSession spark,
      Dataset<Row> impact,
      Dataset<Row> totals,
      Dataset<Row> backtest,
      String truthPath) {
    Dataset<Row> truth = spark.read().parquet(truthPath);
    List<Row> joined =
        impact
            .join(
                truth.select(
                    col("merchant_id"),
                    col("true_lost_revenue"),
                    col("expected_revenue_no_outage"),
                    col("actual_revenue").as("true_actual_revenue")),
                "merchant_id")
            // in merchant order: the sums below must not depend on the order partitions arrive in
            .orderBy("merchant_id")
            .select(
                col("existing"),
                col("lost_revenue"),
                col("lost_revenue_low"),
                col("lost_revenue_high"),
                col("true_lost_revenue"),
                col("expected_revenue_no_outage"),
                col("true_actual_revenue"),
                col("estimate_quality"))
            .collectAsList();
    double estimate = 0;
    double actualTruth = 0;
    int covered = 0;
    double[] newShops = new double[2];
    double[] withoutControl = new double[2];
    List<double[]> existing = new ArrayList<>();
    for (Row r : joined) {
      double lost = r.getDouble(1);
      double t = r.getDouble(4);
      estimate += lost;
      actualTruth += t;
      if (!r.getBoolean(0)) {
        newShops[0] += lost;
        newShops[1] += t;
      }
      if ("no_control_series".equals(r.getString(7))) {
        withoutControl[0] += lost;
        withoutControl[1] += t;
      }
      if (t >= r.getDouble(2) && t <= r.getDouble(3)) {
        covered++;
      }
      if (r.getBoolean(0)) {
        existing.add(new double[] {lost, t, r.getDouble(5) - r.getDouble(6)});
      }
    }
    Row platform = totals.filter(col("scope").equalTo("platform")).first();
    double low = platform.getDouble(platform.fieldIndex("lost_revenue_low"));
    double high = platform.getDouble(platform.fieldIndex("lost_revenue_high"));
    double[] est = existing.stream().mapToDouble(v -> v[0]).toArray();
    double[] tru = existing.stream().mapToDouble(v -> v[1]).toArray();
    double[] oracle = existing.stream().mapToDouble(v -> v[2]).toArray();
    MetricTable metrics = MetricTable.withTextColumns("target", "status");
    metrics.add("merchants_compared", joined.size(), Target.report(""));
    metrics.add("total_lost_revenue_estimate", estimate, Target.report(""));
    metrics.add("total_lost_revenue_truth", actualTruth, Target.report(""));
    metrics.add("total_relative_error", estimate / actualTruth - 1, Target.within("0.05", ""));
    metrics.add(
        "total_relative_error_with_control_series",
        (estimate - withoutControl[0]) / (actualTruth - withoutControl[1]) - 1,
        Target.within("0.05", "merchants whose industry has a control series"));
    metrics.add(
        "truth_inside_platform_interval",
        actualTruth >= low && actualTruth <= high ? 1 : 0,
        Target.check("1", v -> v == 1));
    metrics.add(
        "platform_interval_width_ratio",
        (high - low) / Math.abs(platform.getDouble(platform.fieldIndex("lost_revenue"))),
        Target.report("report: 90% interval width ÷ |lost revenue|"));
    metrics.add(
        "interval_coverage",
        (double) covered / Math.max(1, joined.size()),
        Target.between("0.85", "0.95"));
    List<Row> backtestPlatform =
        backtest.filter(col("scope").equalTo("platform")).select("coverage").collectAsList();
    if (!backtestPlatform.isEmpty() && !backtestPlatform.get(0).isNullAt(0)) {
      metrics.add(
          "backtest_coverage",
          backtestPlatform.get(0).getDouble(0),
          Target.between("0.85", "0.95"));
    }
    metrics.add("new_merchants_lost_revenue_estimate", newShops[0], Target.report(""));
    metrics.add("new_merchants_lost_revenue_truth", newShops[1], Target.report(""));
    metrics.add(
        "new_merchants_error_share_of_total",
        (newShops[0] - newShops[1]) / Math.abs(actualTruth),
        Target.report("report: (estimate − truth) ÷ total true loss"));
    double ceiling = RankCorrelation.spearman(oracle, tru);
    metrics.add(
        "spearman_existing",
        RankCorrelation.spearman(est, tru),
        Target.check(
            "at least 0.9 × spearman_ceiling_known_expected_counterfactual",
            v -> v >= 0.9 * ceiling));
    metrics.add(
        "spearman_ceiling_known_expected_counterfactual",
        ceiling,
        Target.report("reference: the same with the true expected counterfactual"));
    return metrics.dataset(spark); // one file, rows in this order
  }
}

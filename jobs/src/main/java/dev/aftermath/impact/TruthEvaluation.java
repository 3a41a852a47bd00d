package dev.aftermath.impact;

import static org.apache.spark.sql.functions.col;

import dev.aftermath.spark.MetricTable;
import dev.aftermath.stats.RankCorrelation;
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
      SparkSession spark, Dataset<Row> impact, Dataset<Row> totals, String truthPath) {
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
            .select(
                col("existing"),
                col("lost_revenue"),
                col("lost_revenue_low"),
                col("lost_revenue_high"),
                col("true_lost_revenue"),
                col("expected_revenue_no_outage"),
                col("true_actual_revenue"))
            .collectAsList();
    double estimate = 0;
    double actualTruth = 0;
    int covered = 0;
    List<double[]> existing = new ArrayList<>();
    for (Row r : joined) {
      double lost = r.getDouble(1);
      double t = r.getDouble(4);
      estimate += lost;
      actualTruth += t;
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
    MetricTable metrics = MetricTable.withTextColumns("target");
    metrics.add("merchants_compared", joined.size(), "");
    metrics.add("total_lost_revenue_estimate", estimate, "");
    metrics.add("total_lost_revenue_truth", actualTruth, "");
    metrics.add("total_relative_error", estimate / actualTruth - 1, "within ±0.05");
    metrics.add(
        "truth_inside_platform_interval", actualTruth >= low && actualTruth <= high ? 1 : 0, "1");
    metrics.add("interval_coverage", (double) covered / Math.max(1, joined.size()), "0.85 to 0.95");
    metrics.add("spearman_existing", RankCorrelation.spearman(est, tru), "at least 0.9");
    metrics.add(
        "spearman_ceiling_known_expected_counterfactual",
        RankCorrelation.spearman(oracle, tru),
        "reference: the same with the true expected counterfactual");
    return metrics.dataset(spark); // one file, rows in this order
  }
}

package dev.aftermath.defection;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.aftermath.spark.ColumnNames;
import dev.aftermath.spark.ExactSum;
import dev.aftermath.spark.MetricTable;
import dev.aftermath.stats.RankCorrelation;
import dev.aftermath.stats.Target;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * For a generated case, the defection estimates against the planted truth ({@code
 * defection_evaluation}: metric, value, target). The truth compared is the number of the merchant's
 * active customers (the same look-back population) whom the generator made defect.
 */
final class DefectionEvaluation {
  private DefectionEvaluation() {}

  /**
   * Per merchant, among its active customers: how many the generator made defect, and the estimate
   * of an oracle that knew each customer's probability of no return had it not defected (the
   * generator's {@code window_no_return_probability}) and whether it was alive, and otherwise
   * counted non-returners exactly as the stage does. Its error is the chance non-return of
   * customers who stayed, which no estimator from non-return can remove: its rank correlation with
   * the truth is the ceiling for this stage's.
   */
  static Dataset<Row> truthByMerchant(Dataset<Row> active, Dataset<Row> customerTruth) {
    Column defected = sum(when(col("defected"), 1).otherwise(0)).as("true_defected");
    if (!Arrays.asList(customerTruth.columns()).contains("window_no_return_probability")) {
      return active
          .select("merchant_id", "customer_id")
          .join(customerTruth, ColumnNames.of("merchant_id", "customer_id"))
          .groupBy("merchant_id")
          .agg(
              defected,
              lit(null).cast(DataTypes.DoubleType).as("oracle_defected"),
              lit(null).cast(DataTypes.DoubleType).as("oracle_expected_nonreturn"));
    }
    Column p0 = col("window_no_return_probability");
    Column observed = sum(when(col("returned"), 0).otherwise(1));
    Column wouldReturn = ExactSum.of(lit(1).minus(p0));
    Column alive = sum(when(col("alive_at_outage"), 1).otherwise(0));
    return active
        .select("merchant_id", "customer_id", "returned")
        .join(customerTruth, ColumnNames.of("merchant_id", "customer_id"))
        .groupBy("merchant_id")
        .agg(
            defected,
            when(
                    wouldReturn.gt(1e-9),
                    observed.minus(ExactSum.of(p0)).divide(wouldReturn).multiply(alive))
                .otherwise(lit(0.0))
                .as("oracle_defected"),
            ExactSum.of(p0).as("oracle_expected_nonreturn"));
  }

  static Dataset<Row> evaluate(
      SparkSession spark,
      Dataset<Row> merchantDefection,
      Dataset<Row> totals,
      Dataset<Row> truthByMerchant,
      Dataset<Row> merchants) {
    List<Row> joined =
        merchantDefection
            .filter(col("defected_customers").isNotNull().and(col("active_customers").gt(0)))
            .join(truthByMerchant, ColumnNames.of("merchant_id"), "left")
            .join(
                merchants.select("merchant_id", "data_recovered_pct"),
                ColumnNames.of("merchant_id"),
                "left")
            .orderBy(col("merchant_id"))
            .select(
                col("defected_customers"),
                col("defected_customers_low"),
                col("defected_customers_high"),
                coalesce(col("true_defected"), lit(0L)).cast(DataTypes.DoubleType),
                col("oracle_defected"),
                coalesce(col("data_recovered_pct").cast(DataTypes.DoubleType), lit(100.0)),
                col("industry"),
                col("expected_nonreturn"),
                col("oracle_expected_nonreturn"))
            .collectAsList();
    double estimate = 0;
    double truth = 0;
    int covered = 0;
    double[] est = new double[joined.size()];
    double[] tru = new double[joined.size()];
    double[] oracle = new double[joined.size()];
    double oracleTotal = 0;
    boolean hasOracle = true;
    double[][] byRecovery = new double[3][2];
    java.util.Map<String, double[]> byIndustry = new java.util.TreeMap<>();
    for (int i = 0; i < joined.size(); i++) {
      Row r = joined.get(i);
      double recovered = r.getDouble(5);
      int band = recovered >= 100 ? 0 : recovered > 0 ? 1 : 2;
      byRecovery[band][0] += r.getDouble(0);
      byRecovery[band][1] += r.getDouble(3);
      double[] ind = byIndustry.computeIfAbsent(r.getString(6), k -> new double[4]);
      ind[0] += r.getDouble(0);
      ind[1] += r.getDouble(3);
      ind[2] += r.isNullAt(7) ? 0 : r.getDouble(7);
      ind[3] += r.isNullAt(8) ? 0 : r.getDouble(8);
      est[i] = r.getDouble(0);
      tru[i] = r.getDouble(3);
      hasOracle &= !r.isNullAt(4);
      oracle[i] = r.isNullAt(4) ? 0 : r.getDouble(4);
      oracleTotal += oracle[i];
      estimate += est[i];
      truth += tru[i];
      if (tru[i] >= r.getDouble(1) && tru[i] <= r.getDouble(2)) {
        covered++;
      }
    }
    Row platform = totals.filter(col("scope").equalTo("platform")).first();
    double low = platform.getDouble(platform.fieldIndex("defected_customers_low"));
    double high = platform.getDouble(platform.fieldIndex("defected_customers_high"));
    MetricTable metrics = MetricTable.withTextColumns("target", "status");
    metrics.add(
        "merchants_compared", joined.size(), Target.report("merchants with active customers"));
    metrics.add("total_defected_estimate", estimate, Target.report(""));
    metrics.add("total_defected_truth", truth, Target.report(""));
    metrics.add("total_relative_error", estimate / truth - 1, Target.within("0.10", ""));
    metrics.add(
        "truth_inside_platform_interval",
        truth >= low && truth <= high ? 1 : 0,
        Target.check("1", v -> v == 1));
    metrics.add(
        "interval_coverage",
        (double) covered / Math.max(1, joined.size()),
        Target.report("reported (nominal 0.90)"));
    boolean oracleRows = hasOracle && joined.size() > 1;
    double ceiling = oracleRows ? RankCorrelation.spearman(oracle, tru) : Double.NaN;
    String spearmanTarget = "at least 0.9 × spearman_ceiling_known_no_return";
    metrics.add(
        "spearman_existing",
        RankCorrelation.spearman(est, tru),
        oracleRows
            ? Target.check(spearmanTarget, v -> v >= 0.9 * ceiling)
            : Target.report(spearmanTarget + " (no oracle in the truth)"));
    String[] bands = {"full", "partial", "none"};
    for (int b = 0; b < 3; b++) {
      if (byRecovery[b][1] > 0) {
        metrics.add(
            "total_relative_error_data_recovered_" + bands[b],
            byRecovery[b][0] / byRecovery[b][1] - 1,
            Target.report("merchants with " + bands[b] + " data recovery"));
      }
    }
    byIndustry.forEach(
        (industry, v) -> {
          if (v[1] > 0) {
            metrics.add(
                "total_relative_error_industry_" + industry,
                v[0] / v[1] - 1,
                Target.report("merchants of " + industry));
          }
          if (v[3] > 0) {
            metrics.add(
                "expected_nonreturn_relative_error_industry_" + industry,
                v[2] / v[3] - 1,
                Target.report("the customer model's expected non-return against the generator's"));
          }
        });
    if (oracleRows) {
      metrics.add(
          "total_relative_error_known_no_return",
          oracleTotal / truth - 1,
          Target.report("oracle: each customer's no-return probability known"));
      metrics.add(
          "spearman_ceiling_known_no_return",
          ceiling,
          Target.report("oracle: ceiling for an estimator from non-return"));
    }
    return metrics.dataset(spark);
  }
}

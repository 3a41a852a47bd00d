package dev.aftermath.defection;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.aftermath.spark.ColumnNames;
import dev.aftermath.stats.RankCorrelation;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * For a generated case, the defection estimates against the planted truth ({@code
 * defection_evaluation}: metric, value, target). The truth compared is the number of the merchant's
 * active customers (the same look-back population) whom the generator made defect.
 */
final class DefectionEvaluation {
  private DefectionEvaluation() {}

  static Dataset<Row> evaluate(
      SparkSession spark,
      Dataset<Row> merchantDefection,
      Dataset<Row> totals,
      Dataset<Row> truthByMerchant) {
    List<Row> joined =
        merchantDefection
            .filter(col("defected_customers").isNotNull().and(col("active_customers").gt(0)))
            .join(truthByMerchant, ColumnNames.of("merchant_id"), "left")
            .select(
                col("defected_customers"),
                col("defected_customers_low"),
                col("defected_customers_high"),
                coalesce(col("true_defected"), lit(0L)).cast(DataTypes.DoubleType))
            .collectAsList();
    double estimate = 0;
    double truth = 0;
    int covered = 0;
    double[] est = new double[joined.size()];
    double[] tru = new double[joined.size()];
    for (int i = 0; i < joined.size(); i++) {
      Row r = joined.get(i);
      est[i] = r.getDouble(0);
      tru[i] = r.getDouble(3);
      estimate += est[i];
      truth += tru[i];
      if (tru[i] >= r.getDouble(1) && tru[i] <= r.getDouble(2)) {
        covered++;
      }
    }
    Row platform = totals.filter(col("scope").equalTo("platform")).first();
    double low = platform.getDouble(platform.fieldIndex("defected_customers_low"));
    double high = platform.getDouble(platform.fieldIndex("defected_customers_high"));
    List<Row> rows = new ArrayList<>();
    rows.add(row("merchants_compared", joined.size(), "merchants with active customers"));
    rows.add(row("total_defected_estimate", estimate, ""));
    rows.add(row("total_defected_truth", truth, ""));
    rows.add(row("total_relative_error", estimate / truth - 1, "within ±0.10"));
    rows.add(row("truth_inside_platform_interval", truth >= low && truth <= high ? 1 : 0, "1"));
    rows.add(
        row(
            "interval_coverage",
            (double) covered / Math.max(1, joined.size()),
            "reported (nominal 0.90)"));
    rows.add(row("spearman_existing", RankCorrelation.spearman(est, tru), "at least 0.8"));
    StructType schema =
        new StructType()
            .add("metric", DataTypes.StringType)
            .add("value", DataTypes.DoubleType)
            .add("target", DataTypes.StringType);
    return spark.createDataFrame(rows, schema).coalesce(1);
  }

  private static Row row(String metric, double value, String target) {
    return RowFactory.create(metric, value, target);
  }
}

package dev.aftermath.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import dev.aftermath.scenario.Scenario;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/** The ingested form of each input table: contract columns plus a few derived ones. */
final class TableShapes {
  private TableShapes() {}

  /** Drops lineage and adds the derived columns documented in the data dictionary. */
  static Dataset<Row> shape(TableSpec spec, Dataset<Row> kept, Scenario scenario) {
    Dataset<Row> base =
        kept.select(
            spec.columnNames().stream().map(c -> col("`" + c + "`")).toArray(Column[]::new));
    return switch (spec.name()) {
      case "merchants" ->
          base.withColumn(
              "is_new",
              not(
                  col("signup_date")
                      .cast(DataTypes.TimestampNTZType)
                      .lt(lit(scenario.outage().start()))));
      case "orders" ->
          base.withColumn("local_date", to_date(col("created_at")))
              .withColumn(
                  "revenue",
                  when(col("status").equalTo("PAID"), col("amount").minus(col("tax")))
                      .otherwise(lit(0))
                      .cast(ColumnType.DECIMAL.sparkType()));
      case "churn_signals" ->
          base.withColumn("signal", lower(trim(col("signal"))))
              .withColumn("local_date", to_date(col("ts")));
      default -> base;
    };
  }
}

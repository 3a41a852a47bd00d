package dev.aftermath.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Reads an input table into source rows: lineage columns, then the contract's columns in contract
 * order (text for CSV, the stored types for Parquet; absent optional columns are null).
 */
final class SourceReader {
  private SourceReader() {}

  static Dataset<Row> read(SparkSession spark, TableSource source) {
    return source.format() == SourceFormat.CSV ? csv(spark, source) : parquet(spark, source);
  }

  private static Dataset<Row> csv(SparkSession spark, TableSource source) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<Row> rows =
        jsc.parallelize(source.files(), source.files().size())
            .mapPartitions(
                new CsvPartitionReader(
                    source,
                    new SerializableConfiguration(spark.sparkContext().hadoopConfiguration())));
    return spark.createDataFrame(rows, SourceColumns.csvSchema(source.spec()));
  }

  private static Dataset<Row> parquet(SparkSession spark, TableSource source) {
    Dataset<Row> df = spark.read().parquet(source.files().toArray(String[]::new));
    Set<String> present =
        Arrays.stream(df.columns())
            .map(c -> c.toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    List<Column> columns = new ArrayList<>();
    columns.add(col("_metadata.file_path").as(SourceColumns.FILE));
    columns.add(lit(null).cast(DataTypes.LongType).as(SourceColumns.LINE));
    columns.add(col("_metadata.row_index").plus(1).as(SourceColumns.ROW));
    // a row read from a database is named by its key, in place of a line
    columns.add(
        source.database() == null
            ? lit(null).cast(DataTypes.StringType).as(SourceColumns.RAW)
            : concat_ws(
                    ", ",
                    source.database().key().stream()
                        .map(k -> k.toLowerCase(Locale.ROOT))
                        .map(
                            k ->
                                RowValidator.CUSTOMER_ID.equals(k)
                                    ? lit(k + "=" + RowValidator.CUSTOMER_MASK)
                                    : concat(
                                        lit(k + "="),
                                        coalesce(
                                            col("`" + k + "`").cast(DataTypes.StringType),
                                            lit("NULL"))))
                        .toArray(Column[]::new))
                .as(SourceColumns.RAW));
    columns.add(lit(null).cast(DataTypes.StringType).as(SourceColumns.DEFECT));
    columns.add(lit(null).cast(DataTypes.LongType).as(SourceColumns.END_LINE));
    for (ColumnSpec c : source.spec().columns()) {
      columns.add(
          present.contains(c.name())
              ? col("`" + c.name() + "`").as(c.name())
              : lit(null).cast(DataTypes.StringType).as(c.name()));
    }
    return df.select(columns.toArray(Column[]::new));
  }
}

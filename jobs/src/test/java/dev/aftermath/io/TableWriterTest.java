package dev.aftermath.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftermath.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableWriterTest extends SparkTestBase {
  @TempDir Path tmp;

  @Test
  void csvTwinKeepsTheOrderTheTableWasWrittenIn() throws Exception {
    // later keys carry longer (incompressible) text, so the later part files are the larger ones: a
    // reader that
    // packs files by size would put them first
    Dataset<Row> ordered =
        spark
            .range(0, 2000)
            .withColumn(
                "text",
                expr(
                    "concat_ws('', transform(sequence(0, int(id / 20)),"
                        + " k -> sha2(concat(id, '-', k), 256)))"))
            .repartitionByRange(4, col("id"))
            .sortWithinPartitions("id");
    TableWriter writer = TableWriter.uncontracted(spark, new OutputLayout(tmp.toString()));
    assertThat(writer.result("t", ordered)).isEqualTo(2000);
    List<String> lines = Files.readAllLines(Path.of(writer.layout().csv("t").toString()));
    assertThat(lines).hasSize(2001);
    assertThat(lines.get(0)).isEqualTo("id,text"); // one header, the parts joined under it
    for (int i = 1; i < lines.size(); i++) {
      assertThat(lines.get(i)).startsWith((i - 1) + ",");
    }
  }

  @Test
  void theContentObservedWhileWritingIsTheContentReadBack() throws Exception {
    // every type the tables hold, nulls, and more rows than one task
    Dataset<Row> table =
        spark
            .range(0, 5000)
            .selectExpr(
                "concat('M', id % 37) AS merchant_id",
                "CAST(id * 1.25 AS DECIMAL(18, 4)) AS amount",
                "IF(id % 11 = 0, NULL, id / 7.0) AS share",
                "id % 3 = 0 AS flag",
                "date_add(DATE '2020-02-23', CAST(id % 90 AS INT)) AS date",
                "CAST(timestamp_seconds(1582416000 + id * 60) AS TIMESTAMP_NTZ) AS at",
                "id")
            .repartition(4);
    TableWriter writer = TableWriter.uncontracted(spark, new OutputLayout(tmp.toString()));
    assertThat(writer.result("t", table)).isEqualTo(5000);
    var observed = writer.contents().get("t");
    var readBack = TableContent.of(writer.read("t"));
    assertThat(observed).isEqualTo(readBack);
    assertThat(observed.get("rows")).isEqualTo(5000L);
    // the hash sees a changed value
    TableWriter other =
        TableWriter.uncontracted(
            spark, new OutputLayout(Files.createDirectories(tmp.resolve("other")).toString()));
    other.parquet("t", table.withColumn("id", col("id").plus(expr("IF(id = 4999, 1, 0)"))));
    assertThat(other.contents().get("t").get("content_hash"))
        .isNotEqualTo(observed.get("content_hash"));
  }

  private static StructType caseNotes(String detail, org.apache.spark.sql.types.DataType count) {
    return new StructType()
        .add("note", DataTypes.StringType)
        .add("count", count)
        .add("of", DataTypes.LongType)
        .add(detail, DataTypes.StringType);
  }

  private Dataset<Row> notes(StructType schema) {
    Object count = schema.apply("count").dataType().equals(DataTypes.LongType) ? 3L : 3;
    return spark.createDataFrame(
        List.of(RowFactory.create("merchants_without_orders", count, 10L, "M1, M2, M3")), schema);
  }

  @Test
  void writesATableThatKeepsItsContract() throws Exception {
    TableWriter writer = new TableWriter(spark, new OutputLayout(tmp.toString()));
    assertThat(writer.result("case_notes", notes(caseNotes("detail", DataTypes.LongType))))
        .isEqualTo(1);
    assertThat(Files.readAllLines(Path.of(writer.layout().csv("case_notes").toString())).get(0))
        .isEqualTo("note,count,of,detail");
  }

  @Test
  void refusesARenamedColumnAndWritesNothing() throws Exception {
    TableWriter writer = new TableWriter(spark, new OutputLayout(tmp.toString()));
    assertThatThrownBy(
            () -> writer.result("case_notes", notes(caseNotes("details", DataTypes.LongType))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "table case_notes has column details, which its contract does not name");
    assertThat(Files.exists(Path.of(writer.layout().table("case_notes").toString()))).isFalse();
  }

  @Test
  void refusesAColumnOfAnotherType() throws Exception {
    TableWriter writer = new TableWriter(spark, new OutputLayout(tmp.toString()));
    assertThatThrownBy(
            () -> writer.parquet("case_notes", notes(caseNotes("detail", DataTypes.IntegerType))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("table case_notes: column count is int, the contract says long");
  }

  @Test
  void refusesATableTheContractDoesNotName() throws Exception {
    TableWriter writer = new TableWriter(spark, new OutputLayout(tmp.toString()));
    assertThatThrownBy(() -> writer.result("case_note", spark.range(1).toDF()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("table case_note is not in the output contract");
  }

  @Test
  void aStageWriterRefusesTablesItsStageDoesNotDeclare() throws Exception {
    TableWriter writer =
        new TableWriter(spark, new OutputLayout(tmp.toString()))
            .scoped(
                "case notes", List.of("orders"), List.of("industry_index"), List.of("case_notes"));
    assertThat(writer.exists("industry_index")).isFalse();
    assertThatThrownBy(() -> writer.read("merchant_payout"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("stage 'case notes' reads table merchant_payout without declaring it");
    assertThatThrownBy(() -> writer.parquet("merchant_impact", spark.range(1).toDF()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("stage 'case notes' writes table merchant_impact without declaring it");
    assertThat(writer.parquet("case_notes", notes(caseNotes("detail", DataTypes.LongType))))
        .isEqualTo(1);
    assertThat(writer.read("case_notes").count())
        .as("a stage reads back its own table")
        .isEqualTo(1);
  }
}

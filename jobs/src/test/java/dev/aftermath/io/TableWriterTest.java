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
import org.junit.jupiter.api.Test;

class TableWriterTest extends SparkTestBase {
  @Test
  void csvTwinKeepsTheOrderTheTableWasWrittenIn() throws Exception {
    Path dir = Files.createTempDirectory("aftermath-writer");
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
    TableWriter writer = new TableWriter(spark, new OutputLayout(dir.toString()));
    assertThat(writer.result("t", ordered)).isEqualTo(2000);
    List<String> lines = Files.readAllLines(Path.of(writer.layout().csv("t").toString()));
    assertThat(lines).hasSize(2001);
    assertThat(lines.get(0)).isEqualTo("id,text"); // one header, the parts joined under it
    for (int i = 1; i < lines.size(); i++) {
      assertThat(lines.get(i)).startsWith((i - 1) + ",");
    }
  }

  @Test
  void aStageWriterRefusesTablesItsStageDoesNotDeclare() throws Exception {
    Path dir = Files.createTempDirectory("aftermath-writer");
    TableWriter writer =
        new TableWriter(spark, new OutputLayout(dir.toString()))
            .scoped("lost revenue", List.of("orders"), List.of("industry_index"), List.of("t"));
    assertThat(writer.exists("industry_index")).isFalse();
    assertThatThrownBy(() -> writer.read("merchant_payout"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("stage 'lost revenue' reads table merchant_payout without declaring it");
    assertThatThrownBy(() -> writer.parquet("merchant_impact", spark.range(1).toDF()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("stage 'lost revenue' writes table merchant_impact without declaring it");
    assertThat(writer.parquet("t", spark.range(3).toDF())).isEqualTo(3);
    assertThat(writer.read("t").count()).as("a stage reads back its own table").isEqualTo(3);
  }
}

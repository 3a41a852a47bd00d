package dev.aftermath.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aftermath.GeneratedRuns;
import dev.aftermath.SparkTestBase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark on the generated 400-merchant run: every stage has its timings in the run summary,
 * the DuckDB peer computes the same merchant-day table as the pipeline (rows and every column's
 * total), and the result JSON has a ratio for each computation that has a stage. Times are
 * recorded, never judged, here.
 */
class BenchmarkTest extends SparkTestBase {
  @TempDir Path tmp;

  @Test
  void thePeerComputesTheSameMerchantDayTableAndEveryComputationIsTimed() throws Exception {
    Path dir = GeneratedRuns.dir(spark);
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("out/run-summary.json").toFile());
    List<String> stages = summary.path("stages").findValuesAsText("stage");
    assertThat(stages)
        .contains(
            "ingest orders",
            "merchant_day",
            "defection: customer histories",
            "schemes: merchant inputs");
    for (JsonNode s : summary.path("stages")) {
      assertThat(s.path("wall_seconds").asDouble()).isGreaterThanOrEqualTo(0);
      assertThat(s.path("cpu_seconds").asDouble()).isGreaterThanOrEqualTo(0);
    }
    assertThat(summary.path("spark_settings").path("spark.sql.shuffle.partitions").asText())
        .isEqualTo("8");

    Path results = tmp.resolve("results/r.json");
    StringWriter printed = new StringWriter();
    Benchmark.compare(
        spark,
        dir.resolve("out"),
        dir.resolve("case"),
        "test",
        results,
        new PrintWriter(printed, true));
    JsonNode r = new ObjectMapper().readTree(results.toFile());
    assertThat(r.path("checks").path("merchant_day_same").asBoolean())
        .as(r.path("checks").toString())
        .isTrue();
    assertThat(r.path("orders_rows").asLong())
        .isEqualTo(summary.path("tables").path("orders").asLong());
    assertThat(r.path("peer")).hasSize(DuckDbPeer.COMPUTATIONS.size());
    for (JsonNode p : r.path("peer")) {
      assertThat(p.path("duckdb_rows").asLong()).isPositive();
      if (!p.path("our_stage").isNull()) {
        assertThat(p.path("ratio_ours_to_duckdb").isNumber()).isTrue();
      }
    }
    assertThat(printed.toString()).contains("ours/DuckDB").contains("identical");
    // the plain-Spark floor gives the same tables as our transforms, each timed beside ours
    assertThat(r.path("floor")).hasSize(5);
    for (JsonNode f : r.path("floor")) {
      assertThat(f.path("floor_wall_seconds").asDouble()).as(f.toString()).isPositive();
      if (!f.path("our_stage").isNull()) {
        assertThat(f.path("same").asBoolean()).as(f.toString()).isTrue();
        assertThat(f.path("rows").asLong()).as(f.toString()).isPositive();
        assertThat(f.path("ratio_stage_to_floor").isNumber()).isTrue();
        // ingestion is timed against the run's stage only; the others are run again beside it
        assertThat(f.path("ratio_ours_to_floor").isNumber())
            .isEqualTo(!f.path("our_stage").asText().equals("ingest orders"));
      }
    }
    assertThat(r.path("floor").get(1).path("detail").asText())
        .contains("identical")
        .contains("lacks");
    assertThat(printed.toString()).contains("ours/floor");
  }

  @Test
  void theFloorsComparisonsSeeADifference() throws Exception {
    Path dir = GeneratedRuns.dir(spark);
    var scenario = scenario(dir);
    SparkFloor floor = new SparkFloor(spark, dir.resolve("out"), scenario, tmp);
    for (SparkFloor.Computation c :
        List.of(
            SparkFloor.SCAN,
            SparkFloor.MERCHANT_DAY,
            SparkFloor.PAYOUT_INPUTS,
            SparkFloor.HISTORIES,
            SparkFloor.INGEST_ORDERS)) {
      assertThat(floor.sql(c)).doesNotContain("${");
    }
    var histories = spark.sql(floor.sql(SparkFloor.HISTORIES)).cache();
    assertThat(SparkFloor.historiesDiffer(histories, histories)).isEmpty();
    var shifted =
        histories.withColumn(
            "monetary",
            org.apache
                .spark
                .sql
                .functions
                .when(
                    org.apache.spark.sql.functions.col("x").gt(1),
                    org.apache.spark.sql.functions.col("monetary").plus(0.01))
                .otherwise(org.apache.spark.sql.functions.col("monetary")));
    assertThat(SparkFloor.historiesDiffer(histories, shifted)).contains("customers differ");
    assertThat(SparkFloor.historiesDiffer(histories, histories.limit(10)))
        .contains("customers differ");
    var inputs = spark.sql(floor.sql(SparkFloor.PAYOUT_INPUTS)).collectAsList();
    assertThat(SparkFloor.RowComparison.differences(inputs, inputs, x -> x.getString(0))).isEmpty();
    assertThat(
            SparkFloor.RowComparison.differences(
                inputs, inputs.subList(1, inputs.size()), x -> x.getString(0)))
        .contains("rows against");
    assertThat(SparkFloor.RowComparison.same(1.0, 1.0 + 1e-12)).isTrue();
    assertThat(SparkFloor.RowComparison.same(1.0, 1.001)).isFalse();
    assertThat(SparkFloor.RowComparison.same(null, 0.0)).isFalse();
    histories.unpersist();
  }

  @Test
  void scalingSlopeIsTheExponentOfTimeInRows() {
    double[] rows = {1e6, 4e6, 16e6};
    assertThat(Scaling.slope(rows, new double[] {10, 40, 160})).isCloseTo(1.0, within(1e-12));
    assertThat(Scaling.slope(rows, new double[] {10, 160, 2560})).isCloseTo(2.0, within(1e-12));
    assertThat(Scaling.slope(rows, new double[] {50, 50, 50})).isCloseTo(0.0, within(1e-12));
    assertThat(Scaling.slope(new double[] {5, 5}, new double[] {1, 2})).isNaN();
  }

  @Test
  void scalingPrintsEachComputationsRatioAtEveryScale() throws Exception {
    ObjectMapper m = new ObjectMapper();
    List<JsonNode> results =
        List.of(
            m.readTree(
                "{\"orders_rows\": 100, \"run_seconds\": 10, \"stages\": [],"
                    + " \"floor\": [{\"computation\": \"md\", \"ratio_ours_to_floor\": 1.5}]}"),
            m.readTree(
                "{\"orders_rows\": 400, \"run_seconds\": 40, \"stages\": [],"
                    + " \"floor\": [{\"computation\": \"md\", \"ratio_ours_to_floor\": 1.1}]}"));
    StringWriter printed = new StringWriter();
    Scaling.print(results, new PrintWriter(printed, true));
    assertThat(printed.toString()).contains("ours/plain Spark at each scale");
    assertThat(printed.toString()).containsPattern("md +1\\.50 +1\\.10");
  }

  @Test
  void everyPlaceholderOfThePeerSqlHasAValue() throws Exception {
    Path dir = GeneratedRuns.dir(spark);
    var scenario = scenario(dir);
    try (DuckDbPeer peer = new DuckDbPeer(dir.resolve("out"), tmp, scenario, 1, 512)) {
      for (PeerComputation c : DuckDbPeer.COMPUTATIONS) {
        assertThat(peer.sql(c)).doesNotContain("${");
      }
    }
    assertThat(Files.exists(tmp)).isTrue();
  }

  private static dev.aftermath.scenario.Scenario scenario(Path dir) {
    return dev.aftermath.ingest.CaseLayout.inspect(
            dir.resolve("case").toString(), new org.apache.hadoop.conf.Configuration())
        .scenario();
  }
}

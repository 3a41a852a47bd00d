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
        dir.resolve("out"), dir.resolve("case"), "test", results, new PrintWriter(printed, true));
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
  void everyPlaceholderOfThePeerSqlHasAValue() throws Exception {
    Path dir = GeneratedRuns.dir(spark);
    var scenario =
        dev.aftermath.ingest.CaseLayout.inspect(
                dir.resolve("case").toString(), new org.apache.hadoop.conf.Configuration())
            .scenario();
    try (DuckDbPeer peer = new DuckDbPeer(dir.resolve("out"), tmp, scenario, 1, 512)) {
      for (PeerComputation c : DuckDbPeer.COMPUTATIONS) {
        assertThat(peer.sql(c)).doesNotContain("${");
      }
    }
    assertThat(Files.exists(tmp)).isTrue();
  }
}

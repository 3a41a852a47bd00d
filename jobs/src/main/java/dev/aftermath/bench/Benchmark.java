package dev.aftermath.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aftermath.ingest.CaseLayout;
import dev.aftermath.scenario.Scenario;
import dev.aftermath.spark.HadoopSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;

/**
 * The benchmark's record of one finished run: the run's stages (from {@code run-summary.json}), the
 * DuckDB peer timed on the same Parquet in the same process session, ours/DuckDB per computation,
 * and a check that the peer's merchant-day table holds the same totals as ours. Printed as tables
 * and written as JSON to compare runs over time.
 */
public final class Benchmark {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Benchmark() {}

  /**
   * Times the peer on the finished run in {@code run} (its case in {@code casePath}, or where the
   * run's summary says when null), then the Spark floor beside our transforms in {@code spark}
   * (skipped when null), prints, and writes {@code results}.
   */
  public static ObjectNode compare(
      SparkSession spark, Path run, Path casePath, String label, Path results, PrintWriter out)
      throws IOException, SQLException {
    JsonNode summary = JSON.readTree(run.resolve("run-summary.json").toFile());
    if (!summary.has("stages")) {
      throw new IllegalArgumentException(
          run + "/run-summary.json has no stage timings: run the pipeline again with this version");
    }
    String caseDir = casePath != null ? casePath.toString() : summary.path("case").asText();
    Scenario scenario = CaseLayout.inspect(caseDir, HadoopSettings.beforeSpark()).scenario();
    int cores = summary.path("cores").asInt(Runtime.getRuntime().availableProcessors());
    long heapMiB = summary.path("max_heap_mib").asLong(Runtime.getRuntime().maxMemory() >> 20);

    ObjectNode r = JSON.createObjectNode();
    r.put("label", label);
    r.put("recorded_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    ObjectNode machine = r.putObject("machine");
    machine.put("cores", cores);
    machine.put("memory_gib", totalMemoryGiB());
    machine.put("java", System.getProperty("java.version"));
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    r.put("case", caseDir);
    r.put("merchants", summary.path("tables").path("merchants").asLong());
    r.put("orders_rows", summary.path("tables").path("orders").asLong());
    r.put("rows_read", summary.path("rows_read").asLong());
    r.put("run_seconds", summary.path("seconds").asDouble());
    r.put("max_heap_mib", heapMiB);
    r.set("spark_settings", summary.path("spark_settings"));
    r.set("stages", summary.path("stages"));

    Path peerDir = run.resolve("peer");
    DuckDbPeer.prepare(peerDir);
    ArrayNode peer = r.putArray("peer");
    try (DuckDbPeer db = new DuckDbPeer(run, peerDir, scenario, cores, heapMiB)) {
      for (PeerComputation c : DuckDbPeer.COMPUTATIONS) {
        JsonNode ours = c.ourStage() == null ? null : stage(summary, c.ourStage());
        double[] t = db.time(c);
        PeerTiming timing =
            new PeerTiming(
                c.name(),
                c.ourStage(),
                ours == null ? Double.NaN : ours.path("wall_seconds").asDouble(),
                ours == null ? Double.NaN : ours.path("cpu_seconds").asDouble(),
                t[0],
                t[1],
                (long) t[2]);
        ObjectNode e = peer.addObject();
        e.put("computation", timing.computation());
        e.put("our_stage", timing.ourStage());
        putNumber(e, "our_wall_seconds", timing.ourWall());
        putNumber(e, "our_cpu_seconds", timing.ourCpu());
        putNumber(e, "duckdb_wall_seconds", timing.peerWall());
        putNumber(e, "duckdb_cpu_seconds", timing.peerCpu());
        e.put("duckdb_rows", timing.peerRows());
        putNumber(e, "ratio_ours_to_duckdb", timing.ratio());
      }
      r.set("checks", checks(db));
    }
    if (spark != null) {
      r.set("floor", floor(spark, run, caseDir, scenario, peerDir, summary));
    }
    Files.createDirectories(results.toAbsolutePath().getParent());
    Files.writeString(results, JSON.writeValueAsString(r) + "\n");
    print(r, out);
    return r;
  }

  /**
   * Each core computation as plain Spark SQL beside our transform, in this session: times, whether
   * the outputs agree, ours ÷ floor (same process) and the run's stage ÷ floor.
   */
  private static ArrayNode floor(
      SparkSession spark,
      Path run,
      String caseDir,
      Scenario scenario,
      Path work,
      JsonNode summary) {
    SparkFloor floor = new SparkFloor(spark, run, scenario, work);
    ArrayNode a = JSON.createArrayNode();
    double[] scan = floor.scan();
    ObjectNode s = a.addObject();
    s.put("computation", SparkFloor.SCAN.name());
    s.putNull("our_stage");
    putNumber(s, "floor_wall_seconds", scan[0]);
    putNumber(s, "floor_cpu_seconds", scan[1]);
    for (SparkFloor.Timing t :
        List.of(
            floor.ingestOrders(caseDir),
            floor.merchantDay(),
            floor.payoutInputs(),
            floor.customerHistories())) {
      ObjectNode e = a.addObject();
      double stage = stage(summary, t.computation().ourStage()).path("wall_seconds").asDouble();
      e.put("computation", t.computation().name());
      e.put("our_stage", t.computation().ourStage());
      putNumber(e, "our_stage_wall_seconds", stage);
      putNumber(e, "ours_wall_seconds", t.oursWall());
      putNumber(e, "ours_cpu_seconds", t.oursCpu());
      putNumber(e, "floor_wall_seconds", t.floorWall());
      putNumber(e, "floor_cpu_seconds", t.floorCpu());
      e.put("rows", t.rows());
      e.put("same", t.same());
      e.put("detail", t.detail());
      putNumber(e, "ratio_ours_to_floor", t.oursWall() / t.floorWall());
      putNumber(e, "ratio_stage_to_floor", stage / t.floorWall());
    }
    return a;
  }

  /** The peer's merchant_day against ours: rows and column totals, which must be equal. */
  private static ObjectNode checks(DuckDbPeer db) throws SQLException {
    String totals =
        "SELECT count(*), sum(net_revenue), sum(paid_orders), sum(customers), sum(refunds),"
            + " sum(refund_amount), count(*) FILTER (WHERE on_platform) FROM read_parquet('%s')";
    List<Object> ours = db.row(String.format(Locale.ROOT, totals, db.value("merchant_day")));
    List<Object> theirs =
        db.row(
            String.format(
                Locale.ROOT, totals, Path.of(db.value("peer")).resolve("merchant_day.parquet")));
    ObjectNode c = JSON.createObjectNode();
    c.put("merchant_day_ours", ours.toString());
    c.put("merchant_day_duckdb", theirs.toString());
    c.put("merchant_day_same", Objects.equals(ours.toString(), theirs.toString()));
    return c;
  }

  private static JsonNode stage(JsonNode summary, String name) {
    for (JsonNode s : summary.path("stages")) {
      if (s.path("stage").asText().equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("the run has no stage named '" + name + "'");
  }

  private static void putNumber(ObjectNode o, String key, double v) {
    if (Double.isFinite(v)) {
      o.put(key, Math.round(v * 100) / 100.0);
    } else {
      o.putNull(key);
    }
  }

  /** Prints a result: the stage table, then the peer table. */
  public static void print(JsonNode r, PrintWriter out) {
    int cores = r.path("machine").path("cores").asInt(1);
    out.printf(
        Locale.ROOT,
        "%s: %,d merchants, %,d orders (%,d rows read), %d cores, heap %,d MiB: %.1f s in all%n%n",
        r.path("label").asText(),
        r.path("merchants").asLong(),
        r.path("orders_rows").asLong(),
        r.path("rows_read").asLong(),
        cores,
        r.path("max_heap_mib").asLong(),
        r.path("run_seconds").asDouble());
    out.printf(
        Locale.ROOT,
        "%-32s %12s %12s %8s %8s %14s %9s %9s%n",
        "stage",
        "rows in",
        "rows out",
        "wall s",
        "cpu s",
        "rows/s/core",
        "heap MiB",
        "RSS MiB");
    for (JsonNode s : r.path("stages")) {
      long in = s.path("rows_read").asLong();
      long outRows = s.path("rows_written").asLong();
      double wall = s.path("wall_seconds").asDouble();
      out.printf(
          Locale.ROOT,
          "%-32s %,12d %,12d %8.1f %8.1f %,14.0f %,9d %,9d%n",
          s.path("stage").asText(),
          in,
          outRows,
          wall,
          s.path("cpu_seconds").asDouble(),
          wall > 0 ? Math.max(in, outRows) / wall / cores : 0,
          s.path("peak_heap_mib").asLong(),
          s.path("peak_rss_mib").asLong());
    }
    out.println();
    out.printf(
        Locale.ROOT,
        "%-64s %8s %8s %10s %10s %12s%n",
        "computation (same Parquet)",
        "ours s",
        "cpu s",
        "DuckDB s",
        "cpu s",
        "ours/DuckDB");
    for (JsonNode p : r.path("peer")) {
      out.printf(
          Locale.ROOT,
          "%-64s %8s %8s %10.1f %10.1f %12s%n",
          p.path("computation").asText(),
          num(p.path("our_wall_seconds"), "%.1f"),
          num(p.path("our_cpu_seconds"), "%.1f"),
          p.path("duckdb_wall_seconds").asDouble(),
          p.path("duckdb_cpu_seconds").asDouble(),
          num(p.path("ratio_ours_to_duckdb"), "%.2f"));
    }
    if (r.has("floor")) {
      out.printf(
          Locale.ROOT,
          "%n%-64s %9s %8s %8s %8s %8s %11s %13s  %s%n",
          "computation as plain Spark SQL (same session)",
          "stage s",
          "ours s",
          "cpu s",
          "floor s",
          "cpu s",
          "ours/floor",
          "stage/floor",
          "same output");
      for (JsonNode p : r.path("floor")) {
        out.printf(
            Locale.ROOT,
            "%-64s %9s %8s %8s %8.1f %8.1f %11s %13s  %s%n",
            p.path("computation").asText(),
            num(p.path("our_stage_wall_seconds"), "%.1f"),
            num(p.path("ours_wall_seconds"), "%.1f"),
            num(p.path("ours_cpu_seconds"), "%.1f"),
            p.path("floor_wall_seconds").asDouble(),
            p.path("floor_cpu_seconds").asDouble(),
            num(p.path("ratio_ours_to_floor"), "%.2f"),
            num(p.path("ratio_stage_to_floor"), "%.2f"),
            p.has("same") ? p.path("detail").asText() : "–");
      }
    }
    JsonNode checks = r.path("checks");
    if (!checks.isMissingNode()) {
      out.printf(
          Locale.ROOT,
          "%nmerchant_day, ours and DuckDB's (rows, revenue, paid orders, customers, refunds, refund"
              + " amount, on-platform rows): %s%n  ours   %s%n  DuckDB %s%n",
          checks.path("merchant_day_same").asBoolean() ? "identical" : "DIFFERENT",
          checks.path("merchant_day_ours").asText(),
          checks.path("merchant_day_duckdb").asText());
    }
  }

  private static String num(JsonNode n, String format) {
    return n.isNumber() ? String.format(Locale.ROOT, format, n.asDouble()) : "–";
  }

  private static long totalMemoryGiB() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024));
    }
    return -1;
  }
}

package dev.aftermath.bench;

import dev.aftermath.defection.DefectionCalendar;
import dev.aftermath.scenario.Scenario;
import dev.aftermath.schemes.PayoutInputs;
import dev.aftermath.spark.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The peer of the benchmark: the pipeline's core computations as SQL in an embedded DuckDB over the
 * run's own Parquet tables, with as many threads and as much memory as the pipeline had. Each
 * statement is timed like a pipeline stage: wall clock and the process's CPU time.
 */
final class DuckDbPeer implements AutoCloseable {
  static final List<PeerComputation> COMPUTATIONS =
      List.of(
          new PeerComputation("scan floor (read and sum the order columns)", "scan_floor", null),
          new PeerComputation(
              "merchant-day revenue, paid orders, distinct customers",
              "merchant_day",
              "merchant_day"),
          new PeerComputation(
              "cash-plan baselines (schemes' merchant inputs)",
              "payout_inputs",
              "schemes: merchant inputs"),
          new PeerComputation(
              "pre-outage customer summaries (frequency, recency, age, spend)",
              "customer_histories",
              "defection: customer histories"));

  private final Connection db;
  private final Map<String, String> values;

  DuckDbPeer(Path run, Path peerDir, Scenario scenario, int threads, long memoryMiB)
      throws SQLException {
    this.db = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = db.createStatement()) {
      s.execute("SET threads = " + threads);
      s.execute("SET memory_limit = '" + memoryMiB + "MB'");
    }
    this.values = values(run.resolve("tables"), peerDir, scenario);
  }

  /** The placeholders of the SQL files and their values for this run. */
  static Map<String, String> values(Path tables, Path peerDir, Scenario scenario) {
    DefectionCalendar cal = DefectionCalendar.of(scenario, Map.of());
    Map<String, String> v = new LinkedHashMap<>();
    for (String table :
        List.of(
            "orders",
            "merchants",
            "merchant_day",
            "merchant_day_counterfactual",
            "merchant_impact")) {
      v.put(table, tables.resolve(table).resolve("*.parquet").toString());
    }
    v.put("peer", peerDir.toString());
    v.put("history_start", scenario.analysis().historyStart().toString());
    v.put("horizon_end", scenario.analysis().horizonEnd().toString());
    v.put("outage_start", timestamp(scenario.outage().start()));
    v.put("outage_date", scenario.outage().start().toLocalDate().toString());
    v.put("outage_day", Integer.toString(cal.outageDay()));
    v.put("window_start_day", Integer.toString(cal.windowStartDay()));
    v.put("horizon_day", Integer.toString(cal.horizonDay()));
    List<String> sums = new ArrayList<>();
    List<LocalDateTime[]> windows = new ArrayList<>(PayoutInputs.windows(scenario).values());
    for (int k = 0; k < windows.size(); k++) {
      sums.add(
          String.format(
              Locale.ROOT,
              "sum(CASE WHEN created_at >= TIMESTAMP '%s' AND created_at < TIMESTAMP '%s'"
                  + " THEN revenue ELSE 0 END) AS w%d",
              timestamp(windows.get(k)[0]),
              timestamp(windows.get(k)[1]),
              k));
    }
    v.put("window_sums", String.join(", ", sums));
    return v;
  }

  private static String timestamp(LocalDateTime t) {
    return t.toString().replace('T', ' ');
  }

  /** The SQL of a computation with this run's values in place. */
  String sql(PeerComputation c) {
    return SqlTemplate.fill("/bench/" + c.resource() + ".sql", values);
  }

  /** Runs a computation once, timed; returns wall and CPU seconds and the rows it produced. */
  double[] time(PeerComputation c) throws SQLException {
    String sql = sql(c);
    long cpu0 = Progress.processCpuNanos();
    long t0 = System.nanoTime();
    long rows;
    try (Statement s = db.createStatement()) {
      boolean query = s.execute(sql);
      rows = query ? drain(s.getResultSet()) : s.getUpdateCount();
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpu = (Progress.processCpuNanos() - cpu0) / 1e9;
    return new double[] {wall, cpu, rows};
  }

  private static long drain(ResultSet rs) throws SQLException {
    long n = 0;
    while (rs.next()) {
      n++;
    }
    return n;
  }

  /** A single-row query's values, for the checks that the peer computed the same thing. */
  List<Object> row(String sql) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<Object> out = new ArrayList<>();
      if (rs.next()) {
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          out.add(rs.getObject(i));
        }
      }
      return out;
    }
  }

  /** The placeholder values, for the checks' queries. */
  String value(String name) {
    return values.get(name);
  }

  static void prepare(Path peerDir) throws IOException {
    Files.createDirectories(peerDir);
    Files.deleteIfExists(peerDir.resolve("merchant_day.parquet"));
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }
}

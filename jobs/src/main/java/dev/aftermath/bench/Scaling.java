package dev.aftermath.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How time grows with the orders: the least-squares slope of log(seconds) against log(order rows)
 * over benchmark results at several scales (1.0 = linear), for the whole run and for each stage
 * that every result has.
 */
public final class Scaling {
  private Scaling() {}

  /** The slope of log y against log x; NaN with fewer than two distinct x. */
  static double slope(double[] x, double[] y) {
    int n = x.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += Math.log(x[i]) / n;
      my += Math.log(y[i]) / n;
    }
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < n; i++) {
      double dx = Math.log(x[i]) - mx;
      sxy += dx * (Math.log(y[i]) - my);
      sxx += dx * dx;
    }
    return sxx > 0 ? sxy / sxx : Double.NaN;
  }

  /** Prints the scales, the run's slope and each stage's; returns the run's slope. */
  public static double print(List<JsonNode> results, PrintWriter out) {
    List<JsonNode> sorted = new ArrayList<>(results);
    sorted.sort(
        (a, b) -> Long.compare(a.path("orders_rows").asLong(), b.path("orders_rows").asLong()));
    double[] rows = sorted.stream().mapToDouble(r -> r.path("orders_rows").asDouble()).toArray();
    double[] total = sorted.stream().mapToDouble(r -> r.path("run_seconds").asDouble()).toArray();
    out.printf(Locale.ROOT, "%nscaling (time against order rows; slope 1.0 = linear)%n");
    out.printf(Locale.ROOT, "%-32s", "orders");
    for (double r : rows) {
      out.printf(Locale.ROOT, " %,14.0f", r);
    }
    out.printf(Locale.ROOT, " %8s%n", "slope");
    double runSlope = slope(rows, total);
    row(out, "whole run (s)", total, runSlope);
    for (JsonNode stage : sorted.get(sorted.size() - 1).path("stages")) {
      String name = stage.path("stage").asText();
      double[] secs = new double[sorted.size()];
      boolean everywhere = true;
      for (int i = 0; i < secs.length; i++) {
        secs[i] = seconds(sorted.get(i), name);
        everywhere &= secs[i] > 0;
      }
      if (everywhere) {
        row(out, name, secs, slope(rows, secs));
      }
    }
    ratios(sorted, "floor", "ratio_ours_to_floor", "ours/plain Spark", out);
    ratios(sorted, "peer", "ratio_ours_to_duckdb", "ours/DuckDB", out);
    return runSlope;
  }

  /** Each computation's ratio at every scale (results without it show a dash). */
  private static void ratios(
      List<JsonNode> sorted, String array, String field, String what, PrintWriter out) {
    JsonNode largest = sorted.get(sorted.size() - 1).path(array);
    if (largest.isMissingNode() || largest.isEmpty()) {
      return;
    }
    out.printf(Locale.ROOT, "%n%s at each scale%n", what);
    for (JsonNode c : largest) {
      if (!c.path(field).isNumber()) {
        continue;
      }
      String name = c.path("computation").asText();
      out.printf(Locale.ROOT, "%-64s", name);
      for (JsonNode r : sorted) {
        String cell = "–";
        for (JsonNode e : r.path(array)) {
          if (e.path("computation").asText().equals(name) && e.path(field).isNumber()) {
            cell = String.format(Locale.ROOT, "%.2f", e.path(field).asDouble());
          }
        }
        out.printf(Locale.ROOT, " %8s", cell);
      }
      out.println();
    }
  }

  private static void row(PrintWriter out, String name, double[] secs, double slope) {
    out.printf(Locale.ROOT, "%-32s", name);
    for (double s : secs) {
      out.printf(Locale.ROOT, " %14.1f", s);
    }
    out.printf(Locale.ROOT, " %8.2f%n", slope);
  }

  private static double seconds(JsonNode result, String stage) {
    for (JsonNode s : result.path("stages")) {
      if (s.path("stage").asText().equals(stage)) {
        return s.path("wall_seconds").asDouble();
      }
    }
    return 0;
  }
}

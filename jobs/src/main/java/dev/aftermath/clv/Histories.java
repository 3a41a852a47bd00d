package dev.aftermath.clv;

import java.util.HashMap;
import java.util.Map;

/**
 * The histories a fit maximises over (x, t_x, T, f with weights w; f may be null), with what their
 * likelihoods have in common indexed once per fit rather than found again at every evaluation: the
 * distinct purchase counts, and the distinct time spans (t_x, T) that a quadrature over [t_x, T]
 * reads. Many histories share a span (customers with the same first and last purchase day and
 * different counts), so a model can compute each span's logarithms once per evaluation. One fit
 * uses one instance from one thread.
 */
public final class Histories {
  final double[] x;
  final double[] tx;
  final double[] t;
  final double[] f;
  final double[] w;
  private Distinct counts;
  private Spans arrived;
  private Spans both;
  private Distinct ages;

  public Histories(double[] x, double[] tx, double[] t, double[] f, double[] w) {
    this.x = x;
    this.tx = tx;
    this.t = t;
    this.f = f;
    this.w = w;
  }

  public int size() {
    return x.length;
  }

  /** f of history i (0 where there is none). */
  double f(int i) {
    return f == null ? 0 : f[i];
  }

  /** Distinct values of a list of numbers, and where each entry's value is among them. */
  record Distinct(double[] values, int[] of) {
    static Distinct of(double[] entries) {
      Map<Double, Integer> index = new HashMap<>();
      int[] of = new int[entries.length];
      for (int i = 0; i < entries.length; i++) {
        of[i] = index.computeIfAbsent(entries[i], k -> index.size());
      }
      double[] values = new double[index.size()];
      index.forEach((v, k) -> values[k] = v);
      return new Distinct(values, of);
    }
  }

  /** Distinct (t_x, T) pairs, and where each entry's pair is among them. */
  record Spans(double[] tx, double[] t, int[] of) {
    private record Pair(double tx, double t) {}

    static Spans of(double[] tx, double[] t) {
      Map<Pair, Integer> index = new HashMap<>();
      int[] of = new int[tx.length];
      for (int i = 0; i < tx.length; i++) {
        of[i] = index.computeIfAbsent(new Pair(tx[i], t[i]), k -> index.size());
      }
      double[] txs = new double[index.size()];
      double[] ts = new double[index.size()];
      index.forEach(
          (p, k) -> {
            txs[k] = p.tx();
            ts[k] = p.t();
          });
      return new Spans(txs, ts, of);
    }

    int size() {
      return tx.length;
    }
  }

  /** The distinct purchase counts: entries 0..n−1 are x + 1 of each history, n..2n−1 are x. */
  synchronized Distinct counts() {
    if (counts == null) {
      int n = size();
      double[] entries = new double[2 * n];
      for (int i = 0; i < n; i++) {
        entries[i] = x[i] + 1;
        entries[n + i] = x[i];
      }
      counts = Distinct.of(entries);
    }
    return counts;
  }

  /** The spans (t_x, T) of the histories as they are. */
  synchronized Spans arrived() {
    if (arrived == null) {
      arrived = Spans.of(tx, t);
    }
    return arrived;
  }

  /**
   * The spans read by both of a left-truncated history's readings: entries 0..n−1 are (f + t_x, f +
   * T), from the origin; n..2n−1 are (t_x, T), from the first purchase.
   */
  synchronized Spans both() {
    if (both == null) {
      int n = size();
      double[] txs = new double[2 * n];
      double[] ts = new double[2 * n];
      for (int i = 0; i < n; i++) {
        double fi = f(i);
        txs[i] = fi + tx[i];
        ts[i] = fi + t[i];
        txs[n + i] = tx[i];
        ts[n + i] = t[i];
      }
      both = Spans.of(txs, ts);
    }
    return both;
  }

  /** The distinct ages f + T at the end of the histories. */
  synchronized Distinct ages() {
    if (ages == null) {
      double[] entries = new double[size()];
      for (int i = 0; i < entries.length; i++) {
        entries[i] = f(i) + t[i];
      }
      ages = Distinct.of(entries);
    }
    return ages;
  }
}

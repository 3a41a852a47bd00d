package dev.aftermath.defection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * What the defection estimate of one merchant rests on, per segment of its active customers: who
 * came back, and the non-returners grouped by their no-return probability had the outage not
 * happened (bins of {@link #BINS}, the bin's own sums kept), each with whether a member
 * cancellation confirmed it. Built on the driver from sums that carry no customer identifier.
 */
final class MerchantEvidence {
  /** Bins of the no-return probability on [0, 1]. */
  static final int BINS = 100;

  final String merchant;
  final String industry;
  final Map<String, Segment> segments = new TreeMap<>();

  MerchantEvidence(String merchant, String industry) {
    this.merchant = merchant;
    this.industry = industry;
  }

  /** Non-returners with nearly the same no-return probability (sums over them). */
  record Bin(
      boolean confirmed, long n, double noReturn, double alive, double value, double otherClock) {
    /** Mean probability that one of them would have come back had the outage not happened. */
    double wouldReturn() {
      return Math.min(1, Math.max(0, 1 - noReturn / n));
    }

    /** The same with the other reading of demand ({@link DefectionCalendar#alternativeIndex}). */
    double wouldReturnOtherClock() {
      return Math.min(1, Math.max(0, 1 - otherClock / n));
    }

    /** Mean probability of being alive at the outage, at least the probability of return. */
    double aliveShare() {
      return Math.min(1, Math.max(wouldReturn(), alive / n));
    }

    /** Value of one of them, had it stayed, given it was alive. */
    double valueIfAlive() {
      return alive > 0 ? value / alive : 0;
    }
  }

  /** Sums over one segment's active customers, and its non-returners by bin. */
  static final class Segment {
    long active;
    long returned;
    long confirmed;
    double noReturn;
    double noReturnVariance;
    double alive;
    double value;
    final double[] gradient = new double[DefectionPosterior.PARAMS];
    final List<Bin> nonReturners = new ArrayList<>();

    long confirmedNonReturners() {
      long c = 0;
      for (Bin b : nonReturners) {
        if (b.confirmed()) {
          c += b.n();
        }
      }
      return c;
    }
  }

  /**
   * Adds one row of sums: merchant_id, industry, segment, returned, confirmed, bin, customers,
   * no_return, no_return_var, alive, value, no_return_other_clock, g0..g4.
   */
  void add(Row r) {
    Segment s = segments.computeIfAbsent(r.getString(2), k -> new Segment());
    boolean returned = r.getBoolean(3);
    boolean confirmed = r.getBoolean(4);
    long n = r.getLong(6);
    s.active += n;
    if (returned) {
      s.returned += n;
    }
    if (confirmed) {
      s.confirmed += n;
    }
    s.noReturn += r.getDouble(7);
    s.noReturnVariance += r.getDouble(8);
    s.alive += r.getDouble(9);
    s.value += r.getDouble(10);
    for (int k = 0; k < DefectionPosterior.PARAMS; k++) {
      s.gradient[k] += r.getDouble(12 + k);
    }
    if (!returned) {
      s.nonReturners.add(
          new Bin(confirmed, n, r.getDouble(7), r.getDouble(9), r.getDouble(10), r.getDouble(11)));
    }
  }

  long active() {
    return segments.values().stream().mapToLong(s -> s.active).sum();
  }

  long returned() {
    return segments.values().stream().mapToLong(s -> s.returned).sum();
  }

  long confirmedNonReturners() {
    return segments.values().stream().mapToLong(Segment::confirmedNonReturners).sum();
  }

  /** Σ P0 and its per-customer variance Σ P0 (1 − P0) over all active customers. */
  double noReturn() {
    return segments.values().stream().mapToDouble(s -> s.noReturn).sum();
  }

  double noReturnVariance() {
    return segments.values().stream().mapToDouble(s -> s.noReturnVariance).sum();
  }

  double[] gradient() {
    double[] g = new double[DefectionPosterior.PARAMS];
    for (Segment s : segments.values()) {
      for (int k = 0; k < g.length; k++) {
        g[k] += s.gradient[k];
      }
    }
    return g;
  }
}

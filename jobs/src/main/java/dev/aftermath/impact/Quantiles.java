package dev.aftermath.impact;

import java.util.Arrays;

/** Empirical quantiles (linear interpolation between order statistics, Hyndman & Fan type 7). */
final class Quantiles {
  private Quantiles() {}

  static double of(double[] values, double q) {
    double[] v = values.clone();
    Arrays.sort(v);
    if (v.length == 0) {
      return Double.NaN;
    }
    double h = (v.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, v.length - 1);
    return v[lo] + (h - lo) * (v[hi] - v[lo]);
  }

  /**
   * A 90% interval around {@code point} with the spread of {@code draws}: point + the 5% and 95%
   * quantiles of (draw − mean of draws). Draws of exp(linear predictor) are right-skewed and their
   * mean drifts above the point estimate when a coefficient is uncertain; centring keeps the
   * interval about the estimate it qualifies while keeping its skew.
   */
  static double[] around(double point, double[] draws) {
    double mean = java.util.Arrays.stream(draws).average().orElse(0);
    double[] centred = java.util.Arrays.stream(draws).map(d -> d - mean).toArray();
    return new double[] {point + of(centred, 0.05), point + of(centred, 0.95)};
  }
}

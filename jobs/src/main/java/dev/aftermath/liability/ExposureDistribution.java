package dev.aftermath.liability;

import java.util.Arrays;

/**
 * Summary of simulated totals of one regime: mean, standard deviation, percentiles (the order
 * statistic at ⌈q·n⌉, no interpolation), tail means (TVaR), and the loss exceedance curve P(total >
 * x) with its return periods.
 */
public record ExposureDistribution(double[] sorted) {
  public static ExposureDistribution of(double[] totals) {
    double[] s = totals.clone();
    Arrays.sort(s);
    return new ExposureDistribution(s);
  }

  public double mean() {
    return Arrays.stream(sorted).average().orElse(Double.NaN);
  }

  public double sd() {
    double m = mean();
    double ss = 0;
    for (double x : sorted) {
      ss += (x - m) * (x - m);
    }
    return Math.sqrt(ss / Math.max(1, sorted.length - 1));
  }

  /** The q-quantile: the smallest total with at least a share q of draws at or below it. */
  public double quantile(double q) {
    int k = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, k))];
  }

  /** P(total > x): the share of draws above x. */
  public double exceedance(double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return (double) (sorted.length - lo) / sorted.length;
  }

  /**
   * Expected shortfall (TVaR) at level q: the mean of the worst ⌈(1 − q)·n⌉ totals (at least one),
   * the tail measure catastrophe models report beside the percentile.
   */
  public double tailMean(double q) {
    int n = sorted.length;
    int tail = Math.max(1, (int) Math.ceil((1 - q) * n - 1e-9));
    double s = 0;
    for (int i = n - tail; i < n; i++) {
      s += sorted[i];
    }
    return s / tail;
  }

  /** 1 / P(total > x): a total above x comes once in this many draws; null if none is above. */
  public Double returnPeriod(double x) {
    double p = exceedance(x);
    return p > 0 ? 1 / p : null;
  }

  public double max() {
    return sorted[sorted.length - 1];
  }
}

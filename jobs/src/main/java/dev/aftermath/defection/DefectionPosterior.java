package dev.aftermath.defection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Erf;

/**
 * Defected customers of one merchant as a posterior on its defection share q ∈ [0, 1], the share of
 * its customers alive at the outage whom the outage made leave for good (METHODS.md "Defected
 * customers"). A customer alive at the outage defects with probability q; one that stays comes back
 * in the return window with its model probability. So a customer with no-return probability P0 (had
 * the outage not happened) and s = 1 − P0 comes back with probability (1 − q) s, and a non-returner
 * defected with probability q π / (1 − (1 − q) s), π its probability of being alive. Member
 * cancellations beyond the pre-outage rate count as defections for certain and as evidence (a
 * factor q each). The share is given a Beta prior pooled over the industry ({@link PooledPrior})
 * and evaluated on a fixed grid, denser near 0 so that a share of zero is reachable and not rounded
 * up. Everything lives on [caused, non-returners] by construction: no estimate or interval end is
 * clipped.
 */
final class DefectionPosterior {
  private DefectionPosterior() {}

  static final int PARAMS = 5;
  static final double Z90 = 1.6448536269514722;

  /** Grid of shares: q_k = (k/K)², k = 0..K; cells between midpoints. */
  static final int K = 120;

  static final double[] GRID = new double[K + 1];

  /** Posterior weight below which a grid point is left out of the quantiles. */
  static final double NEGLIGIBLE = 1e-9;

  static final double[] EDGES = new double[K + 2];

  static {
    for (int k = 0; k <= K; k++) {
      double u = (double) k / K;
      GRID[k] = u * u;
    }
    EDGES[0] = 0;
    for (int k = 1; k <= K; k++) {
      EDGES[k] = (GRID[k - 1] + GRID[k]) / 2;
    }
    EDGES[K + 1] = 1;
  }

  /** A prior on the grid: the mass of each cell. */
  record Prior(double mean, double concentration, double[] mass) {
    /** Beta(mean·c, (1 − mean)·c), its mass per grid cell. */
    static Prior beta(double mean, double concentration) {
      double a = mean * concentration;
      double b = (1 - mean) * concentration;
      double[] mass = new double[K + 1];
      double before = 0;
      for (int k = 0; k <= K; k++) {
        double upTo = k == K ? 1 : Beta.regularizedBeta(EDGES[k + 1], a, b);
        mass[k] = Math.max(0, upTo - before);
        before = upTo;
      }
      return new Prior(mean, concentration, mass);
    }

    /** All mass on q = 0: no defection. */
    static Prior none() {
      double[] mass = new double[K + 1];
      mass[0] = 1;
      return new Prior(0, Double.POSITIVE_INFINITY, mass);
    }
  }

  /**
   * Log-likelihood of the merchant's returns at each grid share: returners (1 − q) each,
   * non-returners 1 − (1 − q) s each, caused cancellations q each; no-return probabilities shifted
   * by {@code shift} on the log-odds scale (0: as predicted).
   */
  static double[] logLikelihood(MerchantEvidence e, double caused, double shift) {
    return logLikelihood(e, caused, shift, false);
  }

  /** The same with the other reading of demand where {@code otherClock}. */
  static double[] logLikelihood(
      MerchantEvidence e, double caused, double shift, boolean otherClock) {
    double[] ll = new double[K + 1];
    long returned = e.returned();
    double confirmedShare = uncertainShare(e, caused);
    for (int k = 0; k <= K; k++) {
      double q = GRID[k];
      double l = 0;
      if (returned > 0) {
        l += q >= 1 ? Double.NEGATIVE_INFINITY : returned * Math.log1p(-q);
      }
      if (caused > 0) {
        l += q <= 0 ? Double.NEGATIVE_INFINITY : caused * Math.log(q);
      }
      ll[k] = l;
    }
    // bin by bin, each grid point's sum in the bins' order: a bin's return probability once
    for (MerchantEvidence.Segment s : e.segments.values()) {
      for (MerchantEvidence.Bin b : s.nonReturners) {
        double n = b.confirmed() ? b.n() * confirmedShare : b.n();
        double back = wouldReturn(b, shift, otherClock);
        for (int k = 0; k <= K; k++) {
          ll[k] += n * Math.log(Math.max(1e-300, 1 - (1 - GRID[k]) * back));
        }
      }
    }
    return ll;
  }

  /** Of the confirmed non-returners, the share not counted as caused for certain. */
  static double uncertainShare(MerchantEvidence e, double caused) {
    long c = e.confirmedNonReturners();
    return c > 0 ? Math.max(0, 1 - caused / c) : 1;
  }

  static double wouldReturn(MerchantEvidence.Bin b, double shift, boolean otherClock) {
    double back = otherClock ? b.wouldReturnOtherClock() : b.wouldReturn();
    return 1 - Calibration.apply(1 - back, shift);
  }

  /** Posterior weights on the grid. */
  static double[] weights(double[] logLikelihood, Prior prior) {
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k <= K; k++) {
      if (prior.mass()[k] > 0 && logLikelihood[k] > max) {
        max = logLikelihood[k];
      }
    }
    double[] w = new double[K + 1];
    double total = 0;
    for (int k = 0; k <= K; k++) {
      w[k] = prior.mass()[k] > 0 ? prior.mass()[k] * Math.exp(logLikelihood[k] - max) : 0;
      total += w[k];
    }
    for (int k = 0; k <= K; k++) {
      w[k] = total > 0 ? w[k] / total : (k == 0 ? 1 : 0);
    }
    return w;
  }

  /** The estimate of one group of customers (a segment, or the merchant). */
  record Estimate(
      double defected,
      double independentVariance,
      double systematic,
      double pooled,
      double clock,
      double low,
      double high,
      double lostValue,
      double lostValueIndependentVariance,
      double lostValueSystematic,
      double lostValuePooled,
      double lostValueClock,
      double share) {}

  /**
   * The priors one merchant's estimate uses: its industry's pooled prior, the priors at the ends of
   * the interval of the pool's mean, and the pooled priors refitted with the no-return
   * probabilities shifted by ± the model's shared error ({@code shiftSd} on the log-odds).
   */
  record Priors(
      Prior central,
      Prior low,
      Prior high,
      Prior up,
      Prior down,
      Prior otherClock,
      double shiftSd,
      double dispersion) {}

  /**
   * The merchant's non-return expected at its posterior mean share, and the variance of that count
   * had each customer returned independently: (expected, variance, observed).
   */
  static double[] nonReturnCheck(MerchantEvidence e, Prior prior, double caused) {
    double[] w = weights(logLikelihood(e, caused, 0), prior);
    double q = mean(w, GRID);
    double returners = e.active() - e.noReturn();
    double expected = e.active() - (1 - q) * returners;
    return new double[] {expected, e.noReturnVariance(), e.active() - e.returned()};
  }

  /** Per grid share: mean and variance of defections and mean lost value, and the sure part. */
  private record Moments(double[] mean, double[] variance, double[] value, double sure) {}

  private static Moments moments(
      MerchantEvidence e, List<MerchantEvidence.Segment> part, double caused, double shift) {
    return moments(e, part, caused, shift, false);
  }

  private static Moments moments(
      MerchantEvidence e,
      List<MerchantEvidence.Segment> part,
      double caused,
      double shift,
      boolean otherClock) {
    double confirmedShare = uncertainShare(e, caused);
    long confirmedAll = e.confirmedNonReturners();
    double[] mean = new double[K + 1];
    double[] variance = new double[K + 1];
    double[] value = new double[K + 1];
    double sure = 0;
    double sureValue = 0;
    for (MerchantEvidence.Segment s : part) {
      for (MerchantEvidence.Bin b : s.nonReturners) {
        if (b.confirmed() && confirmedAll > 0) {
          double n = b.n() * (caused / confirmedAll);
          sure += n;
          sureValue += n * b.valueIfAlive();
        }
      }
    }
    java.util.Arrays.fill(mean, sure);
    java.util.Arrays.fill(value, sureValue);
    // bin by bin, each grid point's sums in the bins' order: a bin's probabilities once
    for (MerchantEvidence.Segment s : part) {
      for (MerchantEvidence.Bin b : s.nonReturners) {
        double n = b.confirmed() ? b.n() * confirmedShare : b.n();
        if (n <= 0) {
          continue;
        }
        double back = wouldReturn(b, shift, otherClock);
        double alive = Math.max(back, b.aliveShare());
        double ifAlive = b.valueIfAlive();
        for (int k = 0; k <= K; k++) {
          double q = GRID[k];
          double denominator = 1 - (1 - q) * back;
          double p = denominator > 0 ? Math.min(1, q * alive / denominator) : 0;
          mean[k] += n * p;
          variance[k] += n * p * (1 - p);
          value[k] += n * p * ifAlive;
        }
      }
    }
    return new Moments(mean, variance, value, sure);
  }

  /**
   * Estimates of one merchant: per segment (its keys) and, under {@code null}, in all. Besides the
   * merchant's own (binomial and share) variance, two shared errors, carried as signed one-sd
   * changes so that sums can add them up before squaring: the model's ({@code systematic}: the
   * no-return probabilities shifted by ± one sd) and the pool's ({@code pooled}: the prior's mean
   * at the ends of its interval).
   */
  static Map<String, Estimate> estimate(MerchantEvidence e, Priors priors, double caused) {
    double sd = priors.shiftSd();
    double phi = Math.max(1, priors.dispersion());
    double[] ll = logLikelihood(e, caused, 0);
    double[] w = weights(ll, priors.central());
    double[] wLow = weights(ll, priors.low());
    double[] wHigh = weights(ll, priors.high());
    double[] wUp = sd > 0 ? weights(logLikelihood(e, caused, sd), priors.up()) : w;
    double[] wDown = sd > 0 ? weights(logLikelihood(e, caused, -sd), priors.down()) : w;
    double[] wOther = weights(logLikelihood(e, caused, 0, true), priors.otherClock());
    Map<String, Estimate> out = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>();
    keys.add(null);
    keys.addAll(e.segments.keySet());
    // the model's shared error, computed for the merchant; a segment takes its share of it
    double merchantSystematic = 0;
    double merchantSystematicValue = 0;
    double merchantMean = 0;
    double merchantValue = 0;
    double merchantClock = 0;
    double merchantClockValue = 0;
    for (String key : keys) {
      List<MerchantEvidence.Segment> part =
          key == null ? List.copyOf(e.segments.values()) : List.of(e.segments.get(key));
      long nonReturners = 0;
      for (MerchantEvidence.Segment s : part) {
        nonReturners += s.active - s.returned;
      }
      Moments mo = moments(e, part, caused, 0);
      double systematic;
      double systematicValue;
      if (key == null) {
        merchantMean = mean(w, mo.mean());
        merchantValue = mean(w, mo.value());
        if (sd > 0) {
          Moments up = moments(e, part, caused, sd);
          Moments down = moments(e, part, caused, -sd);
          merchantSystematic = (mean(wUp, up.mean()) - mean(wDown, down.mean())) / 2;
          merchantSystematicValue = (mean(wUp, up.value()) - mean(wDown, down.value())) / 2;
        }
        // the clock's: half the distance to the other reading of demand, as one sd
        Moments other = moments(e, part, caused, 0, true);
        merchantClock = (mean(wOther, other.mean()) - merchantMean) / 2;
        merchantClockValue = (mean(wOther, other.value()) - merchantValue) / 2;
        systematic = merchantSystematic;
        systematicValue = merchantSystematicValue;
      } else {
        double m = mean(w, mo.mean());
        systematic = merchantMean > 0 ? merchantSystematic * m / merchantMean : 0;
        double v = mean(w, mo.value());
        systematicValue = merchantValue > 0 ? merchantSystematicValue * v / merchantValue : 0;
      }
      double share0 = key == null ? 1 : merchantMean > 0 ? mean(w, mo.mean()) / merchantMean : 0;
      double shareValue =
          key == null ? 1 : merchantValue > 0 ? mean(w, mo.value()) / merchantValue : 0;
      double clock = merchantClock * share0;
      double clockValue = merchantClockValue * shareValue;
      double pooled = (mean(wHigh, mo.mean()) - mean(wLow, mo.mean())) / (2 * Z90);
      double pooledValue = (mean(wHigh, mo.value()) - mean(wLow, mo.value())) / (2 * Z90);
      double m = mean(w, mo.mean());
      double second = 0;
      double value = mean(w, mo.value());
      double valueSecond = 0;
      double share = 0;
      for (int k = 0; k <= K; k++) {
        second += w[k] * (mo.variance()[k] + mo.mean()[k] * mo.mean()[k]);
        valueSecond += w[k] * mo.value()[k] * mo.value()[k];
        share += w[k] * GRID[k];
      }
      // the merchant's own variance, widened by its industry's measured over-dispersion
      double binomial = mean(w, mo.variance());
      double variance = Math.max(0, second - m * m) + (phi - 1) * binomial;
      double perDefected = m > 0 ? value / m : 0;
      // value varies as the count does, at the group's mean value per defection, and with q
      double valueVariance =
          Math.max(0, valueSecond - value * value)
              + perDefected * perDefected * mean(w, mo.variance());
      double extra = systematic * systematic + pooled * pooled + clock * clock;
      double low = quantile(w, mo, phi, extra, 0.05, mo.sure(), nonReturners);
      double high = quantile(w, mo, phi, extra, 0.95, mo.sure(), nonReturners);
      out.put(
          key,
          new Estimate(
              m,
              variance,
              systematic,
              pooled,
              clock,
              Math.min(low, m),
              Math.max(high, m),
              value,
              valueVariance,
              systematicValue,
              pooledValue,
              clockValue,
              share));
    }
    return out;
  }

  private static double mean(double[] w, double[] x) {
    double m = 0;
    for (int k = 0; k <= K; k++) {
      m += w[k] * x[k];
    }
    return m;
  }

  /**
   * The {@code p} quantile of the mixture over the grid of normals (mean, φ·variance + extra), on
   * [lower, upper], by bisection.
   */
  private static double quantile(
      double[] w, Moments mo, double phi, double extra, double p, double lower, double upper) {
    if (upper <= lower) {
      return lower;
    }
    if (cdf(w, mo, phi, extra, lower) >= p) {
      return lower;
    }
    if (cdf(w, mo, phi, extra, upper) <= p) {
      return upper;
    }
    double lo = lower;
    double hi = upper;
    for (int i = 0; i < 50 && hi - lo > 0.01; i++) {
      double mid = (lo + hi) / 2;
      if (cdf(w, mo, phi, extra, mid) < p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  private static double cdf(double[] w, Moments mo, double phi, double extra, double x) {
    double c = 0;
    for (int k = 0; k <= K; k++) {
      if (w[k] < NEGLIGIBLE) {
        continue;
      }
      double sd = Math.sqrt(phi * mo.variance()[k] + extra);
      double z = x - mo.mean()[k];
      c += w[k] * (sd > 0 ? 0.5 * (1 + Erf.erf(z / (sd * Math.sqrt(2)))) : (z >= 0 ? 1 : 0));
    }
    return c;
  }
}

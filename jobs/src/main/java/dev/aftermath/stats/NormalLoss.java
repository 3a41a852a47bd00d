package dev.aftermath.stats;

import org.hipparchus.special.Erf;

/**
 * A signed loss estimate as a normal distribution: its mean is the point estimate, its standard
 * deviation comes from the estimate's 90% interval. What a merchant can claim is the expected
 * positive part E[max(0, L)], not the point estimate floored at zero (which overstates the loss of
 * every merchant whose estimate might be negative): for L ~ N(μ, σ²),
 *
 * <pre>
 *   E[max(0, L − t)] = (μ − t) Φ((μ − t)/σ) + σ φ((μ − t)/σ)
 *   P(L ≤ x)         = Φ((x − μ)/σ)
 * </pre>
 *
 * (the normal partial expectation). With σ = 0 both reduce to the point estimate's verdicts.
 */
public record NormalLoss(double mean, double sd) {
  /** The standard normal's 95th percentile: a 90% interval spans ±Z90 standard deviations. */
  public static final double Z90 = 1.6448536269514722;

  private static final double SQRT2 = Math.sqrt(2);
  private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

  public NormalLoss {
    if (!Double.isFinite(mean)) {
      mean = 0;
    }
    if (!(sd > 0) || !Double.isFinite(sd)) {
      sd = 0;
    }
  }

  /** σ from a 90% interval [low, high]; 0 where either end is missing. */
  public static double sdOf90(double low, double high) {
    return Double.isFinite(low) && Double.isFinite(high) ? Math.max(0, high - low) / (2 * Z90) : 0;
  }

  /** The sum of this loss and an independent other. */
  public NormalLoss plus(NormalLoss other) {
    return new NormalLoss(mean + other.mean, Math.hypot(sd, other.sd));
  }

  /** E[max(0, L)]: the expected claimable loss. */
  public double expectedPositivePart() {
    return expectedExcess(0);
  }

  /** E[max(0, L − t)]: the expected part of the loss above {@code t} (e.g. above a payout). */
  public double expectedExcess(double t) {
    double d = mean - t;
    if (sd == 0) {
      return Math.max(0, d);
    }
    double z = d / sd;
    return Math.max(0, d * cdf(z) + sd * pdf(z));
  }

  /**
   * E[max(0, min(L, cap) − t)] for t ≤ cap: the expected part of the loss above {@code t}, counting
   * the loss only up to {@code cap}; 0 if t ≥ cap.
   */
  public double expectedExcessCapped(double t, double cap) {
    return cap <= t ? 0 : Math.max(0, expectedExcess(t) - expectedExcess(cap));
  }

  /** P(L ≤ x): e.g. the probability that a payout of x covers the loss. */
  public double probabilityAtMost(double x) {
    if (sd == 0) {
      return mean <= x ? 1 : 0;
    }
    return cdf((x - mean) / sd);
  }

  /** Φ(z), accurate in both tails. */
  static double cdf(double z) {
    return 0.5 * Erf.erfc(-z / SQRT2);
  }

  static double pdf(double z) {
    return Math.exp(-0.5 * z * z) / SQRT_2PI;
  }
}

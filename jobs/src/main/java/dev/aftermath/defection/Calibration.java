package dev.aftermath.defection;

/**
 * The held-out calibration of a purchase model's no-return probabilities: one shift δ on the
 * log-odds scale, p' = σ(logit p + δ), chosen so that the held-out window's expected non-return
 * equals what happened (METHODS.md, "Choosing the model"). It corrects the model's systematic error
 * where it shows before the outage (a demand clock that runs slow, a lifetime distribution that
 * does not fit), without changing how customers rank.
 */
final class Calibration {
  private Calibration() {}

  /** Largest shift allowed, either way (a factor of about 20 on the odds). */
  static final double MAX_SHIFT = 3;

  static double bounded(double p) {
    return Math.min(1 - 1e-9, Math.max(1e-9, p));
  }

  /** p shifted by δ on the log-odds scale. */
  static double apply(double p, double shift) {
    if (shift == 0) {
      return p;
    }
    double b = bounded(p);
    double logit = Math.log(b / (1 - b)) + shift;
    return 1 / (1 + Math.exp(-logit));
  }

  /**
   * The shift that makes Σ n_i p'_i equal the observed non-return, by bisection (Σ p' rises with
   * δ); 0 where nothing is to be learned (nobody, or everybody, returned).
   */
  static double shift(double[] p0, double[] returned, double[] notReturned) {
    double observed = 0;
    double total = 0;
    for (int i = 0; i < p0.length; i++) {
      observed += notReturned[i];
      total += returned[i] + notReturned[i];
    }
    if (observed <= 0 || observed >= total) {
      return 0;
    }
    double low = -MAX_SHIFT;
    double high = MAX_SHIFT;
    for (int iter = 0; iter < 60; iter++) {
      double mid = (low + high) / 2;
      double expected = 0;
      for (int i = 0; i < p0.length; i++) {
        expected += (returned[i] + notReturned[i]) * apply(p0[i], mid);
      }
      if (expected < observed) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return (low + high) / 2;
  }

  /**
   * Fisher information of the shift: Σ n_i p'_i (1 − p'_i), the inverse of its sampling variance.
   */
  static double information(double[] p0, double[] returned, double[] notReturned, double shift) {
    double info = 0;
    for (int i = 0; i < p0.length; i++) {
      double p = apply(p0[i], shift);
      info += (returned[i] + notReturned[i]) * p * (1 - p);
    }
    return info;
  }

  /** Bernoulli log-likelihood of who returned, under the probabilities shifted by δ. */
  static double logScore(double[] p0, double[] returned, double[] notReturned, double shift) {
    double score = 0;
    for (int i = 0; i < p0.length; i++) {
      double p = bounded(apply(p0[i], shift));
      score += returned[i] * Math.log(1 - p) + notReturned[i] * Math.log(p);
    }
    return score;
  }
}

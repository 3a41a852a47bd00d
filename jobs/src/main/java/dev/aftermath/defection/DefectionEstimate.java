package dev.aftermath.defection;

import java.util.List;

/**
 * Defected customers and their lost value from the sums over a group of active customers (one
 * merchant segment, a merchant, an industry), METHODS.md "Customer defection". Per segment s:
 *
 * <pre>
 *   excess non-return  D_s = observed non-returners − Σ P0_i
 *   defection rate     q_s = D_s / Σ (1 − P0_i)    (of the customers who would have returned)
 *   defected           q_s · Σ P(alive)_i           (alive customers defect at the same rate)
 *   lost value         q_s · Σ CLV_i
 * </pre>
 *
 * Variance of D_s: Σ P0_i (1 − P0_i) (independent customers) plus gᵀ Σ g, g the gradient of Σ P0_i
 * in the BG/NBD log-parameters and Σ their covariance: parameter error is shared by every customer
 * fitted with the same model, so gradients are summed before the quadratic form.
 */
record DefectionEstimate(
    long active,
    long returned,
    long confirmed,
    double expectedNonReturn,
    double defected,
    double defectedVariance,
    double[] defectedGradient,
    double lostValue,
    double lostValueVariance,
    double[] lostValueGradient) {

  static final double Z90 = 1.6448536269514722;

  /** Gradient components kept: the most parameters of any purchase model (zeros beyond its own). */
  static final int PARAMS = 5;

  /** The sums over one segment's active customers. */
  record Sums(
      long active,
      long returned,
      long confirmed,
      double noReturn,
      double noReturnVariance,
      double alive,
      double value,
      double[] gradient) {}

  static DefectionEstimate of(List<Sums> segments) {
    long active = 0;
    long returned = 0;
    long confirmed = 0;
    double expected = 0;
    double defected = 0;
    double defectedVar = 0;
    double value = 0;
    double valueVar = 0;
    double[] gD = new double[PARAMS];
    double[] gV = new double[PARAMS];
    for (Sums s : segments) {
      active += s.active();
      returned += s.returned();
      confirmed += s.confirmed();
      expected += s.noReturn();
      double wouldReturn = s.active() - s.noReturn();
      if (wouldReturn <= 1e-9) {
        continue; // nobody expected back: no evidence either way
      }
      double excess = (s.active() - s.returned()) - s.noReturn();
      double perExcessCustomers = s.alive() / wouldReturn;
      double perExcessValue = s.value() / wouldReturn;
      defected += excess * perExcessCustomers;
      value += excess * perExcessValue;
      defectedVar += s.noReturnVariance() * perExcessCustomers * perExcessCustomers;
      valueVar += s.noReturnVariance() * perExcessValue * perExcessValue;
      for (int k = 0; k < PARAMS; k++) {
        // D = observed − Σ P0: its gradient is −∂ΣP0
        gD[k] -= s.gradient()[k] * perExcessCustomers;
        gV[k] -= s.gradient()[k] * perExcessValue;
      }
    }
    return new DefectionEstimate(
        active, returned, confirmed, expected, defected, defectedVar, gD, value, valueVar, gV);
  }

  /** Variance including the parameters' share, given their covariance (null: none known). */
  static double variance(double independent, double[] gradient, double[][] covariance) {
    return independent + quadratic(gradient, covariance);
  }

  static double quadratic(double[] g, double[][] covariance) {
    if (covariance == null) {
      return 0;
    }
    double q = 0;
    int n = Math.min(g.length, covariance.length);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        q += g[i] * covariance[i][j] * g[j];
      }
    }
    return q;
  }
}

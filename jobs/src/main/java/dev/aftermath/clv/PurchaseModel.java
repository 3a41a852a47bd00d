package dev.aftermath.clv;

import java.io.Serializable;

/**
 * A buy-till-you-die model of how many purchases a customer makes and when it stops (BG/NBD,
 * Pareto/NBD): what the defection stage needs of any of them. A history is (x, t_x, T): repeat
 * purchases, time of the last purchase after the first, time since the first purchase.
 */
public interface PurchaseModel extends Serializable {
  /** A short name: bgnbd, paretonbd, paretonbd-truncated. */
  String name();

  /** Log-likelihood of one history. */
  double logLikelihood(double x, double tx, double t);

  /** Probability that the customer is still active at T. */
  double probabilityAlive(double x, double tx, double t);

  /** Probability of no purchase in (T + gap, T + gap + window]. */
  double probabilityNoPurchase(
      double gap, double window, double x, double tx, double t, BetaQuadrature quadrature);

  /** Expected purchases in (T, T + horizon]. */
  double expectedPurchases(
      double horizon, double x, double tx, double t, BetaQuadrature quadrature);

  /**
   * The same for a history whose first purchase came {@code f} after the origin of the data; models
   * that do not read it ignore it.
   */
  default double logLikelihood(double x, double tx, double t, double f) {
    return logLikelihood(x, tx, t);
  }

  /**
   * The weighted sum of the log-likelihoods of histories (x, t_x, T, f; f may be null): what a fit
   * maximises. Models may share work between histories here; the value is the same as the sum of
   * {@link #logLikelihood(double, double, double, double)}.
   */
  default double logLikelihoodSum(double[] x, double[] tx, double[] t, double[] f, double[] w) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += w[i] * logLikelihood(x[i], tx[i], t[i], f == null ? 0 : f[i]);
    }
    return sum;
  }

  /**
   * The same sum over histories prepared once for a fit, whose shared spans and counts a model may
   * compute once per evaluation.
   */
  default double logLikelihoodSum(Histories h) {
    return logLikelihoodSum(h.x, h.tx, h.t, h.f, h.w);
  }

  default double probabilityAlive(double x, double tx, double t, double f) {
    return probabilityAlive(x, tx, t);
  }

  default double probabilityNoPurchase(
      double gap,
      double window,
      double x,
      double tx,
      double t,
      double f,
      BetaQuadrature quadrature) {
    return probabilityNoPurchase(gap, window, x, tx, t, quadrature);
  }

  default double expectedPurchases(
      double horizon, double x, double tx, double t, double f, BetaQuadrature quadrature) {
    return expectedPurchases(horizon, x, tx, t, quadrature);
  }

  /**
   * Expected purchases in (T, T + h] for each horizon h: the same as {@link #expectedPurchases} for
   * each, for models that can share the work between them.
   */
  default double[] expectedPurchases(
      double[] horizons, double x, double tx, double t, double f, BetaQuadrature quadrature) {
    double[] out = new double[horizons.length];
    for (int k = 0; k < horizons.length; k++) {
      out[k] = expectedPurchases(horizons[k], x, tx, t, f, quadrature);
    }
    return out;
  }

  /** The logarithms of the parameters. */
  double[] toLog();

  /** The same model with other parameters (their logarithms). */
  PurchaseModel withLog(double[] log);
}

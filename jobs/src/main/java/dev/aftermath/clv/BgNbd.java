package dev.aftermath.clv;

import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

/**
 * The BG/NBD model with parameters r, α (purchase rate λ ~ Gamma(r, α)) and a, b (dropout
 * probability after each purchase p ~ Beta(a, b)). A customer's history is (x, t_x, T): repeat
 * purchases, time of the last purchase after the first, and time since the first purchase, in any
 * one time unit. Dropout is possible only after a repeat purchase (Fader, Hardie & Lee 2005), so a
 * customer who never bought again is certainly still active.
 */
public record BgNbd(double r, double alpha, double a, double b) implements PurchaseModel {

  /** The parameters from their logarithms, in the order r, α, a, b. */
  public static BgNbd fromLog(double[] log) {
    return new BgNbd(Math.exp(log[0]), Math.exp(log[1]), Math.exp(log[2]), Math.exp(log[3]));
  }

  @Override
  public String name() {
    return "bgnbd";
  }

  /** The same model with other parameters (logarithms of r, α, a, b). */
  @Override
  public BgNbd withLog(double[] log) {
    return fromLog(log);
  }

  /** The logarithms of r, α, a, b. */
  @Override
  public double[] toLog() {
    return new double[] {Math.log(r), Math.log(alpha), Math.log(a), Math.log(b)};
  }

  /**
   * Log-likelihood of one history (FHL 2005, eq. 6), in log space throughout so that large
   * frequencies do not overflow.
   */
  @Override
  public double logLikelihood(double x, double tx, double t) {
    double common = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha);
    double betaAB = Beta.logBeta(a, b);
    double stillActive = Beta.logBeta(a, b + x) - betaAB - (r + x) * Math.log(alpha + t);
    if (x <= 0) {
      return common + stillActive;
    }
    double droppedAtLast = Beta.logBeta(a + 1, b + x - 1) - betaAB - (r + x) * Math.log(alpha + tx);
    return common + LogSpace.sum(stillActive, droppedAtLast);
  }

  /**
   * The same sum as one history at a time, sharing what histories with the same number of repeat
   * purchases have in common: log Γ(r+x) − log Γ(r) and the two Beta functions, once per x (a fit's
   * histories have few distinct x). Each term is computed as in {@link #logLikelihood(double,
   * double, double)}, so the sum is the same to the last bit.
   */
  @Override
  public double logLikelihoodSum(double[] x, double[] tx, double[] t, double[] f, double[] w) {
    double betaAB = Beta.logBeta(a, b);
    double logGammaR = Gamma.logGamma(r);
    double rLogAlpha = r * Math.log(alpha);
    java.util.Map<Double, double[]> byX = new java.util.HashMap<>();
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      double xi = x[i];
      double[] c =
          byX.computeIfAbsent(
              xi,
              k ->
                  new double[] {
                    Gamma.logGamma(r + k) - logGammaR + rLogAlpha,
                    Beta.logBeta(a, b + k),
                    k > 0 ? Beta.logBeta(a + 1, b + k - 1) : 0
                  });
      double stillActive = c[1] - betaAB - (r + xi) * Math.log(alpha + t[i]);
      double ll;
      if (xi <= 0) {
        ll = c[0] + stillActive;
      } else {
        double droppedAtLast = c[2] - betaAB - (r + xi) * Math.log(alpha + tx[i]);
        ll = c[0] + LogSpace.sum(stillActive, droppedAtLast);
      }
      sum += w[i] * ll;
    }
    return sum;
  }

  /** Probability that the customer is still active at T (FHL 2005, eq. 11). */
  @Override
  public double probabilityAlive(double x, double tx, double t) {
    if (x <= 0) {
      return 1;
    }
    double log = Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + t) / (alpha + tx));
    return 1 / (1 + Math.exp(log));
  }

  /**
   * Expected purchases in (T, T + horizon] given the history (FHL 2005, eq. 10). The Gaussian
   * hypergeometric term is evaluated after Euler's transformation, {@code (1−z)^(r+x) 2F1(r+x, b+x;
   * c; z) = (1−z)^(a−1) 2F1(a+b−1−r, a−1; c; z)}, whose terms stay bounded for any frequency.
   */
  public double expectedPurchases(double horizon, double x, double tx, double t) {
    if (horizon <= 0) {
      return 0;
    }
    if (Math.abs(a - 1) < 1e-6) { // removable singularity at a = 1: average the two sides
      return (new BgNbd(r, alpha, 1 + 1e-6, b).expectedPurchases(horizon, x, tx, t)
              + new BgNbd(r, alpha, 1 - 1e-6, b).expectedPurchases(horizon, x, tx, t))
          / 2;
    }
    double z = horizon / (alpha + t + horizon);
    double c = a + b + x - 1;
    double term = Math.pow(1 - z, a - 1) * Hypergeometric.twoFOne(a + b - 1 - r, a - 1, c, z);
    double active = c / (a - 1) * (1 - term);
    return active * probabilityAlive(x, tx, t);
  }

  /**
   * The same expectation by quadrature over p ~ Beta(a, b + x), robust where a and b are very large
   * (dropout probability practically the same for everyone) and the series form loses precision:
   * given p, an active customer's purchases before it drops out arrive at rate λ and stop at rate
   * λp, so E[X(h) | p] = (1 − E_λ[e^(−λ p h)]) / p with λ ~ Gamma(r + x, α + T).
   */
  @Override
  public double expectedPurchases(
      double horizon, double x, double tx, double t, BetaQuadrature quadrature) {
    if (horizon <= 0) {
      return 0;
    }
    double scale = alpha + t;
    double shape = r + x;
    BetaQuadrature.Rule rule = quadrature.rule(a, b + x);
    double sum = 0;
    for (int k = 0; k < rule.size(); k++) {
      double p = rule.point(k);
      double e =
          p * horizon < 1e-12 * scale
              ? shape * horizon / scale
              : -Math.expm1(-shape * Math.log1p(p * horizon / scale)) / p;
      sum += rule.weight(k) * e;
    }
    return sum * probabilityAlive(x, tx, t);
  }

  /**
   * Probability of no purchase in (T + gap, T + gap + window] given the history: the customer had
   * already dropped out at T, or it drops out during the gap (after a purchase there, at rate λp),
   * or it stays active and makes no purchase in the window. Integrates λ ~ Gamma(r + x, α + T) in
   * closed form and p ~ Beta(a, b + x) by quadrature.
   */
  @Override
  public double probabilityNoPurchase(
      double gap, double window, double x, double tx, double t, BetaQuadrature quadrature) {
    double alive = probabilityAlive(x, tx, t);
    double scale = alpha + t;
    double shape = r + x;
    double purchase;
    if (gap <= 0) {
      purchase = 1 - Math.pow(scale / (scale + window), shape);
    } else {
      BetaQuadrature.Rule rule = quadrature.rule(a, b + x);
      purchase = 0;
      for (int k = 0; k < rule.size(); k++) {
        double p = rule.point(k);
        double stays = Math.pow(scale / (scale + p * gap), shape);
        double staysAndIdle = Math.pow(scale / (scale + p * gap + window), shape);
        purchase += rule.weight(k) * (stays - staysAndIdle);
      }
    }
    return 1 - alive * purchase;
  }
}

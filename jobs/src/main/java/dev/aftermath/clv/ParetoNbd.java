package dev.aftermath.clv;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.special.Gamma;

/**
 * The Pareto/NBD model (Schmittlein, Morrison & Colombo 1987): purchases at rate λ ~ Gamma(r, α)
 * while active, an exponential lifetime with rate μ ~ Gamma(s, β) across customers, independent of
 * purchases. Unlike BG/NBD, a customer can leave at any time, also one who bought only once.
 *
 * <p>The likelihood is evaluated in its integral form, the customer either active at T or gone at
 * some τ in [t_x, T]:
 *
 * <pre>
 *   L = Γ(r+x) α^r / Γ(r) · [ (α+T)^−(r+x) (β/(β+T))^s + ∫ (α+τ)^−(r+x) (s/β) (β/(β+τ))^(s+1) dτ ]
 * </pre>
 *
 * with the integral over [t_x, T] by 16-point Gauss-Legendre quadrature in log space (exact to well
 * below the optimiser's tolerance, and free of the hypergeometric function's cancellation).
 */
public record ParetoNbd(double r, double alpha, double s, double beta) implements PurchaseModel {
  static final int NODES = 16;
  private static final double[][] RULE = rule();
  private static final double[] LOG_WEIGHTS = logWeights();

  private static double[][] rule() {
    GaussIntegrator g = new GaussIntegratorFactory().legendre(NODES, 0, 1);
    double[][] out = new double[2][g.getNumberOfPoints()];
    for (int k = 0; k < out[0].length; k++) {
      out[0][k] = g.getPoint(k);
      out[1][k] = g.getWeight(k);
    }
    return out;
  }

  private static double[] logWeights() {
    double[] out = new double[NODES];
    for (int k = 0; k < NODES; k++) {
      out[k] = Math.log(RULE[1][k]);
    }
    return out;
  }

  public static ParetoNbd fromLog(double[] log) {
    return new ParetoNbd(Math.exp(log[0]), Math.exp(log[1]), Math.exp(log[2]), Math.exp(log[3]));
  }

  @Override
  public String name() {
    return "paretonbd";
  }

  @Override
  public double[] toLog() {
    return new double[] {Math.log(r), Math.log(alpha), Math.log(s), Math.log(beta)};
  }

  @Override
  public ParetoNbd withLog(double[] log) {
    return fromLog(log);
  }

  /** log of the "still active at T" term and of the "left in [t_x, T]" term, without the common. */
  private double[] logTerms(double x, double tx, double t) {
    double logBeta = Math.log(beta);
    double active = -(r + x) * Math.log(alpha + t) + s * (logBeta - Math.log(beta + t));
    double left = Double.NEGATIVE_INFINITY;
    double span = t - tx;
    if (span > 0) {
      double[] logs = new double[NODES];
      double max = Double.NEGATIVE_INFINITY;
      double constant = Math.log(span) + Math.log(s) - logBeta + (s + 1) * logBeta;
      for (int k = 0; k < NODES; k++) {
        double tau = tx + RULE[0][k] * span;
        logs[k] =
            LOG_WEIGHTS[k]
                + constant
                - (r + x) * Math.log(alpha + tau)
                - (s + 1) * Math.log(beta + tau);
        max = Math.max(max, logs[k]);
      }
      double sum = 0;
      for (double l : logs) {
        sum += Math.exp(l - max);
      }
      left = max + Math.log(sum);
    }
    return new double[] {active, left};
  }

  @Override
  public double logLikelihood(double x, double tx, double t) {
    return logLikelihoodGiven(x, tx, t, Gamma.logGamma(r + x) - Gamma.logGamma(r));
  }

  /**
   * The log-likelihood given log Γ(r+x) − log Γ(r), which a caller summing many histories computes
   * once per x ({@link #logGammaRatio}).
   */
  double logLikelihoodGiven(double x, double tx, double t, double logGammaRatio) {
    double[] terms = logTerms(x, tx, t);
    return logGammaRatio + r * Math.log(alpha) + LogSpace.sum(terms[0], terms[1]);
  }

  /** log Γ(r+x) − log Γ(r). */
  double logGammaRatio(double x) {
    return Gamma.logGamma(r + x) - Gamma.logGamma(r);
  }

  @Override
  public double probabilityAlive(double x, double tx, double t) {
    double[] terms = logTerms(x, tx, t);
    return 1 / (1 + Math.exp(terms[1] - terms[0]));
  }

  /**
   * Given active at T: λ ~ Gamma(r+x, α+T) and μ ~ Gamma(s, β+T). The first purchase of the window
   * falls at u into it while the customer is still there: P = ∫_0^w E[e^(−μ(g+u))] E[λ e^(−λu)] du,
   * by quadrature over u.
   */
  @Override
  public double probabilityNoPurchase(
      double gap, double window, double x, double tx, double t, BetaQuadrature quadrature) {
    if (window <= 0) {
      return 1;
    }
    double a = alpha + t;
    double b = beta + t;
    double shape = r + x;
    double purchase = 0;
    for (int k = 0; k < NODES; k++) {
      double u = RULE[0][k] * window;
      double stays = Math.exp(s * Math.log(b / (b + gap + u)));
      double first = shape / a * Math.exp((shape + 1) * Math.log(a / (a + u)));
      purchase += RULE[1][k] * window * stays * first;
    }
    return 1 - probabilityAlive(x, tx, t) * Math.min(1, purchase);
  }

  /** E[λ] ∫_0^h E[e^(−μu)] du, in closed form, times the probability of being active. */
  @Override
  public double expectedPurchases(
      double horizon, double x, double tx, double t, BetaQuadrature quadrature) {
    return expectedPurchases(new double[] {horizon}, x, tx, t, 0, quadrature)[0];
  }

  /** The same for several horizons, with the probability of being active computed once. */
  @Override
  public double[] expectedPurchases(
      double[] horizons, double x, double tx, double t, double f, BetaQuadrature quadrature) {
    double scale = probabilityAlive(x, tx, t) * (r + x) / (alpha + t);
    double b = beta + t;
    double[] out = new double[horizons.length];
    for (int k = 0; k < horizons.length; k++) {
      double h = horizons[k];
      if (h <= 0) {
        continue;
      }
      double stay =
          Math.abs(s - 1) < 1e-9
              ? b * Math.log1p(h / b)
              : b / (s - 1) * -Math.expm1((s - 1) * Math.log(b / (b + h)));
      out[k] = scale * stay;
    }
    return out;
  }
}

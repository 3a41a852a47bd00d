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
    Evaluation e = new Evaluation();
    double span = t - tx;
    double[] la = new double[NODES];
    double[] lb = new double[NODES];
    if (span > 0) {
      e.nodeLogs(tx, span, la, lb, 0);
    }
    return new double[] {
      e.active(x, Math.log(alpha + t), Math.log(beta + t)),
      e.left(x, span, span > 0 ? Math.log(span) : 0, la, lb, 0)
    };
  }

  /**
   * What one set of parameters computes for every history: the logarithms of β and s, and the terms
   * of a history from its span's logarithms, so that histories sharing a span (t_x, T) share them.
   * The expressions are those of a history computed alone, to the last bit.
   */
  private final class Evaluation {
    final double logBeta = Math.log(beta);
    final double logS = Math.log(s);
    private final double[] logs = new double[NODES];

    /**
     * log(α + τ) and log(β + τ) at the nodes over [t_x, t_x + span], into la and lb at {@code at}.
     */
    void nodeLogs(double tx, double span, double[] la, double[] lb, int at) {
      for (int k = 0; k < NODES; k++) {
        double tau = tx + RULE[0][k] * span;
        la[at + k] = Math.log(alpha + tau);
        lb[at + k] = Math.log(beta + tau);
      }
    }

    /** The "still active at T" term, given log(α + T) and log(β + T). */
    double active(double x, double logAlphaT, double logBetaT) {
      return -(r + x) * logAlphaT + s * (logBeta - logBetaT);
    }

    /**
     * The "left in [t_x, T]" term, given the span T − t_x, its log, and the nodes' logs at {@code
     * at}.
     */
    double left(double x, double span, double logSpan, double[] la, double[] lb, int at) {
      if (!(span > 0)) {
        return Double.NEGATIVE_INFINITY;
      }
      double max = Double.NEGATIVE_INFINITY;
      double constant = logSpan + logS - logBeta + (s + 1) * logBeta;
      for (int k = 0; k < NODES; k++) {
        logs[k] = LOG_WEIGHTS[k] + constant - (r + x) * la[at + k] - (s + 1) * lb[at + k];
        max = Math.max(max, logs[k]);
      }
      double sum = 0;
      for (double l : logs) {
        sum += Math.exp(l - max);
      }
      return max + Math.log(sum);
    }
  }

  /**
   * Log-likelihoods of readings (x, span) of histories under this model, one per entry of {@code
   * spans}: each span's logarithms computed once, each entry's count {@code counts[k]} and log
   * Γ(r+x) − log Γ(r) {@code ratios[k]}.
   */
  double[] logLikelihoods(Histories.Spans spans, double[] counts, double[] ratios) {
    Evaluation e = new Evaluation();
    int m = spans.size();
    double[] la = new double[m * NODES];
    double[] lb = new double[m * NODES];
    double[] logSpan = new double[m];
    double[] logAlphaT = new double[m];
    double[] logBetaT = new double[m];
    for (int p = 0; p < m; p++) {
      double span = spans.t()[p] - spans.tx()[p];
      if (span > 0) {
        e.nodeLogs(spans.tx()[p], span, la, lb, p * NODES);
        logSpan[p] = Math.log(span);
      }
      logAlphaT[p] = Math.log(alpha + spans.t()[p]);
      logBetaT[p] = Math.log(beta + spans.t()[p]);
    }
    double rLogAlpha = r * Math.log(alpha);
    int[] of = spans.of();
    double[] out = new double[of.length];
    for (int i = 0; i < of.length; i++) {
      int p = of[i];
      double x = counts[i];
      double span = spans.t()[p] - spans.tx()[p];
      double active = e.active(x, logAlphaT[p], logBetaT[p]);
      double left = e.left(x, span, logSpan[p], la, lb, p * NODES);
      out[i] = ratios[i] + rLogAlpha + LogSpace.sum(active, left);
    }
    return out;
  }

  /**
   * The same sum as one history at a time, each span's logarithms and each count's log Γ(r+x) − log
   * Γ(r) computed once.
   */
  @Override
  public double logLikelihoodSum(Histories h) {
    int n = h.size();
    double[] ratios = java.util.Arrays.copyOfRange(logGammaRatios(h), n, 2 * n);
    double[] ll = logLikelihoods(h.arrived(), h.x, ratios);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += h.w[i] * ll[i];
    }
    return sum;
  }

  @Override
  public double logLikelihoodSum(double[] x, double[] tx, double[] t, double[] f, double[] w) {
    return logLikelihoodSum(new Histories(x, tx, t, f, w));
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

  /**
   * log Γ(r+x) − log Γ(r) for each entry of {@link Histories#counts} (x + 1, then x, of each
   * history), once per distinct count.
   */
  double[] logGammaRatios(Histories h) {
    Histories.Distinct counts = h.counts();
    double[] byCount = new double[counts.values().length];
    for (int k = 0; k < byCount.length; k++) {
      byCount[k] = logGammaRatio(counts.values()[k]);
    }
    double[] out = new double[counts.of().length];
    for (int i = 0; i < out.length; i++) {
      out[i] = byCount[counts.of()[i]];
    }
    return out;
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

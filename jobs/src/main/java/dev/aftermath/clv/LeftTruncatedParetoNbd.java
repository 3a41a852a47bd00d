package dev.aftermath.clv;

/**
 * Pareto/NBD for a history that starts at an origin (the first day of data, or the merchant's
 * signup) when the business already had customers: each customer seen is either one who arrived
 * later, with its first purchase at arrival (the usual model), or one already there at the origin,
 * whose first purchase in the data is not its first ever. For the latter the first purchase is just
 * another event of its Poisson process, so its history is that of a customer "born" at the origin
 * with x + 1 purchases, last at f + t_x, age f + T (f = first purchase − origin); those who made no
 * purchase before the outage are unseen, which the likelihood conditions on. With θ the number of
 * arrivals per unit of time relative to the customers present at the origin, a history's likelihood
 * is
 *
 * <pre>
 *   [ L(x+1, f+t_x, f+T) + θ L(x, t_x, T) ] / [ P(≥ 1 purchase in f+T) + θ (f+T) ]
 * </pre>
 *
 * and predictions mix the two readings by their posterior weights. Parameters: r, α, s, β, θ.
 */
public record LeftTruncatedParetoNbd(ParetoNbd base, double theta) implements PurchaseModel {

  public static LeftTruncatedParetoNbd fromLog(double[] log) {
    return new LeftTruncatedParetoNbd(
        ParetoNbd.fromLog(java.util.Arrays.copyOf(log, 4)), Math.exp(log[4]));
  }

  @Override
  public String name() {
    return "paretonbd-truncated";
  }

  @Override
  public double[] toLog() {
    double[] b = base.toLog();
    double[] out = java.util.Arrays.copyOf(b, 5);
    out[4] = Math.log(theta);
    return out;
  }

  @Override
  public LeftTruncatedParetoNbd withLog(double[] log) {
    return fromLog(log);
  }

  /** Log of the two readings' likelihoods: {present at the origin, arrived at f}. */
  private double[] readings(double x, double tx, double t, double f) {
    return readings(x, tx, t, f, base.logGammaRatio(x + 1), base.logGammaRatio(x));
  }

  /** The same, given log Γ(r+x+1) − log Γ(r) and log Γ(r+x) − log Γ(r). */
  private double[] readings(
      double x, double tx, double t, double f, double ratioPresent, double ratioArrived) {
    return new double[] {
      base.logLikelihoodGiven(x + 1, f + tx, f + t, ratioPresent),
      Math.log(theta) + base.logLikelihoodGiven(x, tx, t, ratioArrived)
    };
  }

  /** Log of the normaliser: P(≥ 1 purchase from the origin over {@code span}) + θ · span. */
  private double logSeen(double span) {
    return Math.log(-Math.expm1(base.logLikelihood(0, 0, span)) + theta * span);
  }

  /** Posterior probability that the customer was already there at the origin. */
  double probabilityPresentAtOrigin(double x, double tx, double t, double f) {
    double[] l = readings(x, tx, t, f);
    return 1 / (1 + Math.exp(l[1] - l[0]));
  }

  @Override
  public double logLikelihood(double x, double tx, double t, double f) {
    double[] l = readings(x, tx, t, f);
    return LogSpace.sum(l[0], l[1]) - logSeen(f + t);
  }

  @Override
  public double logLikelihood(double x, double tx, double t) {
    return logLikelihood(x, tx, t, 0);
  }

  /**
   * The same sum as one history at a time, sharing what histories have in common: log Γ(r+x) − log
   * Γ(r) once per purchase count, the quadrature's logarithms once per span (t_x, T) of either
   * reading, and the normaliser once per age f+T (an age depends only on the history's origin, so
   * there are few).
   */
  @Override
  public double logLikelihoodSum(Histories h) {
    int n = h.size();
    double[] ratios = base.logGammaRatios(h);
    double[] entries = new double[2 * n];
    for (int i = 0; i < 2 * n; i++) {
      entries[i] = i < n ? h.x[i] + 1 : h.x[i - n];
    }
    // entries 0..n−1: present at the origin; n..2n−1: arrived at the first purchase
    double[] ll = base.logLikelihoods(h.both(), entries, ratios);
    Histories.Distinct ages = h.ages();
    double[] seen = new double[ages.values().length];
    for (int k = 0; k < seen.length; k++) {
      seen[k] = logSeen(ages.values()[k]);
    }
    double logTheta = Math.log(theta);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += h.w[i] * (LogSpace.sum(ll[i], logTheta + ll[n + i]) - seen[ages.of()[i]]);
    }
    return sum;
  }

  @Override
  public double logLikelihoodSum(double[] x, double[] tx, double[] t, double[] f, double[] w) {
    return logLikelihoodSum(new Histories(x, tx, t, f, w));
  }

  @Override
  public double probabilityAlive(double x, double tx, double t, double f) {
    double w = probabilityPresentAtOrigin(x, tx, t, f);
    return w * base.probabilityAlive(x + 1, f + tx, f + t)
        + (1 - w) * base.probabilityAlive(x, tx, t);
  }

  @Override
  public double probabilityAlive(double x, double tx, double t) {
    return probabilityAlive(x, tx, t, 0);
  }

  @Override
  public double probabilityNoPurchase(
      double gap,
      double window,
      double x,
      double tx,
      double t,
      double f,
      BetaQuadrature quadrature) {
    double w = probabilityPresentAtOrigin(x, tx, t, f);
    return w * base.probabilityNoPurchase(gap, window, x + 1, f + tx, f + t, quadrature)
        + (1 - w) * base.probabilityNoPurchase(gap, window, x, tx, t, quadrature);
  }

  @Override
  public double probabilityNoPurchase(
      double gap, double window, double x, double tx, double t, BetaQuadrature quadrature) {
    return probabilityNoPurchase(gap, window, x, tx, t, 0, quadrature);
  }

  @Override
  public double expectedPurchases(
      double horizon, double x, double tx, double t, double f, BetaQuadrature quadrature) {
    return expectedPurchases(new double[] {horizon}, x, tx, t, f, quadrature)[0];
  }

  @Override
  public double expectedPurchases(
      double horizon, double x, double tx, double t, BetaQuadrature quadrature) {
    return expectedPurchases(horizon, x, tx, t, 0, quadrature);
  }

  /** The same for several horizons, the readings' weights computed once. */
  @Override
  public double[] expectedPurchases(
      double[] horizons, double x, double tx, double t, double f, BetaQuadrature quadrature) {
    double w = probabilityPresentAtOrigin(x, tx, t, f);
    double[] present = base.expectedPurchases(horizons, x + 1, f + tx, f + t, 0, quadrature);
    double[] arrived = base.expectedPurchases(horizons, x, tx, t, 0, quadrature);
    double[] out = new double[horizons.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = w * present[k] + (1 - w) * arrived[k];
    }
    return out;
  }
}

package dev.aftermath.clv;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * A purchase model fitted by maximum likelihood over customer histories, each with a weight (1 per
 * customer, or the number of customers sharing the same history when histories are grouped).
 */
public record PurchaseModelFit(
    PurchaseModel model,
    double[] standardErrors,
    double[][] logCovariance,
    double logLikelihood,
    double customers,
    int evaluations)
    implements java.io.Serializable {

  /** Fits the published BG/NBD to the histories (x, t_x, T) with weights w. */
  public static PurchaseModelFit bgnbd(double[] x, double[] tx, double[] t, double[] w) {
    return fit(BgNbd::fromLog, 4, x, tx, t, null, w);
  }

  /** Fits the Pareto/NBD. */
  public static PurchaseModelFit paretonbd(double[] x, double[] tx, double[] t, double[] w) {
    return fit(ParetoNbd::fromLog, 4, x, tx, t, null, w);
  }

  /**
   * Fits the Pareto/NBD for histories with customers present at the origin of the data ({@link
   * LeftTruncatedParetoNbd}); f = first purchase − origin.
   */
  public static PurchaseModelFit paretonbdTruncated(
      double[] x, double[] tx, double[] t, double[] f, double[] w) {
    return fit(LeftTruncatedParetoNbd::fromLog, 5, x, tx, t, f, w);
  }

  /**
   * Fits the model that {@code fromLog} makes of its log-parameters. Starts from r = 1, α = the
   * mean time observed (about one purchase in it), and for the dropout parameters 1 and 1 (BG/NBD)
   * or s = 1 and β = the mean time observed (Pareto/NBD); θ (fifth, where there is one) at one
   * arrival per mean time observed.
   */
  private static PurchaseModelFit fit(
      Function<double[], PurchaseModel> fromLog,
      int parameters,
      double[] x,
      double[] tx,
      double[] t,
      double[] f,
      double[] w) {
    double customers = 0;
    double meanT = 0;
    for (int i = 0; i < x.length; i++) {
      customers += w[i];
      meanT += w[i] * (t[i] + (f == null ? 0 : f[i]));
    }
    if (customers <= 0) {
      throw new IllegalArgumentException("no customers to fit");
    }
    meanT /= customers;
    ToDoubleFunction<double[]> ll = log -> fromLog.apply(log).logLikelihoodSum(x, tx, t, f, w);
    double scale = Math.log(Math.max(1e-6, meanT));
    boolean pareto = !(fromLog.apply(new double[parameters]) instanceof BgNbd);
    double[] start = new double[parameters];
    start[1] = scale;
    start[3] = pareto ? scale : 0;
    if (parameters > 4) {
      start[4] = -scale;
    }
    MaximumLikelihood.Result r = MaximumLikelihood.maximise(ll, start);
    return new PurchaseModelFit(
        fromLog.apply(r.logParams()),
        r.standardErrors(),
        r.logCovariance(),
        r.logLikelihood(),
        customers,
        r.evaluations());
  }
}

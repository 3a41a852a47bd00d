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
    return named("bgnbd", x, tx, t, null, w, STOP_RADIUS);
  }

  /** Fits the Pareto/NBD. */
  public static PurchaseModelFit paretonbd(double[] x, double[] tx, double[] t, double[] w) {
    return named("paretonbd", x, tx, t, null, w, STOP_RADIUS);
  }

  /**
   * Fits the Pareto/NBD for histories with customers present at the origin of the data ({@link
   * LeftTruncatedParetoNbd}); f = first purchase − origin.
   */
  public static PurchaseModelFit paretonbdTruncated(
      double[] x, double[] tx, double[] t, double[] f, double[] w) {
    return named("paretonbd-truncated", x, tx, t, f, w, STOP_RADIUS);
  }

  /**
   * Fits the family of {@code from} to the histories, starting from its parameters (a fit on part
   * of the same histories converges in fewer evaluations from there).
   */
  public static PurchaseModelFit refit(
      PurchaseModel from, double[] x, double[] tx, double[] t, double[] f, double[] w) {
    Function<double[], PurchaseModel> fromLog = from::withLog;
    return fit(
        fromLog,
        from.toLog().length,
        x,
        tx,
        t,
        from.toLog().length > 4 ? f : null,
        w,
        from.toLog(),
        REFIT_RADIUS,
        STOP_RADIUS);
  }

  /** Trust region of a refit: its start is near the optimum. */
  static final double REFIT_RADIUS = 0.1;

  /** Where a fit stops, in the log-parameters. */
  static final double STOP_RADIUS = 1e-10;

  /** Where a quick fit stops: about six digits of each parameter. */
  static final double QUICK_STOP_RADIUS = 1e-6;

  /**
   * The named model ({@code bgnbd}, {@code paretonbd}, {@code paretonbd-truncated}) fitted to six
   * digits of its parameters: enough to compare candidates.
   */
  public static PurchaseModelFit quick(
      String name, double[] x, double[] tx, double[] t, double[] f, double[] w) {
    return named(name, x, tx, t, f, w, QUICK_STOP_RADIUS);
  }

  /** The named model ({@code bgnbd}, {@code paretonbd}, {@code paretonbd-truncated}) fitted. */
  public static PurchaseModelFit named(
      String name, double[] x, double[] tx, double[] t, double[] f, double[] w) {
    return named(name, x, tx, t, f, w, STOP_RADIUS);
  }

  /** The named model fitted from the default start, stopping at {@code stopRadius}. */
  private static PurchaseModelFit named(
      String name, double[] x, double[] tx, double[] t, double[] f, double[] w, double stopRadius) {
    return switch (name) {
      case "bgnbd" -> fit(BgNbd::fromLog, 4, x, tx, t, null, w, null, 0.5, stopRadius);
      case "paretonbd" -> fit(ParetoNbd::fromLog, 4, x, tx, t, null, w, null, 0.5, stopRadius);
      case "paretonbd-truncated" ->
          fit(LeftTruncatedParetoNbd::fromLog, 5, x, tx, t, f, w, null, 0.5, stopRadius);
      default -> throw new IllegalArgumentException("unknown purchase model " + name);
    };
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
      double[] w,
      double[] from,
      double initialRadius,
      double stopRadius) {
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
    Histories histories = new Histories(x, tx, t, f, w);
    ToDoubleFunction<double[]> ll = log -> fromLog.apply(log).logLikelihoodSum(histories);
    double scale = Math.log(Math.max(1e-6, meanT));
    boolean pareto = !(fromLog.apply(new double[parameters]) instanceof BgNbd);
    double[] start = new double[parameters];
    start[1] = scale;
    start[3] = pareto ? scale : 0;
    if (parameters > 4) {
      start[4] = -scale;
    }
    MaximumLikelihood.Result r =
        MaximumLikelihood.maximise(
            ll, from != null ? from.clone() : start, initialRadius, stopRadius);
    return new PurchaseModelFit(
        fromLog.apply(r.logParams()),
        r.standardErrors(),
        r.logCovariance(),
        r.logLikelihood(),
        customers,
        r.evaluations());
  }
}

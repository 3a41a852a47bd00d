package dev.aftermath.clv;

/**
 * A BG/NBD fit by maximum likelihood over customer histories, each with a weight (1 per customer,
 * or the number of customers sharing the same history when histories are grouped).
 */
public record BgNbdFit(
    BgNbd params,
    double[] standardErrors,
    double[][] logCovariance,
    double logLikelihood,
    double customers,
    int evaluations)
    implements java.io.Serializable {

  /** Fits the model to the histories (x, t_x, T) with weights w. */
  public static BgNbdFit fit(double[] x, double[] tx, double[] t, double[] w) {
    double customers = 0;
    double meanT = 0;
    for (int i = 0; i < x.length; i++) {
      customers += w[i];
      meanT += w[i] * t[i];
    }
    if (customers <= 0) {
      throw new IllegalArgumentException("no customers to fit");
    }
    meanT /= customers;
    java.util.function.ToDoubleFunction<double[]> ll =
        log -> {
          BgNbd m = BgNbd.fromLog(log);
          double sum = 0;
          for (int i = 0; i < x.length; i++) {
            sum += w[i] * m.logLikelihood(x[i], tx[i], t[i]);
          }
          return sum;
        };
    // start: r = 1, α = the mean age (one purchase per age), a = 1, b = 1
    double[] start = {0, Math.log(Math.max(1e-6, meanT)), 0, 0};
    MaximumLikelihood.Result r = MaximumLikelihood.maximise(ll, start);
    return new BgNbdFit(
        BgNbd.fromLog(r.logParams()),
        r.standardErrors(),
        r.logCovariance(ll),
        r.logLikelihood(),
        customers,
        r.evaluations());
  }
}

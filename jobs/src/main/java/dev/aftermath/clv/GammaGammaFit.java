package dev.aftermath.clv;

/** A Gamma-Gamma fit by maximum likelihood over repeat buyers' (x, m̄), each with a weight. */
public record GammaGammaFit(
    GammaGamma params,
    double[] standardErrors,
    double logLikelihood,
    double customers,
    int evaluations)
    implements java.io.Serializable {

  /** Fits the model to customers with x ≥ 1 repeat purchases of average value m > 0. */
  public static GammaGammaFit fit(double[] x, double[] m, double[] w) {
    double customers = 0;
    double meanM = 0;
    for (int i = 0; i < x.length; i++) {
      customers += w[i];
      meanM += w[i] * m[i];
    }
    if (customers <= 0) {
      throw new IllegalArgumentException("no repeat buyers to fit");
    }
    meanM /= customers;
    java.util.function.ToDoubleFunction<double[]> ll =
        log -> {
          GammaGamma g = GammaGamma.fromLog(log);
          double sum = 0;
          for (int i = 0; i < x.length; i++) {
            sum += w[i] * g.logLikelihood(x[i], m[i]);
          }
          return sum;
        };
    // start: p = 1, q = 2, γ = the mean spend (so that the population mean p γ / (q − 1) matches)
    double[] start = {0, Math.log(2), Math.log(Math.max(1e-9, meanM))};
    MaximumLikelihood.Result r = MaximumLikelihood.maximise(ll, start);
    return new GammaGammaFit(
        GammaGamma.fromLog(r.logParams()),
        r.standardErrors(),
        r.logLikelihood(),
        customers,
        r.evaluations());
  }
}

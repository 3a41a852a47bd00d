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
    // the logarithms of the data, taken once for every evaluation
    Histories.Distinct counts = Histories.Distinct.of(x);
    double[] logX = new double[counts.values().length];
    for (int k = 0; k < logX.length; k++) {
      logX[k] = Math.log(counts.values()[k]);
    }
    double[] logM = new double[m.length];
    for (int i = 0; i < m.length; i++) {
      logM[i] = Math.log(m[i]);
    }
    java.util.function.ToDoubleFunction<double[]> ll =
        log -> GammaGamma.fromLog(log).logLikelihoodSum(counts, logX, m, logM, w);
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

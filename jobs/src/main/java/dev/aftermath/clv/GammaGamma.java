package dev.aftermath.clv;

import java.io.Serializable;
import org.hipparchus.special.Gamma;

/**
 * The Gamma-Gamma spend model: each purchase's value ~ Gamma(p, ν), ν ~ Gamma(q, γ) across
 * customers (Fader, Hardie & Lee 2005, "RFM and CLV: using iso-value curves"). A customer's history
 * is (x, m̄): repeat purchases and their average value.
 */
public record GammaGamma(double p, double q, double gamma) implements Serializable {

  public static GammaGamma fromLog(double[] log) {
    return new GammaGamma(Math.exp(log[0]), Math.exp(log[1]), Math.exp(log[2]));
  }

  public double[] toLog() {
    return new double[] {Math.log(p), Math.log(q), Math.log(gamma)};
  }

  /** Log-likelihood of the average m of x ≥ 1 purchases (the density of the mean). */
  public double logLikelihood(double x, double m) {
    double px = p * x;
    return Gamma.logGamma(px + q)
        - Gamma.logGamma(px)
        - Gamma.logGamma(q)
        + q * Math.log(gamma)
        + (px - 1) * Math.log(m)
        + px * Math.log(x)
        - (px + q) * Math.log(gamma + m * x);
  }

  /**
   * The weighted sum of {@link #logLikelihood} over customers (x, m̄) whose logarithms were taken
   * once ({@code logX} per distinct count, {@code logM} per customer): log Γ(px+q) − log Γ(px) once
   * per distinct count. Each term is computed as one customer alone, so the sum is the same to the
   * last bit.
   */
  double logLikelihoodSum(
      Histories.Distinct counts, double[] logX, double[] m, double[] logM, double[] w) {
    double[] xs = counts.values();
    double[] gammaRatio = new double[xs.length];
    double[] gammaPx = new double[xs.length];
    for (int k = 0; k < xs.length; k++) {
      double px = p * xs[k];
      gammaRatio[k] = Gamma.logGamma(px + q);
      gammaPx[k] = Gamma.logGamma(px);
    }
    double logGammaQ = Gamma.logGamma(q);
    double qLogGamma = q * Math.log(gamma);
    int[] of = counts.of();
    double sum = 0;
    for (int i = 0; i < m.length; i++) {
      int k = of[i];
      double x = xs[k];
      double px = p * x;
      double ll =
          gammaRatio[k]
              - gammaPx[k]
              - logGammaQ
              + qLogGamma
              + (px - 1) * logM[i]
              + px * logX[k]
              - (px + q) * Math.log(gamma + m[i] * x);
      sum += w[i] * ll;
    }
    return sum;
  }

  /** Population mean spend per purchase, p γ / (q − 1); infinite when q ≤ 1. */
  public double meanSpend() {
    return q > 1 ? p * gamma / (q - 1) : Double.POSITIVE_INFINITY;
  }

  /**
   * Expected spend per purchase of a customer with x repeat purchases averaging m (FHL 2005b, eq.
   * 5): a weighted mean of the population mean and the customer's own; the population mean for x =
   * 0.
   */
  public double expectedSpend(double x, double m) {
    if (x <= 0) {
      return meanSpend();
    }
    return p * (gamma + x * m) / (p * x + q - 1);
  }
}

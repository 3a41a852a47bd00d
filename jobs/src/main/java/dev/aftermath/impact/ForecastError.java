package dev.aftermath.impact;

import java.io.Serializable;

/**
 * How far the counterfactual forecast of a merchant's loss rate misses, learnt from the backtest
 * (where the true loss is zero): Var(ρ̂) = floor + scale·v, with v the variance the merchant's own
 * draws give. {@code floor} is the error no draw sees (the model's misspecification, common to all
 * merchants); {@code scale} ≥ 1 corrects the draws' own variance.
 *
 * @param floor variance of the rate error not seen by the draws
 * @param scale factor on the draws' variance
 * @param merchants merchants the two were measured on (0: not measured)
 */
record ForecastError(double floor, double scale, int merchants) implements Serializable {

  /** Nothing measured: the draws are taken at their word. */
  static final ForecastError UNMEASURED = new ForecastError(0, 1, 0);

  boolean measured() {
    return merchants > 0;
  }

  /**
   * Fits floor and scale to backtest rate errors {@code errors} (truth 0) with draw variances
   * {@code variances}: weighted least squares of the squared errors on (1, v), weights 1/(floor +
   * scale·v)², iterated; scale held at ≥ 1 and floor at ≥ 0.
   */
  static ForecastError fit(double[] errors, double[] variances) {
    int n = errors.length;
    if (n < LossRatePooling.MIN_MERCHANTS) {
      return UNMEASURED;
    }
    double floor = 0.01;
    double scale = 1;
    for (int it = 0; it < 50; it++) {
      double[] next = VarianceLine.fit(errors, variances, floor, scale, 0);
      boolean settled =
          Math.abs(next[0] - floor) < 1e-7 * (1 + floor)
              && Math.abs(next[1] - scale) < 1e-7 * scale;
      floor = next[0];
      scale = next[1];
      if (settled) {
        break;
      }
    }
    return new ForecastError(floor, scale, n);
  }

  /** Weighted least squares of squared residuals on (1, v). */
  static final class VarianceLine {
    private VarianceLine() {}

    /**
     * One step: {intercept, slope} of r² on (1, v) with weights 1/(intercept + slope·v)² at the
     * current values; slope ≥ 1, intercept ≥ {@code minIntercept}.
     */
    static double[] fit(
        double[] residuals,
        double[] variances,
        double intercept,
        double slope,
        double minIntercept) {
      double s00 = 0;
      double s01 = 0;
      double s11 = 0;
      double t0 = 0;
      double t1 = 0;
      for (int i = 0; i < residuals.length; i++) {
        double r2 = residuals[i] * residuals[i];
        double v = variances[i];
        double w = 1 / Math.pow(Math.max(intercept + slope * v, 1e-12), 2);
        s00 += w;
        s01 += w * v;
        s11 += w * v * v;
        t0 += w * r2;
        t1 += w * r2 * v;
      }
      double det = s00 * s11 - s01 * s01;
      double a = (s11 * t0 - s01 * t1) / det;
      double b = (s00 * t1 - s01 * t0) / det;
      if (!(b >= 1)) {
        b = 1;
        a = (t0 - s01) / s00;
      }
      if (!(a >= minIntercept)) {
        a = minIntercept;
        b = Math.max(1, (t1 - a * s01) / s11);
      }
      return new double[] {a, b};
    }
  }
}

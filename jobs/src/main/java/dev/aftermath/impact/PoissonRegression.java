package dev.aftermath.impact;

/**
 * Weighted quasi-Poisson regression with a log link, fitted by iteratively reweighted least squares
 * (McCullagh & Nelder 1989, ch. 2): E[y] = exp(Xβ), Var[y] = φ·E[y]. Works for revenue (not only
 * counts): the scale is absorbed by the dispersion φ, estimated from the weighted Pearson
 * residuals.
 */
public final class PoissonRegression {
  private PoissonRegression() {}

  /** The fit: coefficients, their covariance φ·(XᵀWX)⁻¹, the dispersion, and iterations used. */
  public record Fit(
      double[] beta, double[][] covariance, double dispersion, int iterations, boolean converged) {
    /** The fitted mean for a row of regressors. */
    public double mean(double[] x) {
      return Math.exp(Linear.dot(beta, x));
    }
  }

  /**
   * Fits {@code y ≈ exp(Xβ)} with observation weights {@code w}. Rows with weight 0 are ignored. A
   * small ridge (1e-6 × the diagonal) keeps the solve stable when a column is nearly constant.
   */
  public static Fit fit(double[][] x, double[] y, double[] w) {
    return fit(x, y, w, new double[x[0].length], new double[x[0].length]);
  }

  /**
   * Fits with independent Gaussian priors β_j ~ N(m_j, 1/λ_j) on the coefficients (λ_j = 0: flat),
   * the maximum a posteriori estimate: the penalty enters the normal equations scaled by the
   * dispersion of an unpenalised first fit, so the prior weighs against the data on the data's own
   * scale.
   */
  public static Fit fit(
      double[][] x, double[] y, double[] w, double[] priorMean, double[] priorPrecision) {
    return fit(x, y, w, priorMean, priorPrecision, new boolean[priorMean.length]);
  }

  /**
   * As {@link #fit(double[][], double[], double[], double[], double[])}, but the coefficients
   * marked {@code cauchy} get a Cauchy prior of scale 1/√λ_j instead of a Gaussian one: small
   * departures from the mean are shrunk like a Gaussian prior would, large ones the data clearly
   * supports are left almost alone. Fitted by iteratively reweighting the prior precision, λ_j ← 2
   * / (1/λ_j + (β_j − m_j)²) (the EM form of the Student-t with one degree of freedom).
   */
  public static Fit fit(
      double[][] x,
      double[] y,
      double[] w,
      double[] priorMean,
      double[] priorPrecision,
      boolean[] cauchy) {
    boolean penalised = java.util.Arrays.stream(priorPrecision).anyMatch(v -> v > 0);
    double scale =
        penalised
            ? fitOnce(x, y, w, priorMean, new double[priorMean.length], cauchy, 0).dispersion()
            : 0;
    return fitOnce(x, y, w, priorMean, priorPrecision, cauchy, scale);
  }

  private static Fit fitOnce(
      double[][] x,
      double[] y,
      double[] w,
      double[] priorMean,
      double[] priorPrecision,
      boolean[] cauchy,
      double scale) {
    int n = y.length;
    double[] precision = priorPrecision.clone();
    int p = x[0].length;
    double sw = 0;
    double swy = 0;
    for (int i = 0; i < n; i++) {
      sw += w[i];
      swy += w[i] * y[i];
    }
    double[] beta = new double[p];
    beta[0] = Math.log(Math.max(swy / sw, 1e-9)); // column 0 is the intercept
    double[][] xtwx = new double[p][p];
    boolean converged = false;
    int iter = 0;
    for (; iter < 50 && !converged; iter++) {
      double[][] a = new double[p][p];
      double[] b = new double[p];
      for (int i = 0; i < n; i++) {
        if (w[i] == 0) {
          continue;
        }
        double eta = Linear.dot(beta, x[i]);
        double mu = Math.exp(Math.min(eta, 50));
        double z = eta + (y[i] - mu) / Math.max(mu, 1e-12);
        double wi = w[i] * mu;
        for (int j = 0; j < p; j++) {
          double xij = x[i][j] * wi;
          b[j] += xij * z;
          for (int k = 0; k <= j; k++) {
            a[j][k] += xij * x[i][k];
          }
        }
      }
      for (int j = 0; j < p; j++) {
        for (int k = 0; k < j; k++) {
          a[k][j] = a[j][k];
        }
        a[j][j] += 1e-6 * Math.max(a[j][j], 1e-9) + 1e-12;
        a[j][j] += scale * precision[j];
        b[j] += scale * precision[j] * priorMean[j];
      }
      double[] next = Linear.solve(a, b);
      double change = 0;
      for (int j = 0; j < p; j++) {
        change = Math.max(change, Math.abs(next[j] - beta[j]));
      }
      beta = next;
      xtwx = a;
      converged = change < 1e-8;
      for (int j = 0; j < p; j++) {
        if (cauchy[j] && priorPrecision[j] > 0) {
          double d = beta[j] - priorMean[j];
          precision[j] = 2 / (1 / priorPrecision[j] + d * d);
        }
      }
    }
    double pearson = 0;
    for (int i = 0; i < n; i++) {
      if (w[i] == 0) {
        continue;
      }
      double mu = Math.exp(Math.min(Linear.dot(beta, x[i]), 50));
      pearson += w[i] * (y[i] - mu) * (y[i] - mu) / Math.max(mu, 1e-12);
    }
    double dispersion = Math.max(pearson / Math.max(sw - p, 1), 1e-9);
    double[][] cov = Linear.inverse(xtwx);
    for (double[] row : cov) {
      for (int k = 0; k < p; k++) {
        row[k] *= dispersion;
      }
    }
    return new Fit(beta, cov, dispersion, iter, converged);
  }
}

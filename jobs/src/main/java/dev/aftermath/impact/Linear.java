package dev.aftermath.impact;

/** The small dense linear algebra the per-merchant models need (p ≤ ~12): no library warranted. */
final class Linear {
  private Linear() {}

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /**
   * Lower-triangular L with A = LLᵀ for a symmetric positive semi-definite A (tiny pivots zeroed).
   */
  static double[][] cholesky(double[][] a) {
    int n = a.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        if (i == j) {
          l[i][i] = s > 1e-300 ? Math.sqrt(s) : 0;
        } else {
          l[i][j] = l[j][j] > 0 ? s / l[j][j] : 0;
        }
      }
    }
    return l;
  }

  /** Solves A x = b for symmetric positive definite A. */
  static double[] solve(double[][] a, double[] b) {
    double[][] l = cholesky(a);
    int n = b.length;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= l[i][k] * y[k];
      }
      y[i] = l[i][i] > 0 ? s / l[i][i] : 0;
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = y[i];
      for (int k = i + 1; k < n; k++) {
        s -= l[k][i] * x[k];
      }
      x[i] = l[i][i] > 0 ? s / l[i][i] : 0;
    }
    return x;
  }

  /** Inverse of a symmetric positive definite matrix, column by column. */
  static double[][] inverse(double[][] a) {
    int n = a.length;
    double[][] inv = new double[n][n];
    for (int j = 0; j < n; j++) {
      double[] e = new double[n];
      e[j] = 1;
      double[] col = solve(a, e);
      for (int i = 0; i < n; i++) {
        inv[i][j] = col[i];
      }
    }
    return inv;
  }
}

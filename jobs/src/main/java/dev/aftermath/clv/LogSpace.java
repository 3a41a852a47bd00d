package dev.aftermath.clv;

/** Arithmetic on logarithms. */
final class LogSpace {
  private LogSpace() {}

  /** log(e^u + e^v) without overflow. */
  static double sum(double u, double v) {
    double m = Math.max(u, v);
    if (m == Double.NEGATIVE_INFINITY) {
      return m;
    }
    return m + Math.log(Math.exp(u - m) + Math.exp(v - m));
  }
}

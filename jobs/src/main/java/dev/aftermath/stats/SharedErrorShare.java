package dev.aftermath.stats;

/**
 * The share ρ of an industry's variance that its merchants have in common, recovered from the
 * earlier stage's intervals: with merchant standard deviations σ_i and the industry total's σ_T,
 * σ_T² = Σ σ_i² + ρ [(Σ σ_i)² − Σ σ_i²], so ρ = (σ_T² − Σ σ_i²) / ((Σ σ_i)² − Σ σ_i²), clipped to
 * [0, 1] (0 where it cannot be told).
 */
public final class SharedErrorShare {
  private SharedErrorShare() {}

  /** σ from a 90% interval. */
  public static double sd(double low, double high) {
    return NormalLoss.sdOf90(low, high);
  }

  public static double rho(double totalSd, double sumSd, double sumVariance) {
    double denominator = sumSd * sumSd - sumVariance;
    if (!(denominator > 0) || !Double.isFinite(totalSd)) {
      return 0;
    }
    return Math.max(0, Math.min(1, (totalSd * totalSd - sumVariance) / denominator));
  }
}

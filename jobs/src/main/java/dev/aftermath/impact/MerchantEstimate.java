package dev.aftermath.impact;

import java.io.Serializable;

/**
 * One merchant's estimate: point values, the simulated counterfactual totals (for intervals and for
 * totals that keep industry-level correlation), the daily path, and pre-outage residuals.
 *
 * @param counterfactualDraws simulated counterfactual revenue over the impact period, one per draw
 * @param path counterfactual mean revenue per day from {@code pathStart} on (full days)
 * @param residuals observed − fitted revenue on the last pre-outage days (NaN where not observed)
 * @param fitted fitted revenue on the same days
 * @param coefficients {trend, its variance, control coefficient, its variance}; NaN when the model
 *     had no trend
 */
public record MerchantEstimate(
    String merchantId,
    String industry,
    boolean existing,
    String quality,
    double counterfactualOutage,
    double counterfactualAfter,
    double actualOutage,
    double actualAfter,
    double naiveCounterfactual,
    double[] counterfactualDraws,
    int pathStart,
    double[] path,
    double[] residuals,
    double[] fitted,
    double[] coefficients)
    implements Serializable {

  public double counterfactual() {
    return counterfactualOutage + counterfactualAfter;
  }

  public double actual() {
    return actualOutage + actualAfter;
  }

  public double lost() {
    return counterfactual() - actual();
  }
}

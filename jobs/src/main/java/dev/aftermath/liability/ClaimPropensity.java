package dev.aftermath.liability;

import dev.aftermath.scenario.LiabilityTerms;
import java.util.Map;

/**
 * The probability that a merchant pursues a claim (a complaint to a regulator or a lawsuit): a
 * logistic model whose weights are assumptions set in {@code scenario.yaml} ({@code
 * liability.claims}), rising with the merchant's shortfall, its size and its churn signals:
 *
 * <pre>
 *   logit p = b0 + b1 · ln(1 + max(0, shortfall) / 1000) + b2 · ln(1 + daily revenue / 1000)
 *             + Σ_signals w_s · [the merchant sent signal s after the outage started]
 * </pre>
 */
public final class ClaimPropensity {
  private final LiabilityTerms terms;

  public ClaimPropensity(LiabilityTerms terms) {
    this.terms = terms;
  }

  public double of(double shortfall, double dailyRevenue, Map<String, Long> signals) {
    double z =
        terms.claimIntercept()
            + terms.claimPerLogShortfall() * Math.log1p(Math.max(0, shortfall) / 1000)
            + terms.claimPerLogSize() * Math.log1p(Math.max(0, dailyRevenue) / 1000);
    for (var w : terms.signalWeights().entrySet()) {
      if (signals.getOrDefault(w.getKey(), 0L) > 0) {
        z += w.getValue();
      }
    }
    return 1 / (1 + Math.exp(-z));
  }
}

package dev.aftermath.schemes;

import dev.aftermath.scenario.TrafficPlanTerms;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The platform's traffic plan valued in money: the ad impressions at their market price per 1,000
 * ({@code cpm}) where the merchant's industry is eligible for the ad network, else nothing; plus
 * the free months of subscription at the merchant's monthly fee. The two parts are reported apart.
 */
public final class TrafficPlan {
  private TrafficPlan() {}

  /** Value of the impressions: impressions / 1000 × cpm if eligible, else 0. */
  public static BigDecimal impressionsValue(TrafficPlanTerms terms, boolean adEligible) {
    if (!adEligible) {
      return BigDecimal.ZERO.setScale(2);
    }
    return BigDecimal.valueOf(terms.impressions())
        .multiply(BigDecimal.valueOf(terms.cpm()))
        .divide(BigDecimal.valueOf(1000), MathContext.DECIMAL128)
        .setScale(2, RoundingMode.HALF_UP);
  }

  /** Value of the extension: months × monthly fee. */
  public static BigDecimal extensionValue(TrafficPlanTerms terms, BigDecimal monthlyFee) {
    return monthlyFee
        .multiply(BigDecimal.valueOf(terms.extensionMonths()))
        .setScale(2, RoundingMode.HALF_UP);
  }
}

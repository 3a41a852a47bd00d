package dev.aftermath.generate;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One simulated merchant: what the merchants table shows, and the latent traits that drive its
 * sales (size, trend, COVID sensitivity, growth spurt) and its fate after the outage.
 *
 * @param baseDailyOrders expected orders per day under normal demand at the history start
 * @param annualTrend log-linear growth per year
 * @param covidSensitivity how strongly the industry's COVID shock reaches this merchant (1 = fully)
 * @param growthFactor final multiple of a logistic growth spurt (1 = none)
 * @param growthMidDay day (from the history start) at which the spurt is half done
 * @param leftBecauseOfOutage whether the departure was caused by the outage
 */
public record MerchantProfile(
    int index,
    String merchantId,
    String name,
    Industry industry,
    LocalDate signupDate,
    int monthlyFee,
    boolean adEligible,
    double recoveredPct,
    LocalDate leftPlatformAt,
    boolean leftBecauseOfOutage,
    boolean isNew,
    double baseDailyOrders,
    double annualTrend,
    double covidSensitivity,
    double growthFactor,
    double growthMidDay)
    implements Serializable {

  /** Whether a growth spurt was planted. */
  public boolean fastGrower() {
    return growthFactor > 1.0;
  }
}

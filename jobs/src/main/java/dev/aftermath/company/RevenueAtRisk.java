package dev.aftermath.company;

import java.time.LocalDate;
import java.util.List;

/**
 * Subscription revenue at risk: the merchants that left on or after the outage's first day or sent
 * a migration signal, and their monthly fees over the liability's subscription horizon.
 */
record RevenueAtRisk(long merchants, double fees) {

  static RevenueAtRisk of(List<MerchantOutcome> merchants, LocalDate outage, int horizonMonths) {
    long atRisk = 0;
    double fees = 0;
    for (MerchantOutcome m : merchants) {
      LocalDate left = m.leftPlatformAt();
      if (m.migrationSignal() || left != null && !left.isBefore(outage)) {
        atRisk++;
        fees += m.monthlyFee() * horizonMonths;
      }
    }
    return new RevenueAtRisk(atRisk, fees);
  }
}

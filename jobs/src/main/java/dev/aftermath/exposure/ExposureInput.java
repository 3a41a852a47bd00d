package dev.aftermath.exposure;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One merchant as the exposure stage sees it: its losses from the earlier stages (point and 90%
 * interval), what it was paid under its choice, its fee and size, and its merchant-level churn
 * signals after the outage started (signal → count).
 */
public record ExposureInput(
    String merchantId,
    String industry,
    double marginRate,
    double lostMargin,
    double lostMarginSd,
    double lostCustomerMargin,
    double lostCustomerMarginSd,
    double memberBalances,
    double actualLoss,
    double payout,
    double shortfall,
    double monthlyFee,
    double dailyRevenue,
    String chosenScheme,
    double defectedCustomers,
    Map<String, Long> signals) {

  public ExposureInput {
    signals = Collections.unmodifiableMap(new TreeMap<>(signals));
  }

  /** foreseeable loss: lost margin during the outage and its tail, at least 0. */
  public double foreseeableLoss() {
    return Math.max(0, lostMargin);
  }

  /** Claimable under each regime: contract cap, foreseeable loss, full loss. */
  public double[] claimable(int capMonths) {
    double foreseeable = foreseeableLoss();
    return new double[] {
      Math.min(foreseeable, capMonths * monthlyFee), foreseeable, Math.max(0, actualLoss)
    };
  }

  /** Exposure under each regime: max(0, claimable − payout already accepted). */
  public double[] exposure(int capMonths) {
    double[] c = claimable(capMonths);
    return new double[] {
      Math.max(0, c[0] - payout), Math.max(0, c[1] - payout), Math.max(0, c[2] - payout)
    };
  }
}

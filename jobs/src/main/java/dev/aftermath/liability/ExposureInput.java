package dev.aftermath.liability;

import dev.aftermath.stats.NormalLoss;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One merchant as the exposure stage sees it: its losses from the earlier stages (point and
 * standard deviation from the 90% interval), what it was paid under its choice, its fee and size,
 * and its merchant-level churn signals after the outage started (signal → count).
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

  /** The lost margin (during the outage and its tail) as estimated: normal, signed. */
  public NormalLoss margin() {
    return new NormalLoss(lostMargin, lostMarginSd);
  }

  /** The full loss as estimated: lost margin + lost customer margin + member balances, signed. */
  public NormalLoss full() {
    return margin()
        .plus(new NormalLoss(lostCustomerMargin, lostCustomerMarginSd))
        .plus(new NormalLoss(memberBalances, 0));
  }

  /** Foreseeable loss: the expected positive part of the lost margin, E[max(0, LM)]. */
  public double foreseeableLoss() {
    return margin().expectedPositivePart();
  }

  /**
   * Claimable under each regime, in expectation over the estimates' spread: contract cap
   * E[min(max(0, LM), cap)], foreseeable loss E[max(0, LM)], full loss E[max(0, L)].
   */
  public double[] claimable(int capMonths) {
    return new double[] {
      margin().expectedExcessCapped(0, capMonths * monthlyFee),
      foreseeableLoss(),
      full().expectedPositivePart()
    };
  }

  /**
   * Exposure under each regime: the expected claimable amount above the payout already accepted,
   * E[max(0, claimable − payout)], over the estimates' spread.
   */
  public double[] exposure(int capMonths) {
    double p = Math.max(0, payout);
    return new double[] {
      margin().expectedExcessCapped(p, capMonths * monthlyFee),
      margin().expectedExcess(p),
      full().expectedExcess(p)
    };
  }
}

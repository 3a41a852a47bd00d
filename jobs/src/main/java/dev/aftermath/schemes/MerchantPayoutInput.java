package dev.aftermath.schemes;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the schemes need to know of one merchant: its terms (industry, existing or new, fee, ad
 * eligibility), its revenue in each baseline window (keyed by the scheme that uses the window), its
 * estimated no-outage daily revenue over the outage days, and its losses from the earlier stages
 * (null where a stage had no estimate).
 */
public record MerchantPayoutInput(
    String merchantId,
    String industry,
    boolean existing,
    BigDecimal monthlyFee,
    boolean adEligible,
    Double dataRecoveredPct,
    boolean leftPlatform,
    Map<String, BigDecimal> windowRevenue,
    Double counterfactualDaily,
    Double lostMargin,
    Double lostCustomerMargin,
    Double lostMemberBalances) {

  public MerchantPayoutInput {
    windowRevenue = Collections.unmodifiableMap(new TreeMap<>(windowRevenue));
  }

  /**
   * The loss a court could award if the merchant proves it: lost margin during the outage and its
   * recovery tail + lost customer margin + lost member balances; a stage without an estimate adds
   * nothing, and a negative estimate (the merchant did better than expected) awards nothing.
   */
  public double actualLoss() {
    return Math.max(
        0, orZero(lostMargin) + orZero(lostCustomerMargin) + orZero(lostMemberBalances));
  }

  private static double orZero(Double d) {
    return d == null || d.isNaN() ? 0 : d;
  }
}

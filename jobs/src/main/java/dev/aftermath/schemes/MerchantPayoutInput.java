package dev.aftermath.schemes;

import dev.aftermath.stats.NormalLoss;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the schemes need to know of one merchant: its terms (industry, existing or new, fee, ad
 * eligibility), its revenue in each baseline window (keyed by the scheme that uses the window), its
 * estimated no-outage daily revenue over the outage days, and its losses from the earlier stages
 * with their standard deviations (null where a stage had no estimate).
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
    Double lostMarginSd,
    Double lostCustomerMargin,
    Double lostCustomerMarginSd,
    Double lostMemberBalances) {

  public MerchantPayoutInput {
    windowRevenue = Collections.unmodifiableMap(new TreeMap<>(windowRevenue));
  }

  /**
   * The merchant's loss as estimated, signed: lost margin during the outage and its recovery tail +
   * lost customer margin + lost member balances, as a normal distribution whose spread is the two
   * estimates' own (independent; the balances are counted, not estimated). A stage without an
   * estimate adds nothing.
   */
  public NormalLoss loss() {
    return new NormalLoss(orZero(lostMargin), orZero(lostMarginSd))
        .plus(new NormalLoss(orZero(lostCustomerMargin), orZero(lostCustomerMarginSd)))
        .plus(new NormalLoss(orZero(lostMemberBalances), 0));
  }

  /**
   * The loss a court could award if the merchant proves it: the expected positive part of {@link
   * #loss()}, E[max(0, L)]. A merchant whose estimate is surely negative (it did better than
   * expected) can claim nothing; one whose estimate may be either sign can claim what it would be
   * owed on average.
   */
  public double actualLoss() {
    return loss().expectedPositivePart();
  }

  private static double orZero(Double d) {
    return d == null || d.isNaN() ? 0 : d;
  }
}

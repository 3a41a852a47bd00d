package dev.aftermath.schemes;

import dev.aftermath.stats.NormalLoss;

/**
 * One merchant as the search for better payout rules sees it ({@link SchemeFrontier}): its signed
 * loss estimate and claimable loss ({@code merchant_payout}), what the published cash formula pays
 * it per outage day ({@code cash_payout} / the outage's days: the baseline window's daily revenue ×
 * its margin rate), its estimated lost margin ({@code merchant_loss}, at least 0), its monthly fee,
 * whether its industry is on the ad network, the groups the fairness measures use, and what each
 * offered scheme pays it and costs ({@code merchant_payout}, in {@code schemes.offered}'s order).
 */
public record FrontierMerchant(
    String industry,
    String sizeDecile,
    NormalLoss loss,
    double claimable,
    double cashPerDay,
    double lostMargin,
    double monthlyFee,
    boolean adEligible,
    double[] offeredPayout,
    double[] offeredCost) {

  /** True if it has a claimable loss: the merchants a rule can make whole or leave short. */
  public boolean hasLoss() {
    return claimable > 0;
  }
}

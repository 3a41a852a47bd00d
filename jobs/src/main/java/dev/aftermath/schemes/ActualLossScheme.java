package dev.aftermath.schemes;

import dev.aftermath.scenario.BuiltInScheme;
import java.math.BigDecimal;
import java.util.Map;

/**
 * {@link BuiltInScheme#ACTUAL_LOSS}: the merchant's {@link MerchantPayoutInput#actualLoss()} to the
 * cent, the yardstick of every other scheme.
 */
final class ActualLossScheme implements PayoutScheme {
  @Override
  public void addValues(
      MerchantPayoutInput merchant, double marginRate, Map<String, BigDecimal> values) {
    values.put(BuiltInScheme.ACTUAL_LOSS.schemeName(), SchemeValues.money(merchant.actualLoss()));
  }
}

package dev.aftermath.schemes;

import java.math.BigDecimal;
import java.util.Map;

/**
 * How one built-in scheme ({@link dev.aftermath.scenario.BuiltInScheme}) values a merchant; one
 * class per scheme, chosen in {@link BuiltInSchemes}.
 */
interface PayoutScheme {
  /**
   * Puts the merchant's values into {@code values}: the payout under the scheme's name and each
   * part reported apart under its column's name. {@code marginRate}: the merchant's industry's.
   */
  void addValues(MerchantPayoutInput merchant, double marginRate, Map<String, BigDecimal> values);
}

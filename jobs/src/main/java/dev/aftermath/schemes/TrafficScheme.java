package dev.aftermath.schemes;

import dev.aftermath.scenario.BuiltInScheme;
import dev.aftermath.scenario.TrafficPlanTerms;
import java.math.BigDecimal;
import java.util.Map;

/**
 * {@link BuiltInScheme#TRAFFIC}: the {@link TrafficPlan}'s impressions and free months, each
 * reported apart, and their sum.
 */
final class TrafficScheme implements PayoutScheme {
  private final TrafficPlanTerms terms;

  TrafficScheme(TrafficPlanTerms terms) {
    this.terms = terms;
  }

  @Override
  public void addValues(
      MerchantPayoutInput merchant, double marginRate, Map<String, BigDecimal> values) {
    BigDecimal impressions = TrafficPlan.impressionsValue(terms, merchant.adEligible());
    BigDecimal extension = TrafficPlan.extensionValue(terms, merchant.monthlyFee());
    values.put(BuiltInScheme.TRAFFIC_IMPRESSIONS_VALUE, impressions);
    values.put(BuiltInScheme.TRAFFIC_EXTENSION_VALUE, extension);
    values.put(BuiltInScheme.TRAFFIC.schemeName(), impressions.add(extension));
  }
}

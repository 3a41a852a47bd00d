package dev.aftermath.schemes;

import dev.aftermath.scenario.BuiltInScheme;
import dev.aftermath.scenario.Outage;
import dev.aftermath.scenario.SlaCreditTerms;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** {@link BuiltInScheme#SLA_CREDIT}: the {@link SlaCredit} of the months the outage touches. */
final class SlaCreditScheme implements PayoutScheme {
  private final List<SlaCredit.Month> months;

  SlaCreditScheme(SlaCreditTerms terms, Outage outage) {
    this.months = SlaCredit.months(terms, outage.start(), outage.end());
  }

  @Override
  public void addValues(
      MerchantPayoutInput merchant, double marginRate, Map<String, BigDecimal> values) {
    values.put(
        BuiltInScheme.SLA_CREDIT.schemeName(), SlaCredit.payout(months, merchant.monthlyFee()));
  }
}

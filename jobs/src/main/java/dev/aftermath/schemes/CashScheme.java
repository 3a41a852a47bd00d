package dev.aftermath.schemes;

import dev.aftermath.scenario.BuiltInScheme;
import dev.aftermath.scenario.CashPlanTerms;
import java.math.BigDecimal;
import java.util.Map;

/** {@link BuiltInScheme#CASH}: the {@link CashPlan} on the plan's own baseline window. */
final class CashScheme implements PayoutScheme {
  private final CashPlanTerms terms;

  CashScheme(CashPlanTerms terms) {
    this.terms = terms;
  }

  @Override
  public void addValues(
      MerchantPayoutInput merchant, double marginRate, Map<String, BigDecimal> values) {
    values.put(
        BuiltInScheme.CASH.schemeName(),
        CashPlan.payout(
            CashPlan.averageDaily(
                merchant.windowRevenue().get(SchemeValues.CASH_WINDOW),
                CashPlan.days(terms.baselineStart(), terms.baselineEnd())),
            marginRate,
            terms.durationHours()));
  }
}

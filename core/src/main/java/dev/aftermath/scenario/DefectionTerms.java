package dev.aftermath.scenario;

import java.util.Map;

/**
 * How customer defection is measured (scenario key {@code defection}, all optional): the look-back
 * that defines a merchant's active customers, the grace period after restoration before return is
 * observed, and the horizon and discount rate of the lost customer value.
 */
public record DefectionTerms(
    int lookbackDays, int graceDays, int valueHorizonMonths, double annualDiscountRate)
    implements java.io.Serializable {
  public static final DefectionTerms DEFAULTS = new DefectionTerms(90, 14, 12, 0.10);

  /** Reads key {@code defection} (optional) of {@code top}; what it does not set is the default. */
  static DefectionTerms read(ScenarioYaml yaml, Map<String, Object> top) {
    DefectionTerms d = DEFAULTS;
    Map<String, Object> m = yaml.map(top, "defection", false);
    if (m == null) {
      return d;
    }
    Double lookback = yaml.number(m, "defection.lookback_days", false);
    Double grace = yaml.number(m, "defection.grace_days", false);
    Double months = yaml.number(m, "defection.value_horizon_months", false);
    Double rate = yaml.number(m, "defection.annual_discount_rate", false);
    int lookbackDays = yaml.whole(lookback, "defection.lookback_days", 1, d.lookbackDays());
    int graceDays = yaml.whole(grace, "defection.grace_days", 0, d.graceDays());
    int horizon = yaml.whole(months, "defection.value_horizon_months", 1, d.valueHorizonMonths());
    double discount = rate == null ? d.annualDiscountRate() : rate;
    if (!(discount >= 0 && discount < 1)) {
      yaml.problem("defection.annual_discount_rate", "'" + rate + "' must be in [0, 1)");
    }
    return new DefectionTerms(lookbackDays, graceDays, horizon, discount);
  }
}

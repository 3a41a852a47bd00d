package dev.aftermath.scenario;

/**
 * How customer defection is measured (scenario key {@code defection}, all optional): the look-back
 * that defines a merchant's active customers, the grace period after restoration before return is
 * observed, and the horizon and discount rate of the lost customer value.
 */
public record DefectionTerms(
    int lookbackDays, int graceDays, int valueHorizonMonths, double annualDiscountRate)
    implements java.io.Serializable {
  public static final DefectionTerms DEFAULTS = new DefectionTerms(90, 14, 12, 0.10);
}

package dev.aftermath.schemes;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * The platform's cash plan exactly as published (2020-03-01 open letter): average daily revenue ×
 * the industry's margin rate × outage duration in days, where the average daily revenue is the PAID
 * revenue net of tax in [baseline_start, baseline_end) divided by the window's length in days. In
 * decimal arithmetic, rounded half-up to the cent once, at the end.
 */
public final class CashPlan {
  private static final BigDecimal HOURS_PER_DAY = BigDecimal.valueOf(24);

  private CashPlan() {}

  /** The window's length in days (fractional where it is not whole days). */
  public static BigDecimal days(LocalDateTime start, LocalDateTime end) {
    return BigDecimal.valueOf(Duration.between(start, end).toSeconds())
        .divide(BigDecimal.valueOf(86_400), MathContext.DECIMAL128);
  }

  /** Average daily revenue over a window of {@code days} days. */
  public static BigDecimal averageDaily(BigDecimal windowRevenue, BigDecimal days) {
    return windowRevenue.divide(days, MathContext.DECIMAL128);
  }

  /** The payout: average daily revenue × margin rate × duration hours / 24, to the cent. */
  public static BigDecimal payout(
      BigDecimal averageDaily, double marginRate, double durationHours) {
    return averageDaily
        .multiply(BigDecimal.valueOf(marginRate), MathContext.DECIMAL128)
        .multiply(BigDecimal.valueOf(durationHours), MathContext.DECIMAL128)
        .divide(HOURS_PER_DAY, MathContext.DECIMAL128)
        .setScale(2, RoundingMode.HALF_UP);
  }
}

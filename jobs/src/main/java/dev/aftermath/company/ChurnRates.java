package dev.aftermath.company;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Platform churn before the outage (history start to the outage's first day) and after it (to the
 * horizon): merchants leaving per merchant-month on the platform.
 */
record ChurnRates(Period before, Period after) {
  static final double DAYS_PER_MONTH = 365.25 / 12;

  /** Merchants leaving within a period and the merchant-days spent on the platform in it. */
  record Period(long leavers, long merchantDays) {
    /** Leavers per merchant-month; null for a period no merchant spent a day in. */
    Double ratePerMonth() {
      return merchantDays > 0 ? leavers / (merchantDays / DAYS_PER_MONTH) : null;
    }
  }

  /** Churn in [start, outage) and [outage, end), end exclusive. */
  static ChurnRates of(
      List<MerchantOutcome> merchants, LocalDate start, LocalDate outage, LocalDate end) {
    return new ChurnRates(period(merchants, start, outage), period(merchants, outage, end));
  }

  /** The merchants' leaving and days on the platform within [from, to). */
  static Period period(List<MerchantOutcome> merchants, LocalDate from, LocalDate to) {
    long leavers = 0;
    long days = 0;
    for (MerchantOutcome m : merchants) {
      LocalDate signup = m.signupDate();
      LocalDate left = m.leftPlatformAt();
      LocalDate a = signup == null || signup.isBefore(from) ? from : signup;
      LocalDate b = left == null || !left.isBefore(to) ? to : left.plusDays(1);
      if (b.isAfter(a)) {
        days += ChronoUnit.DAYS.between(a, b);
      }
      if (left != null && !left.isBefore(from) && left.isBefore(to)) {
        leavers++;
      }
    }
    return new Period(leavers, days);
  }
}

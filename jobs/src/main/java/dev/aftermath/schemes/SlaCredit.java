package dev.aftermath.schemes;

import dev.aftermath.scenario.SlaCreditTerms;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * What a cloud-style service-credit policy would pay: for every calendar month the outage touches,
 * the month's uptime = 1 − outage hours in the month / hours in the month, and the tier it falls in
 * credits that share of the month's fee.
 */
public final class SlaCredit {
  private SlaCredit() {}

  /** One calendar month: its downtime and uptime (percent) and the share of the fee credited. */
  public record Month(YearMonth month, double downtimeHours, double uptimePct, double credit) {}

  /** The months touched by the window [start, end), in the scenario's local time. */
  public static List<Month> months(SlaCreditTerms terms, LocalDateTime start, LocalDateTime end) {
    List<Month> out = new ArrayList<>();
    YearMonth m = YearMonth.from(start);
    while (m.atDay(1).atStartOfDay().isBefore(end)) {
      LocalDateTime from = max(start, m.atDay(1).atStartOfDay());
      LocalDateTime to = min(end, m.plusMonths(1).atDay(1).atStartOfDay());
      double down = Duration.between(from, to).toSeconds() / 3600.0;
      double hours = m.lengthOfMonth() * 24.0;
      double uptime = 100 * (1 - down / hours);
      out.add(new Month(m, down, uptime, terms.creditFor(uptime)));
      m = m.plusMonths(1);
    }
    return out;
  }

  /** The credit in money: Σ over months of the credited share × the monthly fee. */
  public static BigDecimal payout(List<Month> months, BigDecimal monthlyFee) {
    double share = months.stream().mapToDouble(Month::credit).sum();
    return monthlyFee.multiply(BigDecimal.valueOf(share)).setScale(2, RoundingMode.HALF_UP);
  }

  private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
    return a.isBefore(b) ? a : b;
  }
}

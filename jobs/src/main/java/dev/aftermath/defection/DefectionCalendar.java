package dev.aftermath.defection;

import dev.aftermath.scenario.DefectionTerms;
import dev.aftermath.scenario.Scenario;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/**
 * The days of the defection measurement, counted from {@code analysis.history_start}: customers'
 * histories end at the outage; return is observed in [window start, window end), from the end of
 * the grace period after restoration to the horizon (or the day a merchant left).
 *
 * <p>The customer models run on a demand clock per industry: a day counts as its demand relative to
 * the pre-outage mean ({@code industry_index}), so a customer who bought once during a slump is not
 * read as a slow buyer, and an industry-wide slump after the outage is not read as defection.
 * Without an index a day counts as one.
 */
public record DefectionCalendar(
    LocalDate origin,
    int outageDay,
    double outageAt,
    int windowStartDay,
    int horizonDay,
    DefectionTerms terms,
    Map<String, double[]> cumulativeDemand)
    implements Serializable {

  public static DefectionCalendar of(Scenario scenario, Map<String, double[]> dailyIndex) {
    LocalDate origin = scenario.analysis().historyStart();
    DefectionTerms terms = scenario.defection();
    int outageDay = day(origin, scenario.outage().start().toLocalDate());
    int restored = day(origin, scenario.outage().end().toLocalDate());
    int horizonDay = day(origin, scenario.analysis().horizonEnd());
    int windowStart = Math.min(horizonDay + 1, restored + terms.graceDays());
    Map<String, double[]> cumulative = new TreeMap<>();
    dailyIndex.forEach(
        (industry, index) -> {
          double base = 0;
          int n = 0;
          for (int d = 0; d < outageDay && d < index.length; d++) {
            base += index[d];
            n++;
          }
          base = n > 0 ? base / n : 1;
          double[] cum = new double[horizonDay + 2];
          for (int d = 0; d <= horizonDay; d++) {
            cum[d + 1] = cum[d] + (base > 0 && d < index.length ? index[d] / base : 1);
          }
          cumulative.put(industry, cum);
        });
    double outageAt =
        outageDay + (scenario.outage().start().toLocalTime().toSecondOfDay() / 86_400.0);
    return new DefectionCalendar(
        origin, outageDay, outageAt, windowStart, horizonDay, terms, cumulative);
  }

  static int day(LocalDate origin, LocalDate d) {
    return (int) ChronoUnit.DAYS.between(origin, d);
  }

  /** First day after the window of a merchant that left on {@code leftDay} (or never, -1). */
  public int windowEndDay(int leftDay) {
    return leftDay < 0 ? horizonDay + 1 : Math.min(horizonDay + 1, leftDay + 1);
  }

  /** Whether an industry's demand is measured by a control series. */
  public boolean hasControl(String industry) {
    return cumulativeDemand.containsKey(industry);
  }

  /** The demand clock of {@code industry} at {@code day} (fractional days from the origin). */
  public double clock(String industry, double day) {
    double[] cum = cumulativeDemand.get(industry);
    if (cum == null) {
      return day;
    }
    int d = (int) Math.floor(day);
    if (d < 0) {
      return day;
    }
    if (d >= cum.length - 1) {
      return cum[cum.length - 1] + (day - (cum.length - 1));
    }
    return cum[d] + (cum[d + 1] - cum[d]) * (day - d);
  }

  /**
   * A customer's history on the demand clock: {x, t_x, T, f}, purchases dated at the middle of
   * their day, T ending at the outage's start, f from the origin of its merchant's data (the
   * history start, or the merchant's signup if later) to the first purchase.
   */
  public double[] history(String industry, int x, int firstDay, int lastDay, int originDay) {
    double first = clock(industry, firstDay + 0.5);
    double t = Math.max(0, clock(industry, outageAt) - first);
    double tx = Math.min(t, clock(industry, lastDay + 0.5) - first);
    double f = Math.max(0, first - clock(industry, Math.max(0, originDay)));
    return new double[] {x, x > 0 ? tx : 0, t, f};
  }

  /** Demand-clock length of the gap from the outage's start to the return window. */
  public double gap(String industry) {
    return clock(industry, windowStartDay) - clock(industry, outageAt);
  }

  /** Demand-clock length of the return window, up to {@code windowEndDay} (exclusive). */
  public double window(String industry, int windowEndDay) {
    return Math.max(0, clock(industry, windowEndDay) - clock(industry, windowStartDay));
  }
}

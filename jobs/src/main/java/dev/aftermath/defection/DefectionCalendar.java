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

  /**
   * The other reading of demand, against which the clock's share of the uncertainty is measured:
   * calendar time for the industries with a control series (their customers' rates not moving with
   * it at all), and for those without one the mean of the others' series, each scaled to its own
   * mean (their rates moving with the platform's demand). Empty where no industry has a series
   * (both readings are calendar time).
   */
  public static Map<String, double[]> alternativeIndex(
      Map<String, double[]> dailyIndex, java.util.Collection<String> industries) {
    Map<String, double[]> out = new TreeMap<>();
    if (dailyIndex.isEmpty()) {
      return out;
    }
    int n = 0;
    for (double[] index : dailyIndex.values()) {
      n = Math.max(n, index.length);
    }
    double[] mean = new double[n];
    int[] count = new int[n];
    for (String industry : new java.util.TreeSet<>(dailyIndex.keySet())) {
      double[] index = dailyIndex.get(industry);
      double level = 0;
      for (double v : index) {
        level += v;
      }
      level /= Math.max(1, index.length);
      if (level <= 0) {
        continue;
      }
      for (int d = 0; d < index.length; d++) {
        mean[d] += index[d] / level;
        count[d]++;
      }
    }
    for (int d = 0; d < n; d++) {
      mean[d] = count[d] > 0 ? mean[d] / count[d] : 1;
    }
    for (String industry : industries) {
      if (!dailyIndex.containsKey(industry)) {
        out.put(industry, mean);
      }
    }
    return out;
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

  /**
   * A customer's history cut at the start of day {@code splitDay} instead of the outage: {x, t_x,
   * T, f} of the purchases before that day, for the held-out check of the customer models.
   */
  public double[] historyAt(
      String industry, int splitDay, int x, int firstDay, int lastDay, int originDay) {
    double first = clock(industry, firstDay + 0.5);
    double t = Math.max(0, clock(industry, splitDay) - first);
    double tx = Math.min(t, clock(industry, lastDay + 0.5) - first);
    double f = Math.max(0, first - clock(industry, Math.max(0, originDay)));
    return new double[] {x, x > 0 ? tx : 0, t, f};
  }

  /**
   * The held-out check's days, or null where the history is too short for one: the measurement
   * replayed before the outage, with a pseudo outage at the start of day {@code split}, the same
   * gap to the window, and a window {@code [start, end)} as long as the real one, shortened to keep
   * at least as much history before the split as the window is long (and at least {@value
   * #MIN_HOLDOUT_DAYS} days of each).
   */
  public Holdout holdout() {
    int gapDays = windowStartDay - outageDay;
    int window = horizonDay + 1 - windowStartDay;
    int room = outageDay - gapDays;
    int length = Math.min(window, room / 2);
    if (length < MIN_HOLDOUT_DAYS) {
      return null;
    }
    int split = outageDay - gapDays - length;
    return new Holdout(split, split + gapDays, split + gapDays + length);
  }

  static final int MIN_HOLDOUT_DAYS = 14;

  /** Days of the held-out check: histories end at {@code split}; return in [start, end). */
  public record Holdout(int split, int start, int end) implements Serializable {
    /** End of the first half of the held-out window (exclusive). */
    public int middle() {
      return start + (end - start + 1) / 2;
    }
  }

  /** Demand-clock length from the start of day {@code from} to the start of day {@code to}. */
  public double span(String industry, int from, int to) {
    return Math.max(0, clock(industry, to) - clock(industry, from));
  }

  /**
   * Demand-clock length of the gap from the outage's start to a return window from {@code start}.
   */
  public double gap(String industry, int start) {
    return clock(industry, start) - clock(industry, outageAt);
  }

  /** Demand-clock length of a return window [start, end). */
  public double window(String industry, int start, int end) {
    return Math.max(0, clock(industry, end) - clock(industry, start));
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

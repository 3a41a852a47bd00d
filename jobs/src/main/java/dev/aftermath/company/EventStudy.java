package dev.aftermath.company;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * Market-model event study (MacKinlay 1997, "Event studies in economics and finance", J. Econ. Lit.
 * 35(1), sections 4–5). With simple daily returns R of the share and R_m of the market on common
 * trading days, for an event whose first trading day on or after its date is τ = 0:
 *
 * <pre>
 *   estimation window: the L1 trading days ending gap days before τ = 0
 *   R_t = α + β R_mt + ε_t,  α̂, β̂ by OLS;  σ̂² = Σ ε̂² / (L1 − 2)
 *   AR_τ = R_τ − α̂ − β̂ R_mτ;   CAR(τ1, τ2) = Σ_{τ1..τ2} AR_τ   (L2 = τ2 − τ1 + 1 days)
 *   Var CAR = σ̂² [ L2 + L2² / L1 + (Σ_τ R_mτ − L2 μ̂_m)² / Σ_est (R_mt − μ̂_m)² ]
 * </pre>
 *
 * the last two terms being the estimation error of α̂ and β̂ (MacKinlay eq. 9–10, summed over the
 * window); t = CAR / √Var, two-sided p from Student's t with L1 − 2 degrees of freedom.
 *
 * <p>Beside it, the zero-alpha market model: R_t = β₀ R_mt + ε_t fitted through the origin on the
 * same window (β̂₀ = Σ R R_m / Σ R_m², σ̂₀² = Σ ε̂² / (L1 − 1)), so that a run-up before the event
 * (a large α̂) does not become expected return in the event window; Var CAR₀ = σ̂₀² [L2 + (Σ_τ
 * R_mτ)² / Σ_est R_mt²], Student's t with L1 − 1 degrees of freedom.
 *
 * <p>Windows of successive events do not overlap: an event's windows end on the trading day before
 * the next event's τ = 0, and start no earlier than the day after the previous event's windows
 * reach; a window clipped to nothing is left out.
 */
public final class EventStudy {
  private EventStudy() {}

  /** One trading day with both closes. */
  public record Day(LocalDate date, double close, double marketClose) {}

  /** The market model fitted for one event, and the zero-alpha model beside it. */
  public record Fit(
      String event,
      LocalDate eventDay,
      double alpha,
      double beta,
      double sigma2,
      int l1,
      double betaZeroAlpha,
      double sigma2ZeroAlpha) {}

  /** One day of the event period. */
  public record DayResult(
      String event,
      LocalDate date,
      int relativeDay,
      double ret,
      double marketReturn,
      double expected,
      double abnormal,
      double car,
      double carZeroAlpha) {}

  /** One window's cumulative abnormal return and its test. */
  public record WindowResult(
      String event,
      int from,
      int to,
      double car,
      double variance,
      double t,
      double p,
      Double valueChange,
      LocalDate start,
      LocalDate end,
      double carZeroAlpha,
      double tZeroAlpha,
      double pZeroAlpha) {}

  /** Results of one event. */
  public record Result(Fit fit, List<DayResult> days, List<WindowResult> windows) {}

  /**
   * Runs the study for an event; null when the prices do not cover its estimation window or its
   * windows. {@code shares}: shares outstanding, for the change in market value (null: none).
   * {@code previous}, {@code next}: the dates of the events before and after it (null: none), whose
   * windows this event's must not overlap.
   */
  public static Result run(
      List<Day> prices,
      String event,
      LocalDate date,
      int l1,
      int gap,
      List<int[]> windows,
      Double shares,
      LocalDate previous,
      LocalDate next) {
    int n = prices.size();
    double[] r = new double[n];
    double[] rm = new double[n];
    for (int i = 1; i < n; i++) {
      r[i] = prices.get(i).close() / prices.get(i - 1).close() - 1;
      rm[i] = prices.get(i).marketClose() / prices.get(i - 1).marketClose() - 1;
    }
    int zero = firstOnOrAfter(prices, date);
    int estEnd = zero - gap; // exclusive
    int estStart = estEnd - l1;
    if (zero < 0 || estStart < 1) {
      return null;
    }
    double mx = 0;
    double my = 0;
    for (int i = estStart; i < estEnd; i++) {
      mx += rm[i];
      my += r[i];
    }
    mx /= l1;
    my /= l1;
    double sxx = 0;
    double sxy = 0;
    for (int i = estStart; i < estEnd; i++) {
      sxx += (rm[i] - mx) * (rm[i] - mx);
      sxy += (rm[i] - mx) * (r[i] - my);
    }
    double beta = sxx > 0 ? sxy / sxx : 0;
    double alpha = my - beta * mx;
    double sse = 0;
    for (int i = estStart; i < estEnd; i++) {
      double e = r[i] - alpha - beta * rm[i];
      sse += e * e;
    }
    double sigma2 = sse / (l1 - 2);
    double sxy0 = 0;
    double sxx0 = 0;
    for (int i = estStart; i < estEnd; i++) {
      sxy0 += r[i] * rm[i];
      sxx0 += rm[i] * rm[i];
    }
    double beta0 = sxx0 > 0 ? sxy0 / sxx0 : 0;
    double sse0 = 0;
    for (int i = estStart; i < estEnd; i++) {
      double e = r[i] - beta0 * rm[i];
      sse0 += e * e;
    }
    double sigma20 = sse0 / (l1 - 1);
    Fit fit = new Fit(event, prices.get(zero).date(), alpha, beta, sigma2, l1, beta0, sigma20);

    windows = separated(windows, prices, zero, previous, next);
    int lo = 0;
    int hi = 0;
    for (int[] w : windows) {
      lo = Math.min(lo, w[0]);
      hi = Math.max(hi, w[1]);
    }
    List<DayResult> days = new ArrayList<>();
    double car = 0;
    double car0 = 0;
    for (int k = lo; k <= hi; k++) {
      int i = zero + k;
      if (i < 1 || i >= n) {
        continue;
      }
      double expected = alpha + beta * rm[i];
      car += r[i] - expected;
      car0 += r[i] - beta0 * rm[i];
      days.add(
          new DayResult(
              event, prices.get(i).date(), k, r[i], rm[i], expected, r[i] - expected, car, car0));
    }
    TDistribution t = new TDistribution(l1 - 2);
    TDistribution t0 = new TDistribution(l1 - 1);
    List<WindowResult> out = new ArrayList<>();
    for (int[] w : windows) {
      int a = zero + w[0];
      int b = zero + w[1];
      if (a < 1 || b >= n) {
        continue;
      }
      int l2 = w[1] - w[0] + 1;
      double c = 0;
      double c0 = 0;
      double sumM = 0;
      for (int i = a; i <= b; i++) {
        c += r[i] - alpha - beta * rm[i];
        c0 += r[i] - beta0 * rm[i];
        sumM += rm[i];
      }
      double variance0 = sigma20 * (l2 + (sxx0 > 0 ? sumM * sumM / sxx0 : 0));
      double stat0 = c0 / Math.sqrt(variance0);
      double dev = sumM - l2 * mx;
      double variance = sigma2 * (l2 + (double) l2 * l2 / l1 + (sxx > 0 ? dev * dev / sxx : 0));
      double stat = c / Math.sqrt(variance);
      double p = 2 * (1 - t.cumulativeProbability(Math.abs(stat)));
      Double value = shares == null ? null : c * prices.get(a - 1).close() * shares;
      out.add(
          new WindowResult(
              event,
              w[0],
              w[1],
              c,
              variance,
              stat,
              p,
              value,
              prices.get(a).date(),
              prices.get(b).date(),
              c0,
              stat0,
              2 * (1 - t0.cumulativeProbability(Math.abs(stat0)))));
    }
    return new Result(fit, days, out);
  }

  /**
   * The windows clipped so as not to overlap the events around: ending before the next event's τ =
   * 0, starting after the last day the previous event's windows reach (its τ = 0 plus the longest
   * window, and before this event's τ = 0); empty windows dropped, duplicates kept once.
   */
  static List<int[]> separated(
      List<int[]> windows, List<Day> prices, int zero, LocalDate previous, LocalDate next) {
    int maxTo = 0;
    for (int[] w : windows) {
      maxTo = Math.max(maxTo, w[1]);
    }
    int floor = Integer.MIN_VALUE;
    if (previous != null) {
      int prevZero = firstOnOrAfter(prices, previous);
      if (prevZero >= 0) {
        floor = Math.min(prevZero + maxTo, zero - 1) + 1 - zero;
      }
    }
    int cap = Integer.MAX_VALUE;
    if (next != null) {
      int nextZero = firstOnOrAfter(prices, next);
      if (nextZero >= 0) {
        cap = nextZero - 1 - zero;
      }
    }
    List<int[]> out = new ArrayList<>();
    for (int[] w : windows) {
      int from = Math.max(w[0], floor);
      int to = Math.min(w[1], cap);
      boolean seen = out.stream().anyMatch(o -> o[0] == from && o[1] == to);
      if (from <= to && !seen) {
        out.add(new int[] {from, to});
      }
    }
    return out;
  }

  /** The index of the first trading day (after the first, which has no return) on or after it. */
  private static int firstOnOrAfter(List<Day> prices, LocalDate date) {
    for (int i = 1; i < prices.size(); i++) {
      if (!prices.get(i).date().isBefore(date)) {
        return i;
      }
    }
    return -1;
  }
}

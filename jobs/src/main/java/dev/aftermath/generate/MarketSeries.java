package dev.aftermath.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The series from outside the platform: the industry demand index (the control series) and the
 * daily closes of the platform's share and of the market index.
 */
final class MarketSeries {
  private MarketSeries() {}

  /** One industry_index row. */
  record IndexPoint(LocalDate date, String industry, double index) {}

  /** One share_prices row. */
  record Close(LocalDate date, String symbol, double close) {}

  /**
   * The industry's sales level from outside the platform: 100 × its COVID demand curve × its
   * customer base (which follows demand with the industry's customer lifetime, as arrivals and
   * lapses do in the merchants' simulation) × its weekday factor × log-normal noise (σ = 3%), for
   * every industry that has an index, every day from {@code from} to {@code to}.
   */
  static List<IndexPoint> industryIndex(long seed, LocalDate from, LocalDate to) {
    UniformRandomProvider rng = Rngs.of(seed, Rngs.MARKET, 1);
    ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    List<IndexPoint> out = new ArrayList<>();
    for (Industry ind : Industry.values()) {
      if (!ind.hasIndex()) {
        continue;
      }
      double base = 1; // the industry's customer base, relative to its steady state
      for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
        double demand = ind.covid().at(d);
        double v =
            100 * demand * base * ind.weekday(d.getDayOfWeek()) * Math.exp(0.03 * gauss.sample());
        out.add(new IndexPoint(d, ind.code(), Math.round(v * 1000) / 1000.0));
        // customers arrive with demand and leave at 1/lifetime a day, as in the merchants'
        // simulation
        base += (demand - base) / ind.lifetimeDays;
      }
    }
    return out;
  }

  /** Hong Kong exchange holidays in the window (no trading). */
  static final Set<LocalDate> HK_HOLIDAYS =
      Set.of(
          LocalDate.of(2019, 12, 25),
          LocalDate.of(2019, 12, 26),
          LocalDate.of(2020, 1, 1),
          LocalDate.of(2020, 1, 27),
          LocalDate.of(2020, 1, 28),
          LocalDate.of(2020, 4, 10),
          LocalDate.of(2020, 4, 13),
          LocalDate.of(2020, 4, 30));

  /**
   * Closes pinned to known points and bridged with a random walk in log price between them.
   * Platform (2013.HK): 6.51 HKD at the 2020-02-21 close and 5.39 on 2020-03-02 after a +12.29% day
   * (so 4.80 on 2020-02-28) are reported facts; the start and end levels are assumptions. Market
   * (HSI): approximate public closes.
   */
  static List<Close> sharePrices(
      long seed, String symbol, String market, LocalDate from, LocalDate to) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY
          && d.getDayOfWeek() != DayOfWeek.SUNDAY
          && !HK_HOLIDAYS.contains(d)) {
        days.add(d);
      }
    }
    List<Close> out = new ArrayList<>();
    out.addAll(
        bridge(
            Rngs.of(seed, Rngs.MARKET, 2),
            symbol,
            days,
            0.035,
            new Object[] {
              "2019-11-01",
              3.85,
              "2020-01-17",
              5.20,
              "2020-02-21",
              6.51,
              "2020-02-28",
              4.80,
              "2020-03-02",
              5.39,
              "2020-03-19",
              4.40,
              "2020-04-29",
              6.10
            }));
    out.addAll(
        bridge(
            Rngs.of(seed, Rngs.MARKET, 3),
            market,
            days,
            0.012,
            new Object[] {
              "2019-11-01",
              27100.0,
              "2020-01-17",
              29056.0,
              "2020-02-21",
              27609.0,
              "2020-03-02",
              26291.0,
              "2020-03-19",
              21709.0,
              "2020-04-29",
              24644.0
            }));
    return out;
  }

  private static List<Close> bridge(
      UniformRandomProvider rng,
      String symbol,
      List<LocalDate> days,
      double vol,
      Object[] anchors) {
    ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    int n = anchors.length / 2;
    LocalDate[] at = new LocalDate[n];
    double[] logp = new double[n];
    for (int i = 0; i < n; i++) {
      at[i] = LocalDate.parse((String) anchors[2 * i]);
      logp[i] = Math.log(((Number) anchors[2 * i + 1]).doubleValue());
    }
    List<Close> out = new ArrayList<>();
    // walk each segment between consecutive anchors as a Brownian bridge
    double[] walk = new double[days.size()];
    for (int i = 1; i < walk.length; i++) {
      walk[i] = walk[i - 1] + vol * gauss.sample();
    }
    for (int k = 0; k < days.size(); k++) {
      LocalDate d = days.get(k);
      int i = 0;
      while (i < n - 2 && d.isAfter(at[i + 1])) {
        i++;
      }
      double span = ChronoUnit.DAYS.between(at[i], at[i + 1]);
      double w = Math.min(1, Math.max(0, ChronoUnit.DAYS.between(at[i], d) / span));
      int ka = nearestIndex(days, at[i]);
      int kb = nearestIndex(days, at[i + 1]);
      double noise = walk[k] - walk[ka] - w * (walk[kb] - walk[ka]);
      if (d.isBefore(at[0]) || d.isAfter(at[n - 1])) {
        noise = walk[k] - walk[d.isBefore(at[0]) ? ka : kb];
      }
      double lp = logp[i] + w * (logp[i + 1] - logp[i]) + noise;
      out.add(new Close(d, symbol, Math.round(Math.exp(lp) * 100) / 100.0));
    }
    return out;
  }

  private static int nearestIndex(List<LocalDate> days, LocalDate d) {
    int best = 0;
    long bestGap = Long.MAX_VALUE;
    for (int k = 0; k < days.size(); k++) {
      long gap = Math.abs(ChronoUnit.DAYS.between(days.get(k), d));
      if (gap < bestGap) {
        bestGap = gap;
        best = k;
      }
    }
    return best;
  }
}

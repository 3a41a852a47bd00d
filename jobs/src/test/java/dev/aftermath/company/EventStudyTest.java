package dev.aftermath.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class EventStudyTest {
  private static final LocalDate DAY0 = LocalDate.of(2020, 1, 1);

  @Test
  void aHandComputedCase() {
    // market returns alternate +1%, −1%; the share is 2·market + 0.1% exactly, except on the
    // event day (+5% abnormal). Estimation: 10 days, gap 0. Then α = 0.001, β = 2, σ² = 0 — so
    // use a tiny known noise: returns below are exact and the fit recovers them.
    List<EventStudy.Day> prices = new ArrayList<>();
    double p = 100;
    double m = 1000;
    prices.add(new EventStudy.Day(DAY0, p, m));
    double[] noise = {0.002, -0.002, 0.001, -0.001, 0.002, -0.002, 0.001, -0.001, 0.0, 0.0};
    for (int i = 1; i <= 14; i++) {
      double rm = i % 2 == 0 ? -0.01 : 0.01;
      double r = 0.001 + 2 * rm + (i <= 10 ? noise[i - 1] : 0) + (i == 11 ? 0.05 : 0);
      m *= 1 + rm;
      p *= 1 + r;
      prices.add(new EventStudy.Day(DAY0.plusDays(i), p, m));
    }
    EventStudy.Result res =
        EventStudy.run(
            prices,
            "e",
            DAY0.plusDays(11),
            10,
            0,
            List.of(new int[] {0, 0}, new int[] {0, 1}),
            1_000_000.0,
            null,
            null);
    // OLS by hand on the 10 estimation days: Σ noise = 0 and Σ noise·(rm − mean) = 0.00004·...
    double mx = 0;
    double my = 0;
    double[] rm = new double[10];
    double[] r = new double[10];
    for (int i = 0; i < 10; i++) {
      rm[i] = (i + 1) % 2 == 0 ? -0.01 : 0.01;
      r[i] = 0.001 + 2 * rm[i] + noise[i];
      mx += rm[i] / 10;
      my += r[i] / 10;
    }
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < 10; i++) {
      sxx += (rm[i] - mx) * (rm[i] - mx);
      sxy += (rm[i] - mx) * (r[i] - my);
    }
    double beta = sxy / sxx;
    double alpha = my - beta * mx;
    double sse = 0;
    for (int i = 0; i < 10; i++) {
      sse += Math.pow(r[i] - alpha - beta * rm[i], 2);
    }
    double s2 = sse / 8;
    assertThat(res.fit().alpha()).isCloseTo(alpha, within(1e-12));
    assertThat(res.fit().beta()).isCloseTo(beta, within(1e-9));
    assertThat(res.fit().sigma2()).isCloseTo(s2, within(1e-15));
    EventStudy.WindowResult day0 = res.windows().get(0);
    double ar0 = (0.001 + 2 * 0.01 + 0.05) - alpha - beta * 0.01; // day 11: market +1%
    assertThat(day0.car()).isCloseTo(ar0, within(1e-12));
    // one day: Var = σ²(1 + 1/10 + (R_m − mean)²/Sxx)
    double v = s2 * (1 + 0.1 + Math.pow(0.01 - mx, 2) / sxx);
    assertThat(day0.variance()).isCloseTo(v, within(1e-15));
    assertThat(day0.t()).isCloseTo(ar0 / Math.sqrt(v), within(1e-6));
    assertThat(day0.p()).isLessThan(0.001);
    // two days (+1%, −1%): Σ R_m = 0; Var = σ²(2 + 4/10 + (0 − 2·mean)²/Sxx)
    double v2 = s2 * (2 + 0.4 + Math.pow(-2 * mx, 2) / sxx);
    assertThat(res.windows().get(1).variance()).isCloseTo(v2, within(1e-15));
    // market value: CAR × the close before the window × shares
    assertThat(day0.valueChange())
        .isCloseTo(ar0 * prices.get(10).close() * 1_000_000, within(1e-6));
  }

  @Test
  void findsAPlantedAbnormalReturnInSimulatedPrices() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    int hits = 0;
    int falseAlarms = 0;
    for (int rep = 0; rep < 200; rep++) {
      List<EventStudy.Day> prices = new ArrayList<>();
      double p = 10;
      double m = 20_000;
      prices.add(new EventStudy.Day(DAY0, p, m));
      for (int i = 1; i <= 130; i++) {
        double rm = 0.0003 + 0.012 * g.sample();
        double r = 0.0005 + 1.3 * rm + 0.02 * g.sample() + (rep % 2 == 0 && i == 100 ? -0.15 : 0);
        m *= 1 + rm;
        p *= 1 + r;
        prices.add(new EventStudy.Day(DAY0.plusDays(i), p, m));
      }
      EventStudy.Result res =
          EventStudy.run(
              prices, "e", DAY0.plusDays(100), 80, 5, List.of(new int[] {0, 0}), null, null, null);
      boolean significant = res.windows().get(0).p() < 0.05;
      if (rep % 2 == 0) {
        assertThat(res.windows().get(0).car()).isCloseTo(-0.15, within(0.08));
        hits += significant ? 1 : 0;
      } else {
        falseAlarms += significant ? 1 : 0;
      }
    }
    assertThat(hits).isGreaterThan(95); // a −15% day against 2% noise: found nearly always
    assertThat(falseAlarms).isLessThan(12); // about 5% of 100 without an event
  }

  @Test
  void aPreEventRunUpIsExpectedReturnForTheMarketModelButNotForTheZeroAlphaModel() {
    // the share rises 1% a day beyond its beta × market for the whole estimation window, then
    // follows the market exactly: the market model expects the 1% a day to go on and reports
    // −1% a day of abnormal return; the zero-alpha model reports about none
    List<EventStudy.Day> prices = new ArrayList<>();
    double p = 10;
    double m = 1000;
    prices.add(new EventStudy.Day(DAY0, p, m));
    for (int i = 1; i <= 80; i++) {
      double rm = i % 2 == 0 ? -0.004 : 0.004;
      double r = 1.2 * rm + (i <= 60 ? 0.01 + (i % 3 - 1) * 0.001 : 0);
      m *= 1 + rm;
      p *= 1 + r;
      prices.add(new EventStudy.Day(DAY0.plusDays(i), p, m));
    }
    EventStudy.Result res =
        EventStudy.run(
            prices, "e", DAY0.plusDays(66), 60, 5, List.of(new int[] {0, 9}), null, null, null);
    EventStudy.WindowResult w = res.windows().get(0);
    assertThat(res.fit().alpha()).isCloseTo(0.01, within(0.001));
    assertThat(w.car()).isCloseTo(-0.10, within(0.01));
    // through the origin the slope absorbs part of the drift; what is left is far smaller
    assertThat(Math.abs(w.carZeroAlpha())).isLessThan(0.3 * Math.abs(w.car()));
  }

  @Test
  void windowsOfSuccessiveEventsDoNotOverlap() {
    List<EventStudy.Day> prices = new ArrayList<>();
    for (int i = 0; i <= 40; i++) {
      prices.add(new EventStudy.Day(DAY0.plusDays(i), 10, 1000));
    }
    List<int[]> windows =
        List.of(new int[] {-1, 1}, new int[] {0, 0}, new int[] {0, 5}, new int[] {0, 10});
    // the next event is 5 trading days after this one: every window ends at day 4
    List<int[]> first = EventStudy.separated(windows, prices, 20, null, DAY0.plusDays(25));
    assertThat(first).extracting(w -> w[0] + ".." + w[1]).containsExactly("-1..1", "0..0", "0..4");
    // the later event: its windows start after the first event's last day (day −1 = 24)
    List<int[]> second = EventStudy.separated(windows, prices, 25, DAY0.plusDays(20), null);
    assertThat(second)
        .extracting(w -> w[0] + ".." + w[1])
        .containsExactly("0..1", "0..0", "0..5", "0..10");
  }
}

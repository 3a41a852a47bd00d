package dev.aftermath.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The Fay–Herriot pooling of loss rates on merchants whose true rates are known. */
class LossRatePoolingTest {

  /** Merchants in three industries, true rate = industry rate + spread, direct = true + noise. */
  private static List<double[]> truthAndDirect(
      double spread, double noise, List<LossRatePooling.Direct> out, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String[] industries = {"a", "b", "c"};
    double[] base = {0.10, 0.20, 0.35};
    List<double[]> truth = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      int g = i % 3;
      double trueRate = base[g] + spread * gaussian(r);
      double cf = 1000 * Math.exp(r.nextDouble() * 3);
      double sd = noise * (0.5 + r.nextDouble());
      double directRate = Math.min(0.99, trueRate + sd * gaussian(r));
      double actual = cf * (1 - directRate);
      out.add(
          new LossRatePooling.Direct(
              String.format("m%04d", i), industries[g], "ok", 100, cf, actual, sd * sd));
      truth.add(new double[] {trueRate, directRate});
    }
    return truth;
  }

  private static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  @Test
  void noisyDirectRatesMoveTowardTheirPeersAndMissTheTruthLess() {
    List<LossRatePooling.Direct> direct = new ArrayList<>();
    List<double[]> truth = truthAndDirect(0.02, 0.15, direct, 1);
    LossRatePooling pooled = LossRatePooling.fit(direct, ForecastError.UNMEASURED);
    double directError = 0;
    double pooledError = 0;
    for (int i = 0; i < direct.size(); i++) {
      double t = truth.get(i)[0];
      directError += Math.pow(truth.get(i)[1] - t, 2);
      pooledError += Math.pow(pooled.of(direct.get(i).merchantId()).rate() - t, 2);
    }
    assertThat(pooledError).isLessThan(0.2 * directError);
    assertThat(pooled.of("m0000").weight()).isLessThan(0.2);
  }

  @Test
  void preciseDirectRatesKeepTheirOwnValue() {
    List<LossRatePooling.Direct> direct = new ArrayList<>();
    truthAndDirect(0.15, 0.01, direct, 2);
    LossRatePooling pooled = LossRatePooling.fit(direct, ForecastError.UNMEASURED);
    for (LossRatePooling.Direct d : direct) {
      assertThat(pooled.of(d.merchantId()).weight()).isGreaterThan(0.9);
      assertThat(pooled.of(d.merchantId()).rate()).isCloseTo(d.rate(), within(0.02));
    }
  }

  @Test
  void poolingMovesLossBetweenMerchantsOfAnIndustryNeverItsTotal() {
    List<LossRatePooling.Direct> direct = new ArrayList<>();
    truthAndDirect(0.05, 0.2, direct, 3);
    LossRatePooling pooled = LossRatePooling.fit(direct, new ForecastError(0.01, 1.5, 100));
    Map<String, double[]> totals = new TreeMap<>();
    for (LossRatePooling.Direct d : direct) {
      double[] t = totals.computeIfAbsent(d.industry(), k -> new double[2]);
      t[0] += d.counterfactual() - d.actual();
      t[1] += pooled.of(d.merchantId()).rate() * d.counterfactual();
    }
    totals.forEach((industry, t) -> assertThat(t[1]).isCloseTo(t[0], within(1e-6 * t[0])));
  }

  @Test
  void aForecastErrorFloorPoolsHarderThanTheDrawsAlone() {
    List<LossRatePooling.Direct> direct = new ArrayList<>();
    truthAndDirect(0.05, 0.05, direct, 4);
    double alone = LossRatePooling.fit(direct, ForecastError.UNMEASURED).of("m0001").weight();
    double withFloor =
        LossRatePooling.fit(direct, new ForecastError(0.05, 1, 100)).of("m0001").weight();
    assertThat(withFloor).isLessThan(alone);
  }

  @Test
  void tooFewMerchantsAreNotPooled() {
    List<LossRatePooling.Direct> direct = new ArrayList<>();
    truthAndDirect(0.05, 0.05, direct, 5);
    LossRatePooling pooled = LossRatePooling.fit(direct.subList(0, 10), ForecastError.UNMEASURED);
    assertThat(pooled.of("m0000")).isNull();
  }

  @Test
  void theForecastErrorIsRecoveredFromZeroTruthErrors() {
    SplittableRandom r = new SplittableRandom(6);
    int n = 4000;
    double[] e = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = 0.001 + 0.05 * r.nextDouble();
      e[i] = Math.sqrt(0.02 + 2 * v[i]) * gaussian(r);
    }
    ForecastError f = ForecastError.fit(e, v);
    assertThat(f.floor()).isCloseTo(0.02, within(0.006));
    assertThat(f.scale()).isCloseTo(2, within(0.4));
  }
}

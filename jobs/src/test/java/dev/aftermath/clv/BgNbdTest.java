package dev.aftermath.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The BG/NBD formulas against published values and against simulation. */
class BgNbdTest {
  static final BgNbd CDNOW = new BgNbd(0.243, 4.414, 0.793, 2.426);

  @Test
  void theFitsSumIsTheHistoriesOneByOneToTheLastBit() {
    BgNbd m = new BgNbd(0.243, 4.414, 0.793, 2.426);
    int n = 2_000;
    double[] x = new double[n];
    double[] tx = new double[n];
    double[] t = new double[n];
    double[] w = new double[n];
    double oneByOne = 0;
    for (int i = 0; i < n; i++) {
      x[i] = i % 7 == 0 ? 0 : i % 13;
      t[i] = 10 + i % 29;
      tx[i] = x[i] == 0 ? 0 : t[i] * (i % 5) / 5.0;
      w[i] = 1 + i % 3;
      oneByOne += w[i] * m.logLikelihood(x[i], tx[i], t[i]);
    }
    assertThat(m.logLikelihoodSum(x, tx, t, null, w)).isEqualTo(oneByOne);
  }

  @Test
  void conditionalExpectationMatchesThePublishedCdnowExample() {
    // FHL 2005: a customer with x = 2, t_x = 30.43, T = 38.86 is expected to make 1.226 repeat
    // purchases in the next 39 weeks
    assertThat(CDNOW.expectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.226, within(0.002));
  }

  @Test
  void quadratureAndSeriesFormsOfTheExpectationAgree() {
    BetaQuadrature q = new BetaQuadrature();
    for (double[] h : new double[][] {{2, 30.43, 38.86}, {0, 0, 20}, {12, 35, 38}, {1, 2, 39}}) {
      double series = CDNOW.expectedPurchases(39, h[0], h[1], h[2]);
      assertThat(CDNOW.expectedPurchases(39, h[0], h[1], h[2], q))
          .isCloseTo(series, within(2e-3 * series));
    }
  }

  @Test
  void largeFrequenciesNeitherOverflowNorLoseTheirMeaning() {
    double ll = CDNOW.logLikelihood(5_000, 38, 39);
    assertThat(ll).isFinite();
    double e = CDNOW.expectedPurchases(39, 5_000, 39, 39);
    // a very frequent buyer who bought at the end keeps buying at about its own rate (x / T)
    assertThat(e).isFinite().isBetween(3_000.0, 6_000.0);
    assertThat(CDNOW.probabilityAlive(5_000, 10, 39)).isFinite().isLessThan(1e-6);
  }

  @Test
  void noPurchaseProbabilityWithoutGapIsTheClosedForm() {
    BetaQuadrature q = new BetaQuadrature();
    double alive = CDNOW.probabilityAlive(3, 20, 30);
    double closed = 1 - alive * (1 - Math.pow((4.414 + 30) / (4.414 + 30 + 10), 3.243));
    assertThat(CDNOW.probabilityNoPurchase(0, 10, 3, 20, 30, q)).isCloseTo(closed, within(1e-12));
    // a gap before the window lets some customers drop out first: no-purchase rises
    assertThat(CDNOW.probabilityNoPurchase(5, 10, 3, 20, 30, q)).isGreaterThan(closed);
  }

  @Test
  void quadratureHandlesAlmostFixedDropoutProbabilities() {
    // a, b in the tens of thousands: p is practically a / (a + b) for everyone
    BgNbd nearFixed = new BgNbd(0.8, 20, 16_000, 120_000);
    double p = 16_000.0 / 136_000;
    double p0 = nearFixed.probabilityNoPurchase(15, 30, 3, 40, 60, new BetaQuadrature());
    // the same with p fixed: alive · E_λ[e^(−λ p g) − e^(−λ (p g + w))]
    double alive = nearFixed.probabilityAlive(3, 40, 60);
    double scale = 80;
    double fixed =
        1
            - alive
                * (Math.pow(scale / (scale + p * 15), 3.8)
                    - Math.pow(scale / (scale + p * 15 + 30), 3.8));
    assertThat(p0).isCloseTo(fixed, within(1e-4));
  }

  /**
   * Simulate customers from the model itself, observe them to T and over a later window after a
   * gap, and compare the share with no purchase in the window with the model's probability.
   */
  @Test
  void noPurchaseProbabilityMatchesSimulationOfTheModel() {
    BgNbd m = new BgNbd(0.8, 20, 0.7, 3.0);
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(42L);
    var lambdaGamma = AhrensDieterMarsagliaTsangGammaSampler.of(rng, m.r(), 1 / m.alpha());
    var pA = AhrensDieterMarsagliaTsangGammaSampler.of(rng, m.a(), 1);
    var pB = AhrensDieterMarsagliaTsangGammaSampler.of(rng, m.b(), 1);
    double t = 60;
    double gap = 15;
    double window = 30;
    double observed = 0;
    double expected = 0;
    BetaQuadrature q = new BetaQuadrature();
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      double lambda = lambdaGamma.sample();
      double ga = pA.sample();
      double p = ga / (ga + pB.sample());
      // purchases from time 0 (the first), dropping out after each repeat with probability p
      double time = 0;
      int x = 0;
      double last = 0;
      boolean alive = true;
      boolean inWindow = false;
      while (alive) {
        time += -Math.log(1 - rng.nextDouble()) / lambda;
        if (time > t + gap + window) {
          break;
        }
        if (time <= t) {
          x++;
          last = time;
        } else if (time > t + gap) {
          inWindow = true;
          break;
        }
        alive = rng.nextDouble() >= p;
      }
      observed += inWindow ? 0 : 1;
      expected += m.probabilityNoPurchase(gap, window, x, last, t, q);
    }
    assertThat(expected / n).isCloseTo(observed / n, within(0.004));
  }

  @Test
  void fitRecoversParametersOfALargeSimulatedPopulation() {
    BgNbd truth = new BgNbd(0.5, 10, 0.6, 2.5);
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(7L);
    var lambdaGamma = AhrensDieterMarsagliaTsangGammaSampler.of(rng, truth.r(), 1 / truth.alpha());
    var pA = AhrensDieterMarsagliaTsangGammaSampler.of(rng, truth.a(), 1);
    var pB = AhrensDieterMarsagliaTsangGammaSampler.of(rng, truth.b(), 1);
    int n = 60_000;
    double[] x = new double[n];
    double[] tx = new double[n];
    double[] ts = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      double t = 20 + 60 * rng.nextDouble(); // customers joined at different times
      double lambda = lambdaGamma.sample();
      double ga = pA.sample();
      double p = ga / (ga + pB.sample());
      double time = 0;
      while (true) {
        time += -Math.log(1 - rng.nextDouble()) / lambda;
        if (time > t) {
          break;
        }
        x[i]++;
        tx[i] = time;
        if (rng.nextDouble() < p) {
          break;
        }
      }
      ts[i] = t;
      w[i] = 1;
    }
    PurchaseModelFit fit = PurchaseModelFit.bgnbd(x, tx, ts, w);
    BgNbd got = (BgNbd) fit.model();
    // within three standard errors of the truth
    assertThat(got.r()).isCloseTo(truth.r(), within(3 * fit.standardErrors()[0]));
    assertThat(got.alpha()).isCloseTo(truth.alpha(), within(3 * fit.standardErrors()[1]));
    assertThat(got.a()).isCloseTo(truth.a(), within(3 * fit.standardErrors()[2]));
    assertThat(got.b()).isCloseTo(truth.b(), within(3 * fit.standardErrors()[3]));
    assertThat(fit.standardErrors()[0] / truth.r()).isLessThan(0.1);
  }
}

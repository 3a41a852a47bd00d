package dev.aftermath.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Gamma-Gamma: parameter recovery and the conditional expectation. */
class GammaGammaTest {
  @Test
  void fitRecoversParametersOfALargeSimulatedPopulation() {
    GammaGamma truth = new GammaGamma(5, 4, 60);
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(11L);
    var nuGamma = AhrensDieterMarsagliaTsangGammaSampler.of(rng, truth.q(), 1 / truth.gamma());
    int n = 40_000;
    double[] x = new double[n];
    double[] m = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      double nu = nuGamma.sample();
      x[i] = 1 + rng.nextInt(6);
      var z = AhrensDieterMarsagliaTsangGammaSampler.of(rng, truth.p() * x[i], 1 / nu);
      m[i] = z.sample() / x[i]; // the mean of x Gamma(p, ν) values is Gamma(p x, ν x)
      w[i] = 1;
    }
    GammaGammaFit fit = GammaGammaFit.fit(x, m, w);
    assertThat(fit.params().p()).isCloseTo(truth.p(), within(3 * fit.standardErrors()[0]));
    assertThat(fit.params().q()).isCloseTo(truth.q(), within(3 * fit.standardErrors()[1]));
    assertThat(fit.params().gamma()).isCloseTo(truth.gamma(), within(3 * fit.standardErrors()[2]));
  }

  @Test
  void theFitsSumIsTheCustomersOneByOneToTheLastBit() {
    GammaGamma g = new GammaGamma(6.25, 3.74, 15.44);
    int n = 3_000;
    double[] x = new double[n];
    double[] m = new double[n];
    double[] w = new double[n];
    double oneByOne = 0;
    for (int i = 0; i < n; i++) {
      x[i] = 1 + i % 9;
      m[i] = 3.5 + (i * 37 % 101) * 1.3;
      w[i] = 1 + i % 4;
      oneByOne += w[i] * g.logLikelihood(x[i], m[i]);
    }
    Histories.Distinct counts = Histories.Distinct.of(x);
    double[] logX = new double[counts.values().length];
    for (int k = 0; k < logX.length; k++) {
      logX[k] = Math.log(counts.values()[k]);
    }
    double[] logM = new double[n];
    for (int i = 0; i < n; i++) {
      logM[i] = Math.log(m[i]);
    }
    assertThat(g.logLikelihoodSum(counts, logX, m, logM, w)).isEqualTo(oneByOne);
  }

  @Test
  void expectedSpendWeighsOwnHistoryByFrequency() {
    GammaGamma g = new GammaGamma(6.25, 3.74, 15.44);
    assertThat(g.expectedSpend(0, 0)).isCloseTo(g.meanSpend(), within(1e-12));
    double few = g.expectedSpend(1, 100);
    double many = g.expectedSpend(50, 100);
    assertThat(few).isBetween(g.meanSpend(), 100.0);
    assertThat(many).isGreaterThan(few).isLessThan(100.0);
  }
}

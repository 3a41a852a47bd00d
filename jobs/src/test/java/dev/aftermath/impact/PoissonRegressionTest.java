package dev.aftermath.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class PoissonRegressionTest {
  private static final double[] BETA = {3.0, 0.4, -0.7};

  private static double[][] design(int n) {
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) {
      x[i] = new double[] {1, i / (double) n, (i % 7 == 0) ? 1 : 0};
    }
    return x;
  }

  private static double[] counts(double[][] x, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = PoissonSampler.of(rng, Math.exp(Linear.dot(BETA, x[i]))).sample();
    }
    return y;
  }

  @Test
  void recoversPlantedCoefficientsWithHonestStandardErrors() {
    double[][] x = design(2000);
    double[] y = counts(x, 1);
    double[] w = new double[x.length];
    java.util.Arrays.fill(w, 1);
    PoissonRegression.Fit fit = PoissonRegression.fit(x, y, w, new double[3], new double[3]);
    assertThat(fit.converged()).isTrue();
    assertThat(fit.dispersion()).isCloseTo(1.0, within(0.15)); // Poisson data: no overdispersion
    for (int j = 0; j < 3; j++) {
      double se = Math.sqrt(fit.covariance()[j][j]);
      assertThat(Math.abs(fit.beta()[j] - BETA[j])).isLessThan(4 * se);
    }
  }

  @Test
  void aTightPriorHoldsACoefficientNearItsMean() {
    double[][] x = design(200);
    double[] y = counts(x, 2);
    double[] w = new double[x.length];
    java.util.Arrays.fill(w, 1);
    double[] mean = {0, 0, 0};
    double[] precision = {0, 1e6, 0};
    PoissonRegression.Fit fit = PoissonRegression.fit(x, y, w, mean, precision);
    assertThat(fit.beta()[1]).isCloseTo(0, within(0.01));
  }
}

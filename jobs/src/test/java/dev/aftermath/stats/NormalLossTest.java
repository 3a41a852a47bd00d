package dev.aftermath.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class NormalLossTest {
  /** E[max(0, L − t)] by Simpson's rule over ±12 σ: the closed form's independent check. */
  private static double integrated(double mu, double sd, double t, double cap) {
    int n = 20_000;
    double a = mu - 12 * sd;
    double h = 24 * sd / n;
    double s = 0;
    for (int i = 0; i <= n; i++) {
      double x = a + i * h;
      double density = Math.exp(-0.5 * Math.pow((x - mu) / sd, 2)) / (sd * Math.sqrt(2 * Math.PI));
      double f = Math.max(0, Math.min(x, cap) - t) * density;
      s += (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * f;
    }
    return s * h / 3;
  }

  @Test
  void expectedPositivePartMatchesTheIntegralForNormalLosses() {
    double[][] cases = {{1000, 300}, {0, 500}, {-800, 500}, {-5000, 400}, {250, 1e-3}, {12, 40}};
    for (double[] c : cases) {
      NormalLoss l = new NormalLoss(c[0], c[1]);
      assertThat(l.expectedPositivePart())
          .as("μ=%s σ=%s", c[0], c[1])
          .isCloseTo(integrated(c[0], c[1], 0, Double.POSITIVE_INFINITY), within(1e-6 * c[1]));
      assertThat(l.expectedExcess(300))
          .isCloseTo(integrated(c[0], c[1], 300, Double.POSITIVE_INFINITY), within(1e-6 * c[1]));
      assertThat(l.expectedExcessCapped(100, 700))
          .isCloseTo(integrated(c[0], c[1], 100, 700), within(1e-6 * c[1]));
    }
    // the known value at μ = 0: σ / √(2π)
    assertThat(new NormalLoss(0, 500).expectedPositivePart())
        .isCloseTo(500 / Math.sqrt(2 * Math.PI), within(1e-9));
  }

  @Test
  void theClaimableLossIsAboveTheFlooredPointEstimateAndBelowItPlusTheSpread() {
    for (double mu = -2000; mu <= 2000; mu += 250) {
      NormalLoss l = new NormalLoss(mu, 600);
      assertThat(l.expectedPositivePart())
          .isGreaterThanOrEqualTo(Math.max(0, mu))
          .isLessThanOrEqualTo(Math.max(0, mu) + 600 / Math.sqrt(2 * Math.PI) + 1e-9);
    }
  }

  @Test
  void drawsOfTheLossAgreeWithTheClosedForms() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {7, 1});
    ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    NormalLoss l = new NormalLoss(-200, 900);
    int n = 2_000_000;
    double positive = 0;
    long covered = 0;
    for (int i = 0; i < n; i++) {
      double x = l.mean() + l.sd() * gauss.sample();
      positive += Math.max(0, x);
      covered += x <= 400 ? 1 : 0;
    }
    // four standard errors of the Monte Carlo mean
    assertThat(positive / n).isCloseTo(l.expectedPositivePart(), within(4 * 900 / Math.sqrt(n)));
    assertThat((double) covered / n).isCloseTo(l.probabilityAtMost(400), within(2e-3));
  }

  @Test
  void withoutSpreadTheVerdictsAreThePointEstimates() {
    NormalLoss point = new NormalLoss(-50, 0);
    assertThat(point.expectedPositivePart()).isZero();
    assertThat(point.probabilityAtMost(0)).isEqualTo(1);
    NormalLoss loss = new NormalLoss(80, Double.NaN);
    assertThat(loss.expectedPositivePart()).isEqualTo(80);
    assertThat(loss.probabilityAtMost(79.99)).isZero();
    assertThat(new NormalLoss(100, 30).plus(new NormalLoss(-20, 40)))
        .isEqualTo(new NormalLoss(80, 50));
    assertThat(NormalLoss.sdOf90(-1.6448536269514722, 1.6448536269514722)).isEqualTo(1.0);
    assertThat(NormalLoss.sdOf90(Double.NaN, 3)).isZero();
  }
}

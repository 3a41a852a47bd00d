package dev.aftermath.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The industry's shared error counts what merchants' residuals have in common, not their noise. */
class SharedSigmaTest {
  /** Residual sums of 50 merchants over 112 days, each with noise sd 0.3 and a common factor. */
  private static double sigma(double common, double[] volume, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int days = volume.length;
    double[] residualSum = new double[days];
    double[] fittedSum = new double[days];
    double[] squaredSum = new double[days];
    for (int k = 0; k < days; k++) {
      double shared = common * gaussian(r);
      for (int i = 0; i < 50; i++) {
        double fitted = volume[k];
        double res = fitted * (shared + 0.3 * gaussian(r));
        residualSum[k] += res;
        fittedSum[k] += fitted;
        squaredSum[k] += res * res;
      }
    }
    return LostRevenueJob.sharedSigma(residualSum, fittedSum, squaredSum);
  }

  private static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  private static double[] flat(double v) {
    double[] out = new double[112];
    java.util.Arrays.fill(out, v);
    return out;
  }

  @Test
  void independentNoiseAloneSharesNothing() {
    assertThat(sigma(0, flat(100), 1)).isLessThan(0.01);
  }

  @Test
  void aCommonFactorIsMeasuredAsAWeekLongError() {
    // daily common sd 0.1 → 0.1/√7 ≈ 0.038
    assertThat(sigma(0.1, flat(100), 2)).isBetween(0.030, 0.046);
  }

  @Test
  void daysOfCollapsedDemandWeighLittle() {
    double[] volume = flat(100);
    for (int k = 84; k < 112; k++) {
      volume[k] = 3; // the last four weeks at 3% of normal, each merchant's noise far larger
    }
    assertThat(sigma(0.1, volume, 4)).isBetween(0.030, 0.046);
  }
}

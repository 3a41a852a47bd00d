package dev.aftermath.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** A merchant's weeks are resampled only where they are heavy-tailed, and keep their volume. */
class WeeksTest {
  private static double[] poissonLike(long seed, int n, double mean) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] out = new double[n];
    for (int b = 0; b < n; b++) {
      double z =
          Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
      out[b] = mean + Math.sqrt(mean * 40) * z;
    }
    return out;
  }

  private static double[] flat(int n, double v) {
    double[] out = new double[n];
    java.util.Arrays.fill(out, v);
    return out;
  }

  @Test
  void nearNormalWeeksAreNotHeavyTailed() {
    int heavy = 0;
    for (long seed = 0; seed < 200; seed++) {
      if (new CounterfactualModel.Weeks(poissonLike(seed, 16, 5000), flat(16, 5000))
          .heavyTailed()) {
        heavy++;
      }
    }
    // a 99% bound, approximately: a few percent of normal samples pass it
    assertThat(heavy).isLessThan(12);
  }

  @Test
  void aWeekMadeByOneBulkOrderIsHeavyTailed() {
    double[] observed = poissonLike(1, 16, 5000);
    observed[5] += 60_000;
    assertThat(new CounterfactualModel.Weeks(observed, flat(16, 5000)).heavyTailed()).isTrue();
  }

  @Test
  void theResampledLevelWeighsWeeksByVolume() {
    // fifteen normal weeks at ratio 1 and one near-empty week with a wild ratio: the level stays
    // near 1
    double[] observed = flat(16, 5000);
    double[] fitted = flat(16, 5000);
    observed[0] = 30;
    fitted[0] = 3;
    CounterfactualModel.Weeks weeks = new CounterfactualModel.Weeks(observed, fitted);
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {1, 2});
    for (int k = 0; k < 100; k++) {
      assertThat(weeks.resampledLevel(rng)).isBetween(0.99, 1.02);
    }
  }
}

package dev.aftermath.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankCorrelationTest {
  @Test
  void ranksAverageTies() {
    assertThat(RankCorrelation.ranks(new double[] {10, 30, 20, 20}))
        .containsExactly(1, 4, 2.5, 2.5);
  }

  @Test
  void spearmanIsOneForMonotoneAndMinusOneForReversed() {
    double[] a = {1, 2, 3, 4, 5};
    assertThat(RankCorrelation.spearman(a, new double[] {2, 4, 8, 16, 32}))
        .isCloseTo(1, within(1e-12));
    assertThat(RankCorrelation.spearman(a, new double[] {5, 4, 3, 2, 1}))
        .isCloseTo(-1, within(1e-12));
    // rank differences 0, −1, 1, −1, 1: ρ = 1 − 6·Σd²/(n(n²−1)) = 1 − 24/120
    double[] b = {1, 3, 2, 5, 4};
    assertThat(RankCorrelation.spearman(a, b)).isCloseTo(1 - 6.0 * 4 / (5 * 24), within(1e-12));
  }
}

package dev.aftermath.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class QuantilesTest {
  @Test
  void interpolatesBetweenOrderStatistics() {
    double[] v = {4, 1, 3, 2, 5};
    assertThat(Quantiles.of(v, 0.5)).isEqualTo(3);
    assertThat(Quantiles.of(v, 0.25)).isEqualTo(2);
    assertThat(Quantiles.of(v, 0.9)).isCloseTo(4.6, within(1e-12));
  }

  @Test
  void intervalIsCentredOnThePointWithTheDrawsSpread() {
    double[] draws = {10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
    double[] i = Quantiles.around(100, draws);
    // mean 15: the 5% and 95% quantiles are 10.5 and 19.5, i.e. −4.5 and +4.5 around it
    assertThat(i[0]).isCloseTo(95.5, within(1e-9));
    assertThat(i[1]).isCloseTo(104.5, within(1e-9));
  }
}

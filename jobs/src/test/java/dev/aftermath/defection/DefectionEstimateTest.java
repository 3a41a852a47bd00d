package dev.aftermath.defection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The arithmetic from segment sums to defected customers, lost value and their variance. */
class DefectionEstimateTest {
  private static DefectionEstimate.Sums sums(
      long active, long returned, double noReturn, double alive, double value, double[] g) {
    return new DefectionEstimate.Sums(active, returned, 3, noReturn, 20, alive, value, g);
  }

  @Test
  void excessNonReturnScaledToAllActiveCustomers() {
    // 100 active, 40 came back: 60 did not, 50 were expected not to; of the 50 expected back,
    // 10 did not come: a rate of 0.2, applied to the 80 expected alive
    DefectionEstimate e = DefectionEstimate.of(List.of(sums(100, 40, 50, 80, 1000, new double[5])));
    assertThat(e.defected()).isCloseTo(16, within(1e-12));
    assertThat(e.lostValue()).isCloseTo(200, within(1e-12));
    assertThat(e.defectedVariance()).isCloseTo(20 * 1.6 * 1.6, within(1e-12));
    assertThat(e.expectedNonReturn()).isEqualTo(50);
    assertThat(e.confirmed()).isEqualTo(3);
  }

  @Test
  void segmentsAddAfterTheirOwnScaling() {
    DefectionEstimate a = DefectionEstimate.of(List.of(sums(100, 40, 50, 80, 1000, new double[5])));
    DefectionEstimate b = DefectionEstimate.of(List.of(sums(10, 2, 9, 10, 10, new double[5])));
    DefectionEstimate both =
        DefectionEstimate.of(
            List.of(
                sums(100, 40, 50, 80, 1000, new double[5]), sums(10, 2, 9, 10, 10, new double[5])));
    assertThat(both.defected()).isCloseTo(a.defected() + b.defected(), within(1e-12));
    assertThat(both.active()).isEqualTo(110);
  }

  @Test
  void moreReturnsThanExpectedGiveANegativeEstimateAndNobodyExpectedBackGivesNone() {
    DefectionEstimate more =
        DefectionEstimate.of(List.of(sums(100, 60, 50, 80, 1000, new double[5])));
    assertThat(more.defected()).isNegative();
    DefectionEstimate none = DefectionEstimate.of(List.of(sums(10, 0, 10, 10, 100, new double[5])));
    assertThat(none.defected()).isZero();
  }

  @Test
  void sharedParameterErrorAddsThroughTheCovariance() {
    double[] g = {2, 0, 0, 0, 0}; // ∂ΣP0/∂log r
    DefectionEstimate e = DefectionEstimate.of(List.of(sums(100, 40, 50, 80, 1000, g)));
    double[][] cov = new double[4][4];
    cov[0][0] = 0.01;
    // D's gradient is −2 per unit of log r, scaled by 80/50
    double expected = 20 * 1.6 * 1.6 + (2 * 1.6) * (2 * 1.6) * 0.01;
    assertThat(DefectionEstimate.variance(e.defectedVariance(), e.defectedGradient(), cov))
        .isCloseTo(expected, within(1e-12));
  }
}

package dev.aftermath.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChartsTest {
  @Test
  void pointsByIndexCountFromTheFirstValue() {
    assertThat(Charts.byIndex(new double[] {5, 7})).isDeepEqualTo(new double[][] {{0, 5}, {1, 7}});
    assertThat(Charts.byIndex(new double[0])).isEmpty();
  }
}

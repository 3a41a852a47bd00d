package dev.aftermath.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetTest {
  @Test
  void eachKindOfTargetWritesItsTextAndJudgesTheValue() {
    Target within = Target.within("0.05", "merchants whose industry has a control series");
    assertThat(within.text())
        .isEqualTo("within ±0.05: merchants whose industry has a control series");
    assertThat(within.status(-0.05)).isEqualTo(Target.PASS);
    assertThat(within.status(-0.079)).isEqualTo(Target.FAIL);
    assertThat(Target.within("0.10", "").text()).isEqualTo("within ±0.10");

    Target band = Target.between("0.85", "0.95");
    assertThat(band.text()).isEqualTo("0.85 to 0.95");
    assertThat(band.status(0.8735)).isEqualTo(Target.PASS);
    assertThat(band.status(0.979)).isEqualTo(Target.FAIL);
    assertThat(band.status(0.80)).isEqualTo(Target.FAIL);

    assertThat(Target.check("1", v -> v == 1).status(0)).isEqualTo(Target.FAIL);
    assertThat(Target.report("reference").status(0.5)).isEmpty();
  }

  @Test
  void aFigureThatCouldNotBeComputedFails() {
    assertThat(Target.between("0.85", "0.95").status(Double.NaN)).isEqualTo(Target.FAIL);
  }
}

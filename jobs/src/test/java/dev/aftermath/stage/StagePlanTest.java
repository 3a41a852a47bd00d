package dev.aftermath.stage;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftermath.pipeline.Stages;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StagePlanTest {
  private static Stage stage(String name, List<String> reads, List<String> writes) {
    return new JobStage(name, reads, List.of(), writes, c -> Map.of());
  }

  @Test
  void theRunsStagesFitTogether() {
    assertThatCode(() -> StagePlan.check(Stages.analysis())).doesNotThrowAnyException();
    assertThatCode(() -> StagePlan.check(Stages.validation())).doesNotThrowAnyException();
  }

  @Test
  void rejectsAStageThatNeedsATableNoEarlierStageWrites() {
    List<Stage> stages =
        List.of(
            stage("schemes", List.of("merchant_loss"), List.of("merchant_payout")),
            stage("lost revenue", List.of(), List.of("merchant_loss")));
    assertThatThrownBy(() -> StagePlan.check(stages))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "stage 'schemes' needs table merchant_loss, which no earlier stage writes");
  }

  @Test
  void rejectsATableWithTwoWritersAndReportsEveryProblemAtOnce() {
    List<Stage> stages =
        List.of(
            stage("lost revenue", List.of(), List.of("merchant_impact")),
            stage("schemes", List.of("orders"), List.of("merchant_impact")));
    assertThatThrownBy(() -> StagePlan.check(stages))
        .hasMessageContaining("stage 'schemes' needs table orders")
        .hasMessageContaining(
            "table merchant_impact is written by stage 'lost revenue' and again by 'schemes'");
  }

  @Test
  void rejectsAnOptionalReadOfATableNobodyWrites() {
    Stage reader =
        new JobStage("company", List.of(), List.of("share_prices"), List.of("x"), c -> Map.of());
    assertThatThrownBy(() -> StagePlan.check(List.of(reader)))
        .hasMessageContaining("stage 'company' may read table share_prices");
  }
}

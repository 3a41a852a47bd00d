package dev.aftermath.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftermath.stage.Stage;
import dev.aftermath.stage.StagePlan;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResumePlanTest {
  private static final String SCENARIO =
      """
      name: x
      outage: {start: 2020-02-23T19:00:00, end: 2020-03-03T09:00:00}
      schemes:
        cash: {margin_rates: {retail: 0.2}, duration_hours: 206}
        custom: [{name: cash_floor, of: cash, floor: 300}]
      fund: {total: 100}
      liability: {draws: 100}
      """;

  @Test
  void aRerunRunsTheNamedStageAndEveryLaterOneAndTheScenarioOnlyIfItChanged() {
    assertThat(ResumePlan.stages("schemes", false))
        .containsExactly(
            Stages.SCHEMES,
            Stages.FRONTIER,
            Stages.EXPOSURE,
            Stages.MERCHANT_IMPACT,
            Stages.COMPANY);
    assertThat(ResumePlan.stages("schemes", true).get(0)).isEqualTo(Stages.SCENARIO);
    assertThat(ResumePlan.stages("ingestion", true)).isEqualTo(Stages.analysis());
    assertThatThrownBy(() -> ResumePlan.stages("payout", false))
        .hasMessageContaining("no stage 'payout'");
  }

  @Test
  void theStagesOfEveryRerunFitTogetherOnTheTablesTheEarlierStagesWrote() {
    for (String from : ResumePlan.STAGES.keySet()) {
      Set<String> earlier = new HashSet<>();
      for (Stage s : Stages.analysis()) {
        if (s == ResumePlan.STAGES.get(from)) {
          break;
        }
        earlier.addAll(s.writes());
      }
      List<Stage> stages = ResumePlan.stages(from, true);
      assertThatCode(() -> StagePlan.check(stages, earlier)).as(from).doesNotThrowAnyException();
    }
    // without the earlier tables, a late stage has nothing to read
    assertThatThrownBy(() -> StagePlan.check(ResumePlan.stages("schemes", false)))
        .hasMessageContaining("needs table merchant_loss");
  }

  @Test
  void aScenarioMayChangeOnlyWhatNoEarlierStageRead() {
    String floor = SCENARIO.replace("floor: 300", "floor: 500").replace("total: 100", "total: 90");
    assertThatCode(() -> ResumePlan.checkScenario("schemes", SCENARIO, floor))
        .doesNotThrowAnyException();
    // the custom scheme is read by the schemes stage: not changeable from the frontier on
    assertThatThrownBy(() -> ResumePlan.checkScenario("frontier", SCENARIO, floor))
        .hasMessageContaining("schemes.custom")
        .hasMessageContaining("may change only liability, event_study, share")
        .hasMessageContaining("not schemes.cash.margin_rates, schemes, fund");
    // the frontier reads the liability terms first: not changeable from exposure on
    String draws = SCENARIO.replace("draws: 100", "draws: 200");
    assertThatThrownBy(() -> ResumePlan.checkScenario("exposure", SCENARIO, draws))
        .hasMessageContaining("liability.draws");
    assertThatCode(() -> ResumePlan.checkScenario("frontier", SCENARIO, draws))
        .doesNotThrowAnyException();
    String rates = SCENARIO.replace("retail: 0.2", "retail: 0.3");
    assertThatThrownBy(() -> ResumePlan.checkScenario("schemes", SCENARIO, rates))
        .hasMessageContaining("schemes.cash.margin_rates.retail");
    String outage = SCENARIO.replace("end: 2020-03-03T09:00:00", "end: 2020-03-04T09:00:00");
    assertThatThrownBy(() -> ResumePlan.checkScenario("company", SCENARIO, outage))
        .hasMessageContaining("outage.end");
    assertThatThrownBy(() -> ResumePlan.checkScenario("reports", SCENARIO, floor))
        .hasMessageContaining("may change nothing in it");
  }
}

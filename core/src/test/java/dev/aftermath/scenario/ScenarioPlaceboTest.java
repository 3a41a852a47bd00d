package dev.aftermath.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ScenarioPlaceboTest {
  private final Scenario weimob =
      ScenarioLoader.parse(BundledScenario.scenarioText(), "scenario.yaml");

  @Test
  void aScenarioReadFromItsFileIsNotAPlacebo() {
    assertThat(weimob.isPlacebo()).isFalse();
    assertThat(weimob.placeboAt()).isEmpty();
  }

  @Test
  void aPlaceboSaysWhereItsOutageStartsAndKeepsTheNameOfItsTables() {
    LocalDateTime at = LocalDateTime.of(2020, 1, 5, 19, 0);
    Scenario placebo = weimob.placebo(at);
    assertThat(placebo.isPlacebo()).isTrue();
    assertThat(placebo.placeboAt()).contains(at);
    assertThat(placebo.name()).isEqualTo("weimob-2020 (placebo at 2020-01-05T19:00)");
    assertThat(placebo.outage().start()).isEqualTo(at);
  }

  @Test
  void aNameThatReadsLikeAPlaceboDoesNotMakeOne() {
    // the placebo used to be recognised by its name, so a scenario so named lost its truth
    String yaml =
        BundledScenario.scenarioText()
            .replace("name: weimob-2020", "name: \"weimob-2020 (placebo at 2020-01-05T19:00)\"");
    Scenario named = ScenarioLoader.parse(yaml, "scenario.yaml");
    assertThat(named.name()).isEqualTo("weimob-2020 (placebo at 2020-01-05T19:00)");
    assertThat(named.isPlacebo()).isFalse();
  }
}

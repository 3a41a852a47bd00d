package dev.aftermath.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftermath.InvalidCaseException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {
  @Test
  void readsTheWeimobScenario() {
    Scenario s = ScenarioLoader.parse(BundledScenario.scenarioText(), "scenario.yaml");
    assertThat(s.name()).isEqualTo("weimob-2020");
    assertThat(s.timezone().getId()).isEqualTo("Asia/Shanghai");
    assertThat(s.outage().start()).isEqualTo(LocalDateTime.of(2020, 2, 23, 19, 0));
    assertThat(s.outage().hours()).isEqualTo(206.0);
    assertThat(s.outage().phases()).hasSize(3);
    assertThat(s.outage().phases().get(0).to()).isEqualTo(LocalDateTime.of(2020, 2, 26, 0, 0));
    assertThat(s.outage().phases().get(1).label())
        .isEqualTo("new merchants served, existing on transition accounts");
    assertThat(s.analysis().historyStart()).isEqualTo(LocalDate.of(2019, 11, 1));
    assertThat(s.cash().durationHours()).isEqualTo(206.0);
    assertThat(s.cash().marginRate("wholesale")).contains(0.167);
    assertThat(s.cash().marginRate("no_such_industry")).contains(0.15);
    assertThat(s.traffic().impressions()).isEqualTo(50_000);
    assertThat(s.fund()).get().extracting(Fund::total).isEqualTo(150_000_000.0);
    assertThat(s.share()).get().extracting(ShareSymbols::symbol).isEqualTo("2013.HK");
  }

  @Test
  void anUnquotedPhaseLabelWithACommaStaysWhole() {
    String yaml =
        BundledScenario.scenarioText()
            .replace(
                "label: \"existing merchants log in, data partly restored\"",
                "label: existing merchants log in, data partly restored");
    Scenario s = ScenarioLoader.parse(yaml, "scenario.yaml");
    assertThat(s.outage().phases().get(2).label())
        .isEqualTo("existing merchants log in, data partly restored");
  }

  @Test
  void readsThePayoutSchemes() {
    Scenario s = ScenarioLoader.parse(BundledScenario.scenarioText(), "scenario.yaml");
    assertThat(s.schemes().offered()).containsExactly("cash", "traffic");
    assertThat(s.schemes().sla().creditFor(82.0)).isEqualTo(1.0);
    assertThat(s.schemes().custom())
        .extracting(CustomScheme::name)
        .containsExactly("cash_counterfactual", "cash_by_phase", "cash_floor", "best_of_both");
    CustomScheme byPhase = s.schemes().custom().get(1);
    assertThat(byPhase.cash().phasesExisting()).containsExactly(1, 2, 3);
    assertThat(byPhase.cash().phasesNew()).containsExactly(1);
    assertThat(s.schemes().custom().get(3).kind()).isEqualTo(CustomScheme.Kind.MAX);
  }

  @Test
  void rejectsCustomSchemesThatCannotBeEvaluated() {
    String base = BundledScenario.scenarioText();
    int at = base.indexOf("  offered:");
    int end = base.indexOf("\n\n", at);
    String yaml =
        base.substring(0, at)
            + """
              offered: [cash, nothing]
              sla_credit:
                tiers:
                  - {below: 120, credit: 0.1}
              custom:
                - name: later
                  max: [cash, not_yet]
                - name: not_yet
                  of: cash
                  floor: 500
                  cap: 100
                - name: cash
                  of: traffic
                - name: two_kinds
                  of: cash
                  sum: [cash, traffic]
                - name: bad_phase
                  cash: {duration_phases: {existing: [1, 4], new: [1]}}
            """
            + base.substring(end + 1);
    assertThatThrownBy(() -> ScenarioLoader.parse(yaml, "scenario.yaml"))
        .isInstanceOf(InvalidCaseException.class)
        .satisfies(
            e ->
                assertThat(((InvalidCaseException) e).problems())
                    .anySatisfy(p -> assertThat(p).contains("schemes.offered").contains("nothing"))
                    .anySatisfy(p -> assertThat(p).contains("tiers[0].below").contains("120"))
                    .anySatisfy(p -> assertThat(p).contains("custom[0].max").contains("not_yet"))
                    .anySatisfy(p -> assertThat(p).contains("custom[1].floor").contains("cap"))
                    .anySatisfy(p -> assertThat(p).contains("custom[2].name").contains("already"))
                    .anySatisfy(p -> assertThat(p).contains("custom[3]").contains("exactly one"))
                    .anySatisfy(
                        p -> assertThat(p).contains("duration_phases.existing").contains("'4'")));
  }

  @Test
  void reportsEveryProblemAtOnceNamingTheKeys() {
    String yaml =
        """
        name: broken
        timezone: Mars/Olympus
        currency: CNY
        outage:
          start: 2020-02-23T19:00:00
          end: 2020-02-20T09:00:00
        analysis:
          history_start: 2019-11-01
        schemes:
          cash:
            baseline_start: 2020-02-17T19:00:00
            baseline_end: not-a-time
            duration_hours: lots
            margin_rates: {retail: 1.5}
          traffic: {impressions: 50000, cpm: 6.0, extension_months: 2}
        """;
    assertThatThrownBy(() -> ScenarioLoader.parse(yaml, "scenario.yaml"))
        .isInstanceOf(InvalidCaseException.class)
        .satisfies(
            e ->
                assertThat(((InvalidCaseException) e).problems())
                    .anySatisfy(
                        p -> assertThat(p).contains("key timezone").contains("Mars/Olympus"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .contains("key outage.end")
                                .contains("not after outage.start"))
                    .anySatisfy(p -> assertThat(p).contains("key analysis.horizon_end is missing"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .contains("key schemes.cash.baseline_end")
                                .contains("not-a-time"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .contains("key schemes.cash.duration_hours")
                                .contains("lots"))
                    .anySatisfy(
                        p -> assertThat(p).contains("key schemes.cash.margin_rates.retail")));
  }

  @Test
  void rejectsTextThatIsNotYaml() {
    assertThatThrownBy(() -> ScenarioLoader.parse("name: [unclosed", "case/scenario.yaml"))
        .isInstanceOf(InvalidCaseException.class)
        .hasMessageContaining("case/scenario.yaml")
        .hasMessageContaining("not valid YAML");
  }
}

package dev.aftermath.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ScenarioAssumptionsTest {
  @Test
  void everyValueOfTheBundledScenarioWithItsComment() {
    List<ScenarioAssumptions.Entry> all = ScenarioAssumptions.of(BundledScenario.scenarioText());
    Map<String, ScenarioAssumptions.Entry> byKey =
        all.stream().collect(Collectors.toMap(ScenarioAssumptions.Entry::key, e -> e, (a, b) -> a));
    assertThat(byKey.get("schemes.cash.margin_rates.retail").value()).isEqualTo("0.20");
    assertThat(byKey.get("schemes.cash.margin_rates.retail").assumption()).isTrue();
    assertThat(byKey.get("schemes.cash.margin_rates.wholesale").assumption()).isFalse();
    assertThat(byKey.get("schemes.cash.margin_rates.wholesale").note()).contains("quoted merchant");
    assertThat(byKey.get("outage.start").value()).isEqualTo("2020-02-23T19:00:00");
    assertThat(byKey.get("outage.phases[1]").value()).startsWith("{from: 2020-02-26T00:00:00");
    assertThat(byKey.get("schemes.custom[1].name").value()).isEqualTo("cash_by_phase");
    assertThat(byKey.get("schemes.custom[1].cash").value()).contains("duration_phases");
    assertThat(byKey.get("fund.total").value()).isEqualTo("150000000");
    assertThat(byKey.get("share.symbol").value()).isEqualTo("\"2013.HK\"");
  }

  @Test
  void theEngineDefaultsTheScenarioLeavesOutAreListedWithTheValuesUsed() {
    String text = BundledScenario.scenarioText();
    Scenario scenario = ScenarioLoader.parse(text, "scenario.yaml");
    List<ScenarioAssumptions.Entry> all = ScenarioAssumptions.of(text, scenario);
    Map<String, ScenarioAssumptions.Entry> byKey =
        all.stream().collect(Collectors.toMap(ScenarioAssumptions.Entry::key, e -> e, (a, b) -> a));
    // the bundled scenario has no defection section: all four are the engine's
    for (String k :
        List.of(
            "defection.lookback_days",
            "defection.grace_days",
            "defection.value_horizon_months",
            "defection.annual_discount_rate")) {
      assertThat(byKey.get(k).origin()).as(k).isEqualTo(ScenarioAssumptions.ENGINE_DEFAULT);
      assertThat(byKey.get(k).assumption()).as(k).isTrue();
      assertThat(byKey.get(k).note()).as(k).startsWith("ASSUMPTION");
    }
    assertThat(byKey.get("defection.grace_days").value())
        .isEqualTo(String.valueOf(scenario.defection().graceDays()));
    assertThat(byKey.get("defection.annual_discount_rate").value()).isEqualTo("0.1");
    // what the scenario writes stays as written, once
    assertThat(byKey.get("liability.contract_cap_months").origin())
        .isEqualTo(ScenarioAssumptions.SCENARIO);
    assertThat(byKey.get("liability.contract_cap_months").assumption()).isTrue();
    assertThat(all.stream().filter(e -> e.key().equals("liability.claims.intercept"))).hasSize(1);
    // the signal weights are written as one flow mapping: no default for each beside it
    assertThat(byKey).containsKey("liability.claims.signals");
    assertThat(byKey).doesNotContainKey("liability.claims.signals.complaint");
    // written on one line: no default beside it
    assertThat(all.stream().filter(e -> e.key().equals("event_study.windows"))).hasSize(1);
    assertThat(byKey.get("event_study.windows").origin()).isEqualTo(ScenarioAssumptions.SCENARIO);
    // a scenario without a liability section lists every liability setting, claim weights included
    String bare = text.substring(0, text.indexOf("liability:"));
    List<ScenarioAssumptions.Entry> none =
        ScenarioAssumptions.of(bare, ScenarioLoader.parse(bare, "scenario.yaml"));
    assertThat(none)
        .extracting(ScenarioAssumptions.Entry::key)
        .contains(
            "liability.claims.signals.complaint",
            "liability.payout_releases_claims",
            "event_study.windows",
            "event_study.gap_days");
  }

  @Test
  void aCommentCarriesItsChineseNoteAfterTheMarker() {
    List<ScenarioAssumptions.Entry> e =
        ScenarioAssumptions.of("a: 1   # ASSUMPTION: typical | zh: 假设：常见\nb: 2 # plain\n");
    assertThat(e.get(0).note()).isEqualTo("ASSUMPTION: typical");
    assertThat(e.get(0).noteZh()).isEqualTo("假设：常见");
    assertThat(e.get(0).assumption()).isTrue();
    assertThat(e.get(1).noteZh()).isEqualTo("plain");
  }

  @Test
  void aHashInsideQuotesIsNotAComment() {
    List<ScenarioAssumptions.Entry> e =
        ScenarioAssumptions.of("name: \"a # b\"   # the name\nlist:\n  - x # first\n");
    assertThat(e.get(0).value()).isEqualTo("\"a # b\"");
    assertThat(e.get(0).note()).isEqualTo("the name");
    assertThat(e.get(1).key()).isEqualTo("list[0]");
    assertThat(e.get(1).value()).isEqualTo("x");
  }
}

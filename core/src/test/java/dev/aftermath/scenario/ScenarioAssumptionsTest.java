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
  void aHashInsideQuotesIsNotAComment() {
    List<ScenarioAssumptions.Entry> e =
        ScenarioAssumptions.of("name: \"a # b\"   # the name\nlist:\n  - x # first\n");
    assertThat(e.get(0).value()).isEqualTo("\"a # b\"");
    assertThat(e.get(0).note()).isEqualTo("the name");
    assertThat(e.get(1).key()).isEqualTo("list[0]");
    assertThat(e.get(1).value()).isEqualTo("x");
  }
}

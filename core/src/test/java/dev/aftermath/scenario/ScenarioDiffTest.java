package dev.aftermath.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioDiffTest {
  private static final String BEFORE =
      """
      name: x   # a comment
      schemes:
        cash:
          margin_rates: {retail: 0.2}
          baseline_start: 2020-02-01
        offered: [cash, traffic]
      fund:
        total: 100
      """;

  @Test
  void commentsAndLayoutDoNotCountValuesDo() {
    String same =
        "name: x\nschemes: {cash: {baseline_start: 2020-02-01, margin_rates: {retail:"
            + " 0.2}}, offered: [cash, traffic]}\nfund: {total: 100}\n";
    assertThat(ScenarioDiff.changedPaths(BEFORE, same)).isEmpty();
    String changed =
        BEFORE.replace("total: 100", "total: 90").replace("retail: 0.2", "retail: 0.25")
            + "liability: {draws: 10}\n";
    assertThat(ScenarioDiff.changedPaths(BEFORE, changed))
        .containsExactly("fund.total", "liability", "schemes.cash.margin_rates.retail");
  }

  @Test
  void aPathIsWithinASectionUnlessAnExceptionCoversIt() {
    List<String> sections = List.of("schemes", "fund");
    List<String> except = List.of("schemes.cash.margin_rates");
    assertThat(ScenarioDiff.within("schemes.custom", sections, except)).isTrue();
    assertThat(ScenarioDiff.within("fund.total", sections, except)).isTrue();
    assertThat(ScenarioDiff.within("schemes.cash.margin_rates.retail", sections, except)).isFalse();
    // replacing the whole cash section replaces the margin rates with it
    assertThat(ScenarioDiff.within("schemes.cash", sections, except)).isFalse();
    assertThat(ScenarioDiff.within("outage.start", sections, except)).isFalse();
    assertThat(ScenarioDiff.within("schemesx", sections, except)).isFalse();
  }
}

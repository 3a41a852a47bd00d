package dev.aftermath.schemes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftermath.scenario.BuiltInScheme;
import dev.aftermath.scenario.BundledScenario;
import dev.aftermath.scenario.PayoutColumn;
import dev.aftermath.scenario.Scenario;
import dev.aftermath.scenario.ScenarioLoader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The registry of built-in schemes ({@link BuiltInScheme}) and the schemes stage agree: every
 * registered scheme is valued, has its columns in {@code merchant_payout} and its rows in {@code
 * scheme_summary} and {@code scheme_fairness}, and the scenario may offer it.
 */
class BuiltInSchemesTest {
  private static final Scenario WEIMOB =
      ScenarioLoader.parse(BundledScenario.scenarioText(), "scenario.yaml");

  /**
   * A catering merchant (margin rate 0.15) with a fee of 398 and its industry on the ad network.
   */
  private static MerchantPayoutInput merchant() {
    return new MerchantPayoutInput(
        "M1",
        "catering",
        true,
        new BigDecimal("398"),
        true,
        50.0,
        false,
        Map.of(SchemeValues.CASH_WINDOW, new BigDecimal("1234.56")),
        200.0,
        1000.4,
        null,
        100.0,
        null,
        null);
  }

  @Test
  void merchantPayoutHasTheColumnsOfEverySchemeInTheContractsOrder() {
    assertThat(PayoutSchemesJob.merchantSchema(WEIMOB).fieldNames())
        .containsExactly(
            "merchant_id",
            "cash_payout",
            "traffic_payout",
            "traffic_impressions_value",
            "traffic_extension_value",
            "sla_credit_payout",
            "actual_loss",
            "cash_counterfactual_payout",
            "cash_by_phase_payout",
            "cash_floor_payout",
            "best_of_both_payout",
            "chosen_scheme",
            "chosen_payout",
            "chosen_payout_after_fund",
            "coverage_ratio",
            "shortfall",
            "pre_outage_daily_revenue",
            "loss_estimate",
            "loss_sd",
            "probability_covered");
  }

  @Test
  void everyRegisteredSchemeHasAPayoutColumnAndARowInTheSummaryInOrder() {
    List<String> valued =
        PayoutSchemesJob.payoutColumns(WEIMOB).stream().map(PayoutColumn::valueKey).toList();
    List<String> measured = new ArrayList<>();
    for (BuiltInScheme s : BuiltInScheme.values()) {
      assertThat(valued).contains(s.schemeName());
      assertThat(s.columns().get(0).valueKey()).isEqualTo(s.schemeName());
      if (s != BuiltInScheme.ACTUAL_LOSS) {
        measured.add(s.schemeName());
      }
    }
    WEIMOB.schemes().custom().forEach(c -> measured.add(c.name()));
    measured.add(SchemeFairnessTable.CHOSEN);
    assertThat(SchemeFairnessTable.measured(PayoutSchemesJob.schemeNames(WEIMOB)))
        .containsExactlyElementsOf(measured)
        .containsExactly(
            "cash",
            "traffic",
            "sla_credit",
            "cash_counterfactual",
            "cash_by_phase",
            "cash_floor",
            "best_of_both",
            "chosen");
  }

  @Test
  void eachSchemesClassValuesExactlyTheColumnsItIsRegisteredWith() {
    Map<BuiltInScheme, PayoutScheme> classes = BuiltInSchemes.of(WEIMOB);
    assertThat(classes.keySet()).containsExactly(BuiltInScheme.values());
    for (BuiltInScheme s : BuiltInScheme.values()) {
      Map<String, BigDecimal> values = new LinkedHashMap<>();
      classes.get(s).addValues(merchant(), 0.15, values);
      assertThat(values.keySet())
          .as(s.schemeName())
          .containsExactlyInAnyOrderElementsOf(
              s.columns().stream().map(PayoutColumn::valueKey).toList());
    }
    Map<String, BigDecimal> all = new SchemeValues(WEIMOB, Map.of("catering", 0.15)).of(merchant());
    for (PayoutColumn c : PayoutSchemesJob.payoutColumns(WEIMOB)) {
      assertThat(all).containsKey(c.valueKey());
    }
  }

  @Test
  void theSchemesValueAMerchantAsTheFormulasDo() {
    Map<String, BigDecimal> v = new SchemeValues(WEIMOB, Map.of("catering", 0.15)).of(merchant());
    // 1,234.56 / 6 days × 0.15 × 206 / 24 = 264.916 → 264.92
    assertThat(v.get("cash")).isEqualByComparingTo("264.92");
    // 50,000 / 1000 × 6.0 = 300; 2 free months × 398 = 796
    assertThat(v.get("traffic_impressions_value")).isEqualByComparingTo("300.00");
    assertThat(v.get("traffic_extension_value")).isEqualByComparingTo("796.00");
    assertThat(v.get("traffic")).isEqualByComparingTo("1096.00");
    // February (78.6% uptime) and March (92.3%) each credit the whole fee
    assertThat(v.get("sla_credit")).isEqualByComparingTo("796.00");
    assertThat(v.get("actual_loss")).isEqualByComparingTo("1100.40");
    // 200 a day × 0.15 × 206 / 24 = 257.50; the floor of 300; the better of cash and traffic
    assertThat(v.get("cash_counterfactual")).isEqualByComparingTo("257.50");
    assertThat(v.get("cash_floor")).isEqualByComparingTo("300.00");
    assertThat(v.get("best_of_both")).isEqualByComparingTo("1096.00");
  }

  @Test
  void theScenarioMayOfferEveryRegisteredScheme() {
    String yaml =
        BundledScenario.scenarioText()
            .replace(
                "offered: [cash, traffic]",
                "offered: [" + String.join(", ", BuiltInScheme.names()) + "]");
    assertThat(ScenarioLoader.parse(yaml, "scenario.yaml").schemes().offered())
        .containsExactlyElementsOf(BuiltInScheme.names())
        .containsExactly("cash", "traffic", "sla_credit", "actual_loss");
  }
}

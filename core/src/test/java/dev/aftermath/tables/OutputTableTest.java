package dev.aftermath.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftermath.tables.OutputTable.Written;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputTableTest {
  private static List<Written> asContracted(OutputTable t) {
    List<Written> w = new ArrayList<>();
    for (OutputColumn c : t.columns()) {
      if (!c.isFamily()) {
        w.add(new Written(c.name(), c.type()));
      }
    }
    return w;
  }

  @Test
  void acceptsTheContractsOwnColumns() {
    for (OutputTable t : OutputTables.ALL) {
      assertThat(t.mismatch(asContracted(t))).as(t.name()).isEmpty();
    }
  }

  @Test
  void acceptsAnyNumberOfSchemePayoutsInTheFamilysPlace() {
    OutputTable payout = OutputTables.require("merchant_payout");
    List<Written> w = asContracted(payout);
    int at = payout.columnNames().indexOf("chosen_scheme");
    w.add(at, new Written("cash_floor_payout", "double"));
    w.add(at + 1, new Written("best_of_both_payout", "double"));
    assertThat(payout.mismatch(w)).isEmpty();
  }

  @Test
  void namesARenamedColumn() {
    OutputTable loss = OutputTables.require("merchant_loss");
    List<Written> w = asContracted(loss);
    w.set(5, new Written("lost_rev", "double"));
    assertThat(loss.mismatch(w))
        .hasValue("table merchant_loss has column lost_rev, which its contract does not name");
  }

  @Test
  void namesAMissingColumn() {
    OutputTable loss = OutputTables.require("merchant_loss");
    List<Written> w = asContracted(loss);
    w.remove(w.size() - 1);
    assertThat(loss.mismatch(w)).hasValue("table merchant_loss lacks column fit_mape");
  }

  @Test
  void namesAColumnOutOfPlace() {
    OutputTable totals = OutputTables.require("impact_totals");
    List<Written> w = asContracted(totals);
    w.add(0, w.remove(1));
    assertThat(totals.mismatch(w).orElseThrow())
        .startsWith("table impact_totals: column scope is out of place");
  }

  @Test
  void namesAColumnOfTheWrongType() {
    OutputTable day = OutputTables.require("merchant_day");
    List<Written> w = asContracted(day);
    w.set(3, new Written("paid_orders", "int"));
    assertThat(day.mismatch(w))
        .hasValue("table merchant_day: column paid_orders is int, the contract says long");
  }

  @Test
  void readersSeeMissingAndUnknownColumns() {
    OutputTable notes = OutputTables.require("case_notes");
    assertThat(notes.absentOrUnknown(List.of("note", "count", "of", "details")))
        .containsExactly(
            "table case_notes lacks column detail",
            "table case_notes has column details, which its contract does not name");
  }

  @Test
  void unknownTableIsAnError() {
    assertThatThrownBy(() -> OutputTables.require("merchant_impacts"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("table merchant_impacts is not in the output contract");
  }

  /**
   * merchant_impact as the demo run wrote it before the stages got tables of their own (its CSV
   * header, with the demo scenario's four custom schemes): the assembled table must keep it.
   */
  static final List<String> MERCHANT_IMPACT_AS_BEFORE =
      List.of(
          "merchant_id",
          "industry",
          "existing",
          "counterfactual_revenue",
          "actual_revenue",
          "lost_revenue",
          "lost_revenue_low",
          "lost_revenue_high",
          "lost_revenue_outage",
          "lost_revenue_after",
          "margin_rate",
          "lost_margin",
          "lost_margin_low",
          "lost_margin_high",
          "naive_lost_revenue",
          "estimate_quality",
          "active_customers",
          "returned_customers",
          "expected_nonreturn",
          "observed_nonreturn",
          "defected_customers",
          "defected_customers_low",
          "defected_customers_high",
          "confirmed_defections",
          "lost_customer_value",
          "lost_customer_value_low",
          "lost_customer_value_high",
          "lost_customer_margin",
          "lost_member_balances",
          "lost_member_points",
          "defection_quality",
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
          "exposure_contract_cap",
          "exposure_foreseeable",
          "exposure_full",
          "claim_probability",
          "expected_exposure");

  /** Columns added since, each after the column named: added, never renamed or moved. */
  private static final List<String> ADDED_AFTER_ESTIMATE_QUALITY =
      List.of("direct_lost_revenue", "pooling_weight", "fit_mape");

  private static final List<String> ADDED_AFTER_PRE_OUTAGE_DAILY_REVENUE =
      List.of("loss_estimate", "loss_sd", "probability_covered");

  private static List<String> asNow() {
    List<String> now = new ArrayList<>();
    for (String c : MERCHANT_IMPACT_AS_BEFORE) {
      now.add(c);
      if (c.equals("estimate_quality")) {
        now.addAll(ADDED_AFTER_ESTIMATE_QUALITY);
      }
      if (c.equals("pre_outage_daily_revenue")) {
        now.addAll(ADDED_AFTER_PRE_OUTAGE_DAILY_REVENUE);
      }
    }
    return now;
  }

  @Test
  void merchantImpactKeepsTheColumnsItHadBeforeTheStagesWereSplit() {
    OutputTable impact = OutputTables.require("merchant_impact");
    List<OutputTable.Written> written = new ArrayList<>();
    for (String c : asNow()) {
      written.add(new OutputTable.Written(c, impact.describing(c).orElseThrow().type()));
    }
    assertThat(impact.mismatch(written)).isEmpty();
    assertThat(impact.columnNames())
        .containsExactlyElementsOf(
            asNow().stream()
                .filter(
                    c ->
                        !List.of(
                                "cash_counterfactual_payout",
                                "cash_by_phase_payout",
                                "cash_floor_payout",
                                "best_of_both_payout")
                            .contains(c))
                .toList());
  }

  @Test
  void merchantImpactIsItsPartsSideBySide() {
    List<String> parts = new ArrayList<>(OutputTables.require("merchant_loss").columnNames());
    parts.addAll(without(OutputTables.require("merchant_defection"), 2));
    parts.addAll(without(OutputTables.require("merchant_payout"), 1));
    parts.addAll(without(OutputTables.require("merchant_exposure"), 1));
    assertThat(OutputTables.require("merchant_impact").columnNames()).isEqualTo(parts);
  }

  /** The table's plain columns after its first {@code keys}. */
  private static List<String> without(OutputTable t, int keys) {
    return t.columnNames().subList(keys, t.columnNames().size());
  }
}

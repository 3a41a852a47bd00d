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
    assertThat(loss.mismatch(w)).hasValue("table merchant_loss lacks column estimate_quality");
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

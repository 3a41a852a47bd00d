package dev.aftermath.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** The reports read tables as their contract says they are, and say so when one is not. */
class ResultTablesContractTest {
  @TempDir Path out;

  @Test
  void aFixtureColumnTheContractDoesNotNameFails() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      assertThatThrownBy(
              () -> ReportFixture.table(out, st, "case_notes", "SELECT 'x' AS note, 3 AS counts"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "fixture table case_notes has column counts, which its contract does not name");
    }
  }

  @Test
  void aFixtureTableHasEveryContractColumnInOrder() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      ReportFixture.table(out, st, "case_notes", "SELECT 3 AS count, 'x' AS note");
    }
    try (ResultTables tables = new ResultTables(out)) {
      Table t = tables.table("case_notes");
      assertThat(t.columnNames()).containsExactly("note", "count", "of", "detail");
      assertThat(Rows.num(t, 0, "count")).isEqualTo(3.0);
      assertThat(Rows.num(t, 0, "of")).isNaN(); // an empty value stays NaN
      assertThat(Rows.text(t, 0, "detail")).isEmpty();
    }
  }

  @Test
  void aTableWithoutAColumnOfItsContractIsRefused() throws Exception {
    Path dir = out.resolve("tables").resolve("case_notes");
    Files.createDirectories(dir);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      st.execute(
          "COPY (SELECT 'x' AS note, 3 AS count, 10 AS of) TO '"
              + dir.resolve("part-00000.parquet")
              + "' (FORMAT PARQUET)");
    }
    try (ResultTables tables = new ResultTables(out)) {
      assertThatThrownBy(() -> tables.table("case_notes"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("result table case_notes")
          .hasMessageContaining("lacks column detail");
    }
  }

  @Test
  void aTableTheContractDoesNotNameIsRefused() throws Exception {
    Files.createDirectories(out.resolve("tables"));
    try (ResultTables tables = new ResultTables(out)) {
      assertThatThrownBy(() -> tables.has("merchant_impacts"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("table merchant_impacts is not in the output contract");
    }
  }

  @Test
  void aLookupOfAColumnTheRowLacksNamesIt() {
    Table t = Table.create("merchant_impact", DoubleColumn.create("lost_revenue", 1.0));
    assertThatThrownBy(() -> Rows.num(t, 0, "lost_revenu"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("table merchant_impact has no column lost_revenu");
    assertThatThrownBy(() -> Rows.text(t, 0, "industry"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("table merchant_impact has no column industry");
    assertThatThrownBy(() -> Rows.find(t, "merchant_id", "M1"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("table merchant_impact has no column merchant_id");
  }

  @Test
  void aReaderLimitedToItsDeclaredTablesRefusesAnother() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      ReportFixture.table(out, st, "case_notes", "SELECT 3 AS count, 'x' AS note");
    }
    try (ResultTables tables = new ResultTables(out, List.of("case_notes"))) {
      assertThat(tables.has("case_notes")).isTrue();
      assertThatThrownBy(() -> tables.has("top_exposures"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "table top_exposures is read but not declared among the tables this reader reads");
    }
  }
}

package dev.aftermath.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The platform's daily path is the same on every rendering, however DuckDB splits the sums. */
class DailySumsTest {
  @TempDir Path out;

  @Test
  void dailySumsDoNotDependOnHowTheRowsAreSplitAcrossThreads() throws Exception {
    Path dir = out.resolve("tables").resolve("merchant_day_counterfactual");
    Files.createDirectories(dir);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      // eight part files of values whose floating-point sum depends on the order of addition
      for (int part = 0; part < 8; part++) {
        st.execute(
            "COPY (SELECT DATE '2020-02-23' + (i % 3)::INTEGER AS date,"
                + " 'M' || i AS merchant_id, 'outage' AS period,"
                + " (i * 0.1 + 1e7 * (i % 7 = 0)::INTEGER) / 3.0 AS actual_revenue,"
                + " (i * 0.7 + 1e-3) / 7.0 AS counterfactual_revenue"
                + " FROM range("
                + part * 100_000
                + ", "
                + (part + 1) * 100_000
                + ") t(i)) TO '"
                + dir.resolve("part-0000" + part + ".parquet")
                + "' (FORMAT PARQUET)");
      }
    }
    Set<String> results = new HashSet<>();
    try (ResultTables tables = new ResultTables(out)) {
      for (int i = 0; i < 20; i++) {
        Table days = tables.aggregate("merchant_day_counterfactual", InvestorReport.DAILY_SUMS);
        assertThat(days.rowCount()).isEqualTo(3);
        results.add(
            java.util.Arrays.toString(days.numberColumn("actual").asDoubleArray())
                + java.util.Arrays.toString(days.numberColumn("expected").asDoubleArray()));
      }
    }
    assertThat(results).hasSize(1);
  }
}

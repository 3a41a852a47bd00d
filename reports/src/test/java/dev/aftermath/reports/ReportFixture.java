package dev.aftermath.reports;

import dev.aftermath.tables.OutputColumn;
import dev.aftermath.tables.OutputTable;
import dev.aftermath.tables.OutputTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Small result tables written with DuckDB as the jobs would write them, one of them carrying
 * hostile text where names go, and the reports rendered from them: fixed view inputs for the
 * rendering and browser tests. Each table is built against its contract ({@link OutputTables}): the
 * columns a fixture gives, cast to the contract's types, the others empty, in the contract's order;
 * a fixture column the contract does not name fails.
 */
final class ReportFixture {
  static final String HOSTILE =
      "<script>alert(1)</script>${7*7}<#assign x=1>=HYPERLINK(\"x\")\u202Egpj.exe"
          + "长".repeat(300);

  private ReportFixture() {}

  static void table(Path out, Statement st, String name, String select) throws Exception {
    Path dir = out.resolve("tables").resolve(name);
    Files.createDirectories(dir);
    st.execute(
        "COPY ("
            + contracted(st, name, select)
            + ") TO '"
            + dir.resolve("part-00000.parquet")
            + "' (FORMAT PARQUET)");
  }

  /** {@code select} shaped as table {@code name}'s contract says the jobs write it. */
  static String contracted(Statement st, String name, String select) throws Exception {
    OutputTable spec = OutputTables.require(name);
    List<String> given = new ArrayList<>();
    try (ResultSet rs = st.executeQuery("DESCRIBE " + select)) {
      while (rs.next()) {
        given.add(rs.getString("column_name"));
      }
    }
    for (String c : given) {
      if (spec.describing(c).isEmpty()) {
        throw new IllegalStateException(
            "fixture table " + name + " has column " + c + ", which its contract does not name");
      }
    }
    List<String> columns = new ArrayList<>();
    for (OutputColumn c : spec.columns()) {
      if (c.isFamily()) {
        given.stream()
            .filter(g -> spec.column(g).isEmpty() && c.matches(g))
            .forEach(g -> columns.add(cast(quoted(g), c.type(), g)));
      } else {
        columns.add(cast(given.contains(c.name()) ? quoted(c.name()) : "NULL", c.type(), c.name()));
      }
    }
    return "SELECT " + String.join(", ", columns) + " FROM (" + select + ")";
  }

  private static String cast(String value, String type, String as) {
    String duck =
        switch (type) {
          case "string" -> "VARCHAR";
          case "long" -> "BIGINT";
          case "int" -> "INTEGER";
          case "double" -> "DOUBLE";
          case "boolean" -> "BOOLEAN";
          case "date" -> "DATE";
          case "timestamp" -> "TIMESTAMP";
          default -> type.toUpperCase(java.util.Locale.ROOT); // decimal(p,s)
        };
    return "CAST(" + value + " AS " + duck + ") AS " + quoted(as);
  }

  private static String quoted(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** Writes the tables under {@code out/tables} and renders every report; returns the index. */
  static Path render(Path out) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      String hostile = HOSTILE.replace("'", "''");
      table(
          out,
          st,
          "impact_totals",
          "SELECT * FROM (VALUES ('platform', NULL, 1000000.0, 800000.0, 1200000.0, 150000.0,"
              + " 120000.0, 180000.0), ('industry', 'retail', 600000.0, 500000.0, 700000.0,"
              + " 90000.0, 70000.0, 110000.0), ('industry', '"
              + hostile
              + "', 400000.0, 300000.0, 500000.0, 60000.0, 50000.0, 70000.0)) t(scope, industry,"
              + " lost_revenue, lost_revenue_low, lost_revenue_high, lost_margin, lost_margin_low,"
              + " lost_margin_high)");
      table(
          out,
          st,
          "company_impact",
          "SELECT * FROM (VALUES ('cost_total', 2521007.56, 'CNY', ''), ('fund_total', 1.5e8,"
              + " 'CNY', ''), ('cost_share_of_fund', 0.0168, 'ratio', '')) t(metric, value, unit,"
              + " note)");
      table(
          out,
          st,
          "merchants",
          "SELECT 'M1' AS merchant_id, '" + hostile + "' AS name, 'retail' AS industry");
      table(
          out,
          st,
          "merchant_impact",
          "SELECT * FROM (VALUES ('M1', 'retail', 0.7, 12345.0, 4000.0, 800.0, 'traffic', 796.0,"
              + " 0.2, 3204.0), ('M2', 'retail', 0.2, 99999.0, 7777.0, 7777.0, 'cash', 7777.0, 1.0,"
              + " 0.0)) t(merchant_id, industry, claim_probability, lost_revenue, actual_loss,"
              + " cash_payout, chosen_scheme, chosen_payout, coverage_ratio, shortfall)");
      table(
          out,
          st,
          "top_exposures",
          "SELECT 1 AS rank, 'M1' AS merchant_id, 'retail' AS industry, 50000.0 AS actual_loss,"
              + " 30000.0 AS foreseeable_loss, 'cash' AS chosen_scheme, 10000.0 AS chosen_payout,"
              + " 40000.0 AS shortfall, 0.0 AS exposure_contract_cap, 20000.0 AS"
              + " exposure_foreseeable, 40000.0 AS exposure_full, 0.7 AS claim_probability,"
              + " 14000.0 AS expected_exposure, 12.0 AS defected_customers, 3000.0 AS"
              + " lost_member_balances, 2 AS complaints, 0 AS data_exports, 1 AS"
              + " competitor_migrations, 0 AS contract_cancels");
      table(
          out,
          st,
          "exposure_distribution",
          "SELECT * FROM (VALUES ('foreseeable_loss', 10000, 255448.0, 5000.0, 242058.0,"
              + " 395386.0, 558971.0, 640000.0, 1.4e8, 0.0)) t(regime, draws, mean, sd, p50, p90, p99, max,"
              + " fund_remaining, probability_exceeds_fund_remaining)");
      table(
          out,
          st,
          "loss_exceedance",
          "SELECT * FROM (VALUES ('foreseeable_loss', 0.0, 1.0), ('foreseeable_loss', 20000.0,"
              + " 0.5), ('foreseeable_loss', 40000.0, 0.0)) t(regime, x, probability)");
      table(
          out,
          st,
          "scheme_frontier",
          "SELECT * FROM (VALUES ('tried', 'cash_days', 'days=7', true, true, 100000.0, 400.0,"
              + " 320.0, 500.0, 1939, 0.2, 'retail'), ('tried', 'traffic', 'impressions=250000"
              + " months=1', true, false, 1300000.0, 1377.0, 1315.0, 1446.0, 1939, 2.3, 'retail'),"
              + " ('offered', 'offered', 'choice of cash, traffic', false, false, 2520000.0,"
              + " 1342.0, 1277.0, 1411.0, 1939, 1.87, 'retail')) t(kind, family, parameters,"
              + " on_frontier, on_cash_frontier, expected_cost, merchants_made_whole,"
              + " merchants_made_whole_low, merchants_made_whole_high, merchants_with_loss,"
              + " median_coverage, worst_served_industry)");
      table(
          out,
          st,
          "scenario_assumptions",
          "SELECT * FROM (VALUES ('schemes.cash.margin_rates.retail', '0.20', 'ASSUMPTION:"
              + " retail margin', true, 'scenario', '假设：零售毛利率'), ('platform.merchants',"
              + " '70006', 'paying merchants', false, 'scenario', '付费商家'), ('fund.total',"
              + " '150000000', 'the fund', false, 'scenario', '基金'), ('analysis.history_start',"
              + " '2019-11-01', '', false, 'scenario', ''), ('analysis.horizon_end', '2020-04-30',"
              + " '', false, 'scenario', ''), ('defection.grace_days', '14', 'ASSUMPTION (engine"
              + " default): grace', true, 'engine default', '假设（引擎默认值）：宽限')) t(key, value,"
              + " note, assumption, origin, note_zh)");
      table(
          out,
          st,
          "incident_timeline",
          "SELECT * FROM (VALUES (0, TIMESTAMP '2020-02-23 19:00:00', TIMESTAMP '2020-03-03"
              + " 09:00:00', 206.0, '', ''), (1, TIMESTAMP '2020-02-23 19:00:00', TIMESTAMP"
              + " '2020-02-26 00:00:00', 53.0, 'total outage', '全面中断')) t(phase, \"from\", \"to\","
              + " hours, label, label_zh)");
      table(
          out,
          st,
          "impact_evaluation",
          "SELECT * FROM (VALUES ('total_relative_error', -0.079, 'within ±0.05', 'fail'),"
              + " ('interval_coverage', 0.8735, '0.85 to 0.95', 'pass'), ('merchants_compared',"
              + " 2.0, '', '')) t(metric, value, target, status)");
      table(
          out,
          st,
          "defection_totals",
          "SELECT 'platform' AS scope, 1 AS merchants, 100 AS active_customers, 12.0 AS"
              + " defected_customers, 5.0 AS defected_customers_low, 20.0 AS"
              + " defected_customers_high, 3 AS confirmed_defections, 2500.0 AS"
              + " lost_customer_margin, 3000.0 AS lost_member_balances, 100.0 AS"
              + " lost_member_points");
      table(
          out,
          st,
          "scheme_summary",
          "SELECT 'chosen' AS scheme, true AS offered, 1 AS merchants, 1 AS merchants_with_loss,"
              + " 1.0 AS share_made_whole, 0.8 AS expected_share_made_whole, 800.0 AS"
              + " total_payout");
      table(
          out,
          st,
          "backtest",
          "SELECT 'platform' AS scope, 22833438.0 AS predicted_revenue, 20700562.0 AS"
              + " actual_revenue, false AS covered, 0.29 AS median_abs_pct_error, 0.857 AS"
              + " coverage");
    }
    return new Reports()
        .renderAll(
            out, new RunInfo("test-case", null, "CNY", "2020-03-03 09:00:00 +08:00", "test"));
  }
}

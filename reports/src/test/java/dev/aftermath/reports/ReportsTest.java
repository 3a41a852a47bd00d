package dev.aftermath.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports rendered from small result tables written here with DuckDB, one of them carrying hostile
 * text where a name would be: it must come out as inert text.
 */
class ReportsTest {
  static final String HOSTILE = "<script>alert(1)</script>${7*7}<#assign x=1>=HYPERLINK(\"x\")";

  @TempDir static Path out;
  static Path index;

  static void table(Statement st, String name, String select) throws Exception {
    Path dir = out.resolve("tables").resolve(name);
    Files.createDirectories(dir);
    st.execute(
        "COPY (" + select + ") TO '" + dir.resolve("part-00000.parquet") + "' (FORMAT PARQUET)");
  }

  @BeforeAll
  static void render() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      String hostile = HOSTILE.replace("'", "''");
      table(
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
          st,
          "company_impact",
          "SELECT * FROM (VALUES ('cost_total', 2521007.56, 'CNY', ''), ('fund_total', 1.5e8,"
              + " 'CNY', ''), ('cost_share_of_fund', 0.0168, 'ratio', '')) t(metric, value, unit,"
              + " note)");
      table(
          st,
          "merchants",
          "SELECT 'M1' AS merchant_id, '" + hostile + "' AS name, 'retail' AS industry");
      table(
          st,
          "merchant_impact",
          "SELECT * FROM (VALUES ('M1', 'retail', 0.7, 12345.0, 4000.0, 800.0, 'traffic', 796.0,"
              + " 0.2, 3204.0), ('M2', 'retail', 0.2, 99999.0, 7777.0, 7777.0, 'cash', 7777.0, 1.0,"
              + " 0.0)) t(merchant_id, industry, claim_probability, lost_revenue, actual_loss,"
              + " cash_payout, chosen_scheme, chosen_payout, coverage_ratio, shortfall)");
      table(
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
          st,
          "exposure_distribution",
          "SELECT * FROM (VALUES ('foreseeable_loss', 10000, 20000.0, 5000.0, 19000.0, 27000.0,"
              + " 35000.0, 40000.0, 1.4e8, 0.0)) t(regime, draws, mean, sd, p50, p90, p99, max,"
              + " fund_remaining, probability_exceeds_fund_remaining)");
      table(
          st,
          "loss_exceedance",
          "SELECT * FROM (VALUES ('foreseeable_loss', 0.0, 1.0), ('foreseeable_loss', 20000.0,"
              + " 0.5), ('foreseeable_loss', 40000.0, 0.0)) t(regime, x, probability)");
      table(
          st,
          "scenario_assumptions",
          "SELECT 'schemes.cash.margin_rates.retail' AS key, '0.20' AS value,"
              + " 'ASSUMPTION: retail margin' AS note, true AS assumption");
    }
    index =
        new Reports()
            .renderAll(
                out, new RunInfo("test-case", null, "CNY", "2020-03-03 09:00:00 +08:00", "test"));
  }

  @Test
  void everyReportIsWrittenInBothLanguagesAndIndexed() throws Exception {
    Path dir = out.resolve("reports");
    for (String f :
        new String[] {
          "investor.en-GB.html",
          "investor.en-GB.pdf",
          "investor.zh-CN.html",
          "investor.zh-CN.pdf",
          "regulator.en-GB.html",
          "regulator.zh-CN.pdf",
          "legal.en-GB.html",
          "legal.zh-CN.pdf"
        }) {
      assertThat(dir.resolve(f)).isRegularFile();
    }
    String html = Files.readString(index, StandardCharsets.UTF_8);
    assertThat(html).contains("investor.en-GB.html").contains("investor.zh-CN.pdf");
    assertThat(Files.list(dir).filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
  }

  @Test
  void hostileTextIsEscapedAndTemplatesDoNotRunIt() throws Exception {
    String html = Files.readString(out.resolve("reports/investor.en-GB.html"));
    assertThat(html).doesNotContain("<script>alert").doesNotContain("<#assign");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;${7*7}");
    assertThat(html).doesNotContain(">49<");
    // self-contained: nothing fetched (SVG namespace names are not requests)
    assertThat(html)
        .doesNotContain("src=\"http")
        .doesNotContain("href=\"http")
        .doesNotContain("<link")
        .doesNotContain("@import")
        .doesNotContain("url(http")
        .doesNotContain("url('http")
        .doesNotContain("url(\"http");
  }

  @Test
  void aHostileMerchantNameIsInertInTheLegalReportAndItsPdf() throws Exception {
    String html = Files.readString(out.resolve("reports/legal.en-GB.html"));
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;${7*7}&lt;#assign x=1&gt;");
    assertThat(html).doesNotContain("<script>").contains("ASSUMPTION: retail margin");
    try (PDDocument pdf = Loader.loadPDF(out.resolve("reports/legal.en-GB.pdf").toFile())) {
      // shown as text (wrapped in its narrow column: compare without line breaks)
      assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s", ""))
          .contains("<script>alert(1)</script>${7*7}");
    }
  }

  @Test
  void aStatementShowsOnlyItsMerchant() throws Exception {
    Path html =
        new Reports()
            .statement(out, new RunInfo("test-case", null, "CNY", "2020-03-03", "test"), "M1");
    String text = Files.readString(html);
    assertThat(text).contains("CNY 12,345").contains("CNY 3,204").contains("&lt;script&gt;");
    assertThat(text).doesNotContain("M2").doesNotContain("99,999").doesNotContain("7,777");
    assertThat(html.resolveSibling("statement.M1.zh-CN.pdf")).isRegularFile();
  }

  @Test
  void figuresAreFormattedForTheLanguageAndNameTheirSource() throws Exception {
    String en = Files.readString(out.resolve("reports/investor.en-GB.html"));
    String zh = Files.readString(out.resolve("reports/investor.zh-CN.html"));
    assertThat(en).contains("CNY 1.00 M").contains("impact_totals.lost_revenue");
    assertThat(zh).contains("¥100.00万").contains("商家营业额损失");
  }

  @Test
  void theChinesePdfCarriesChineseText() throws Exception {
    try (PDDocument pdf = Loader.loadPDF(out.resolve("reports/investor.zh-CN.pdf").toFile())) {
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains("商家营业额损失").contains("¥100.00万");
    }
    try (PDDocument pdf = Loader.loadPDF(out.resolve("reports/investor.en-GB.pdf").toFile())) {
      assertThat(new PDFTextStripper().getText(pdf)).contains("Merchants' lost revenue");
    }
  }
}

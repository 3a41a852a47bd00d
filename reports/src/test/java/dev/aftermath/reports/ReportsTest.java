package dev.aftermath.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
  @TempDir static Path out;
  static Path index;

  @BeforeAll
  static void render() throws Exception {
    index = ReportFixture.render(out);
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
    // the override that would show "exe.jpg" is shown as its code; the long name is cut
    assertThat(html).doesNotContain("\u202E").contains("[U+202E]gpj.exe");
    assertThat(html).doesNotContain("长".repeat(300)).contains("characters)");
    try (PDDocument pdf = Loader.loadPDF(out.resolve("reports/legal.en-GB.pdf").toFile())) {
      // shown as text (wrapped in its narrow column: compare without line breaks)
      assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s", ""))
          .contains("<script>alert(1)</script>${7*7}");
    }
  }

  @Test
  void everyReportOpensWithItsScopeAndSummaryAndEndsWithTheChecks() throws Exception {
    for (String name : List.of("investor", "regulator", "legal")) {
      for (String lang : List.of("en-GB", "zh-CN")) {
        String html = Files.readString(out.resolve("reports/" + name + "." + lang + ".html"));
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(html);
        org.jsoup.nodes.Element scope = doc.selectFirst("table.scope");
        assertThat(scope).as(name + " " + lang).isNotNull();
        // the case's one merchant against the platform's 70,006 of scenario_assumptions
        assertThat(scope.text()).contains("70,006").contains("test-case");
        assertThat(doc.select("div.summary p").size()).as(name + " " + lang).isBetween(5, 8);
        assertThat(doc.select("h2").last().text())
            .isEqualTo(
                ReportRenderer.messages(
                        lang.startsWith("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.UK)
                    .get("trust.title"));
      }
    }
    String en = Files.readString(out.resolve("reports/legal.en-GB.html"));
    org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(en);
    Map<String, String> msg = ReportRenderer.messages(Locale.UK);
    Map<String, String> status = new java.util.HashMap<>();
    for (org.jsoup.nodes.Element row : doc.select("table.trust tr")) {
      if (row.select("td").size() == 4) {
        status.put(row.child(0).text(), row.child(3).text());
      }
    }
    // every evaluation row with its status as the run judged it; a failed check is shown
    assertThat(status)
        .containsEntry("total_relative_error", msg.get("trust.status.fail"))
        .containsEntry("interval_coverage", msg.get("trust.status.pass"))
        .containsEntry("merchants_compared", msg.get("trust.status.report"))
        .containsEntry(msg.get("trust.backtest_platform"), msg.get("trust.status.fail"))
        .containsEntry(msg.get("trust.backtest_coverage"), msg.get("trust.status.pass"))
        .containsEntry(msg.get("trust.placebo"), msg.get("trust.not_run"));
    assertThat(doc.select("div.summary").text())
        .contains("1 of the platform's 70,006 merchants")
        .contains("2 pass and 2 fail");
  }

  @Test
  void theRegulatorsFinalReportFieldsAreWrittenAsJsonNoneInvented() throws Exception {
    com.fasterxml.jackson.databind.JsonNode json =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(out.resolve("reports/regulator-report.json").toFile());
    java.util.Set<String> fields = new java.util.HashSet<>();
    for (com.fasterxml.jackson.databind.JsonNode f : json.get("fields")) {
      fields.add(f.get("field").asText());
      if (!f.get("available").asBoolean()) {
        // the fixture has no facts file: root cause and the like are not in the case
        assertThat(f.get("value").isNull()).isTrue();
        assertThat(f.get("note").asText()).isEqualTo("not in the case data");
      }
    }
    assertThat(fields)
        .contains(
            "classification",
            "root_cause",
            "time_detection",
            "time_data_restored",
            "clients_affected",
            "data_losses",
            "economic_impact",
            "recurrence",
            "remediation");
    assertThat(json.get("fields").findValues("field").toString()).contains("root_cause");
    Map<String, com.fasterxml.jackson.databind.JsonNode> costs = new java.util.HashMap<>();
    for (com.fasterxml.jackson.databind.JsonNode c : json.get("economic_impact")) {
      costs.put(c.get("category").asText(), c);
    }
    assertThat(costs).hasSize(FinalIncidentReport.COST_CATEGORIES.size());
    // customer redress is company_impact.cost_total; staff costs are not in the case data
    assertThat(costs.get("customer_redress").get("amount").asDouble()).isEqualTo(2521007.56);
    assertThat(costs.get("staff_costs").get("amount").isNull()).isTrue();
    String zh = Files.readString(out.resolve("reports/regulator.zh-CN.html"));
    assertThat(zh).contains("重大事件最终报告").contains("案例数据中没有");
  }

  @Test
  void eachReportLinksToItsOtherLanguageTheIndexAndTheMethods() throws Exception {
    String en = Files.readString(out.resolve("reports/legal.en-GB.html"));
    assertThat(en)
        .contains("href=\"legal.zh-CN.html\"")
        .contains("href=\"index.html\"")
        .contains("href=\"methods.html\"");
    assertThat(Files.readString(out.resolve("reports/investor.zh-CN.html")))
        .contains("href=\"investor.en-GB.html\"");
    String methods = Files.readString(out.resolve("reports/methods.html"));
    assertThat(methods).contains("<h2>").contains("<table>").contains("Liability exposure");
    String index = Files.readString(out.resolve("reports/index.html"));
    assertThat(index).contains("methods.html").contains("statements/statement.M1.en-GB.html");
    assertThat(out.resolve("reports/statements/statement.M1.zh-CN.html")).exists();
  }

  @Test
  void everyPdfPageCarriesItsNumberAndTheRunningHeader() throws Exception {
    for (String name : List.of("investor", "regulator", "legal")) {
      for (String lang : List.of("en-GB", "zh-CN")) {
        try (PDDocument pdf =
            Loader.loadPDF(out.resolve("reports/" + name + "." + lang + ".pdf").toFile())) {
          int pages = pdf.getNumberOfPages();
          PDFTextStripper strip = new PDFTextStripper();
          for (int p = 1; p <= pages; p++) {
            strip.setStartPage(p);
            strip.setEndPage(p);
            String text = strip.getText(pdf);
            assertThat(text).as(name + " " + lang + " page " + p).contains(p + " / " + pages);
            assertThat(text).as(name + " " + lang + " page " + p).contains("test-case");
          }
        }
      }
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
    for (String lang : new String[] {"en-GB", "zh-CN"}) {
      try (PDDocument pdf =
          Loader.loadPDF(html.resolveSibling("statement.M1." + lang + ".pdf").toFile())) {
        assertThat(pdf.getNumberOfPages()).as("pages of the %s statement", lang).isEqualTo(1);
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyHeadlineFigureIsTheValueOfTheTableColumnItNames() throws Exception {
    Formats f = new Formats(java.util.Locale.UK, "CNY");
    // sources may break after _ and . (zero-width spaces) so that long names wrap in their cell
    String html =
        Files.readString(out.resolve("reports/investor.en-GB.html")).replace("\u200B", "");
    try (ResultTables tables = new ResultTables(out)) {
      var model = InvestorReport.model(tables, f, ReportRenderer.messages(java.util.Locale.UK));
      var headline = (java.util.List<Figure>) model.get("headline");
      assertThat(headline).isNotEmpty();
      for (Figure fig : headline) {
        String[] source = fig.source().split("\\.");
        var t = tables.table(source[0]);
        int row = t.containsColumn("scope") ? Rows.find(t, "scope", "platform") : 0;
        assertThat(row).isNotNegative();
        double v = Rows.num(t, row, source[1]);
        assertThat(fig.value()).isIn(f.money(v), f.count(v));
        assertThat(html).contains(fig.value()).contains(fig.source());
      }
    }
  }

  @Test
  void figuresAreFormattedForTheLanguageAndNameTheirSource() throws Exception {
    String en = Files.readString(out.resolve("reports/investor.en-GB.html")).replace("\u200B", "");
    String zh = Files.readString(out.resolve("reports/investor.zh-CN.html"));
    assertThat(en).contains("CNY 1.00 M").contains("impact_totals.lost_revenue");
    assertThat(zh).contains("100.00万元").contains("商家营业额损失");
  }

  @Test
  void theChinesePdfCarriesChineseText() throws Exception {
    try (PDDocument pdf = Loader.loadPDF(out.resolve("reports/investor.zh-CN.pdf").toFile())) {
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains("商家营业额损失").contains("100.00万元");
    }
    try (PDDocument pdf = Loader.loadPDF(out.resolve("reports/investor.en-GB.pdf").toFile())) {
      assertThat(new PDFTextStripper().getText(pdf)).contains("Merchants' lost revenue");
    }
  }
}

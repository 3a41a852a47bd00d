package dev.aftermath.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    String html = Files.readString(out.resolve("reports/investor.en-GB.html"));
    try (ResultTables tables = new ResultTables(out)) {
      var model = InvestorReport.model(tables, f, ReportRenderer.messages(java.util.Locale.UK));
      var headline = (java.util.List<Figure>) model.get("headline");
      assertThat(headline).isNotEmpty();
      for (Figure fig : headline) {
        String[] source = fig.source().split("\\.");
        var t = tables.table(source[0]);
        int row = t.containsColumn("scope") ? Rows.find(t, "scope", "platform") : 0;
        assertThat(row).isNotNegative();
        assertThat(fig.value()).isEqualTo(f.money(Rows.num(t, row, source[1])));
        assertThat(html).contains(fig.value()).contains(fig.source());
      }
    }
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

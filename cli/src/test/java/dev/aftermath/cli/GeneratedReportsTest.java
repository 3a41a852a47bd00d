package dev.aftermath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftermath.GeneratedRuns;
import dev.aftermath.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.junit.jupiter.api.Test;

/**
 * The reports of the generated run (jobs' GeneratedRuns): they name no end customer, open with a
 * scope block that matches the case, end with every check the run made, list every setting the run
 * used, and the Chinese ones carry no English outside codes, names and units.
 */
class GeneratedReportsTest extends SparkTestBase {
  @Test
  void noReportNamesAnEndCustomer() throws Exception {
    Path dir = GeneratedRuns.dir(spark);
    RenderedReports.of(dir.resolve("out"));
    java.util.Set<String> customers = new java.util.HashSet<>();
    for (Row r :
        spark
            .read()
            .parquet(dir.resolve("case/orders").toString())
            .select("customer_id")
            .distinct()
            .filter("customer_id is not null")
            .collectAsList()) {
      customers.add(r.getString(0));
    }
    assertThat(customers).hasSizeGreaterThan(1000);
    Pattern token = Pattern.compile("[A-Za-z0-9_-]+");
    List<Path> files = htmlReports(dir);
    assertThat(files).anyMatch(p -> p.toString().endsWith("legal.zh-CN.html"));
    List<String> found = new ArrayList<>();
    for (Path f : files) {
      Matcher m = token.matcher(Files.readString(f));
      while (m.find()) {
        if (customers.contains(m.group())) {
          found.add(f.getFileName() + ": " + m.group());
        }
      }
    }
    assertThat(found).as("customer ids in the reports").isEmpty();
  }

  /** Words a Chinese report may carry: units, statistics, the engine's and outside names. */
  static final Set<String> ALLOWED =
      Set.of(
          "CNY",
          "HKD",
          "USD",
          "UTC",
          "SHA",
          "METHODS",
          "aftermath",
          "SNAPSHOT",
          "Spark",
          "Java",
          "SaaS",
          "HKEX",
          "HSI",
          "CEO",
          "CTO",
          "MacKinlay",
          "max",
          "ln",
          "run",
          "DORA",
          "PDF",
          "IP",
          "HTML",
          "JSON");

  /**
   * The English words of a Chinese report's visible text: outside code ({@code code}, {@code
   * .src}), merchant names ({@code .name}) and titles in 《》; a token with a digit, an underscore, a
   * dot or a slash is a code, a single letter a symbol.
   */
  static List<String> englishWords(Document doc) {
    List<String> words = new ArrayList<>();
    Matcher m =
        Pattern.compile("[A-Za-z][A-Za-z0-9_./\\-]*")
            .matcher(visibleText(doc).replaceAll("《[^》]*》", ""));
    while (m.find()) {
      String w = m.group();
      if (w.length() > 1 && !w.matches(".*[0-9_./].*") && !ALLOWED.contains(w)) {
        words.add(w);
      }
    }
    return words;
  }

  /** The visible text outside code, sources and merchant names. */
  static String visibleText(Document doc) {
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse(
        (node, depth) -> {
          if (!(node instanceof TextNode t)) {
            return;
          }
          for (Element e = (Element) t.parent(); e != null; e = e.parent()) {
            if (Set.of("code", "style", "script", "title").contains(e.tagName())
                || e.hasClass("src")
                || e.hasClass("name")) {
              return;
            }
          }
          out.append(t.text()).append('\n');
        },
        doc.body());
    return out.toString();
  }

  @Test
  void chineseReportsCarryNoEnglishOutsideCodesNamesAndUnits() throws Exception {
    Path dir = GeneratedRuns.dir(spark);
    RenderedReports.of(dir.resolve("out"));
    Map<String, List<String>> found = new HashMap<>();
    for (Path f : htmlReports(dir)) {
      if (f.getFileName().toString().contains(".zh-CN.")) {
        List<String> words = englishWords(Jsoup.parse(Files.readString(f)));
        if (!words.isEmpty()) {
          found.put(f.getFileName().toString(), words);
        }
      }
    }
    assertThat(found).as("English words in the Chinese reports").isEmpty();
    // one word for merchant, and full-width punctuation beside Chinese text
    Pattern halfWidth = Pattern.compile("[\\u4e00-\\u9fff][:;,]|[:;,][\\u4e00-\\u9fff]");
    for (Path f : htmlReports(dir)) {
      if (f.getFileName().toString().contains(".zh-CN.")) {
        String text = visibleText(Jsoup.parse(Files.readString(f)));
        assertThat(text).as(f.getFileName().toString()).doesNotContain("商户");
        Matcher m = halfWidth.matcher(text);
        assertThat(m.find()).as(f.getFileName() + ": " + (m.hitEnd() ? "" : m.group())).isFalse();
      }
    }
    // the checker itself finds English where there is some
    assertThat(englishWords(Jsoup.parse("<p>损失 <b>total outage</b> <code>run</code> M0001</p>")))
        .containsExactly("total", "outage");
  }

  @Test
  void theScopeBlockStatesTheCasesMerchantsAgainstThePlatform() throws Exception {
    Path dir = GeneratedRuns.dir(spark);
    RenderedReports.of(dir.resolve("out"));
    long merchants = spark.read().parquet(dir.resolve("out/tables/merchants").toString()).count();
    String inCase = String.format(java.util.Locale.US, "%,d", merchants);
    for (String name : List.of("investor", "regulator", "legal")) {
      Document doc =
          Jsoup.parse(Files.readString(dir.resolve("out/reports/" + name + ".en-GB.html")));
      Map<String, String> scope = new HashMap<>();
      for (Element row : doc.select("table.scope tr")) {
        scope.put(row.child(0).text(), row.child(1).text());
      }
      assertThat(scope.get("Merchants in the case")).as(name).isEqualTo(inCase);
      assertThat(scope.get("Merchants on the platform")).as(name).startsWith("70,006");
      assertThat(scope.get("Data")).as(name).startsWith("generated");
      assertThat(doc.select("div.summary p").text())
          .as(name)
          .contains(inCase + " of the platform's 70,006 merchants");
    }
  }

  @Test
  void theTrustSectionListsEveryEvaluationRowWithItsStatus() throws Exception {
    Path dir = GeneratedRuns.dir(spark);
    RenderedReports.of(dir.resolve("out"));
    Document doc = Jsoup.parse(Files.readString(dir.resolve("out/reports/investor.en-GB.html")));
    Map<String, String> shown = new HashMap<>();
    String group = "";
    for (Element row : doc.select("table.trust tr")) {
      if (row.hasClass("group")) {
        group = row.text();
      } else if (row.select("td").size() == 4) {
        shown.put(group + "." + row.child(0).text(), row.child(3).text());
      }
    }
    int failed = 0;
    for (String table : List.of("impact_evaluation", "defection_evaluation")) {
      List<Row> rows =
          spark
              .read()
              .parquet(dir.resolve("out/tables/" + table).toString())
              .select("metric", "status")
              .collectAsList();
      assertThat(rows).isNotEmpty();
      for (Row r : rows) {
        String status = r.getString(1);
        String label = "pass".equals(status) ? "pass" : "fail".equals(status) ? "FAIL" : "reported";
        assertThat(shown).containsEntry(table + "." + r.getString(0), label);
        failed += "fail".equals(status) ? 1 : 0;
      }
    }
    assertThat(doc.select("td.fail").size()).isGreaterThanOrEqualTo(failed);
  }

  @Test
  void everyValueTheRunUsedIsInTheLegalAssumptions() throws Exception {
    Path dir = GeneratedRuns.dir(spark);
    RenderedReports.of(dir.resolve("out"));
    Document doc = Jsoup.parse(Files.readString(dir.resolve("out/reports/legal.en-GB.html")));
    String text = doc.text();
    List<Row> settings =
        spark
            .read()
            .parquet(dir.resolve("out/tables/scenario_assumptions").toString())
            .select("key", "origin")
            .collectAsList();
    assertThat(settings).anyMatch(r -> "engine default".equals(r.getString(1)));
    for (String key :
        List.of(
            "defection.grace_days",
            "defection.value_horizon_months",
            "defection.annual_discount_rate",
            "liability.claims.signals",
            "liability.contract_cap_months")) {
      assertThat(settings).as(key).anyMatch(r -> key.equals(r.getString(0)));
    }
    for (Row r : settings) {
      assertThat(text).as(r.getString(0)).contains(r.getString(0));
    }
    // the law in force on the outage's first day (23 Feb 2020): the Contract Law
    assertThat(doc.select("table.law").text()).contains("Contract Law").doesNotContain("art. 584");
  }

  private static List<Path> htmlReports(Path dir) throws Exception {
    try (var s = Files.walk(dir.resolve("out/reports"))) {
      return s.filter(p -> p.toString().endsWith(".html")).toList();
    }
  }

  @Test
  void aTableThatRunsOntoAnotherPdfPageRepeatsItsHeaderThereAndNoHeaderIsStranded()
      throws Exception {
    Path dir = GeneratedRuns.dir(spark);
    RenderedReports.of(dir.resolve("out"));
    Path pdf = dir.resolve("out").resolve("reports").resolve("legal.en-GB.pdf");
    // the two long tables of the legal report, each between its heading and the next: a pattern
    // of its rows and its header, as PDF text lines
    List<List<String>> tables =
        List.of(
            List.of(
                "Largest expected exposures and their evidence",
                "Method and assumptions",
                "^\\d{1,2} M\\d{6}\\b.*",
                "# Merchant Industry Claimable Payout"),
            List.of(
                "Method and assumptions",
                "What the case does not cover",
                "^(schemes|defection|liability|platform|analysis)\\.\\S+ .*",
                "Setting Value Source or assumption"));
    List<String> problems = new ArrayList<>();
    int continued = 0;
    try (org.apache.pdfbox.pdmodel.PDDocument doc =
        org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
      boolean[] inside = new boolean[tables.size()];
      for (int p = 1; p <= doc.getNumberOfPages(); p++) {
        org.apache.pdfbox.text.PDFTextStripper strip = new org.apache.pdfbox.text.PDFTextStripper();
        strip.setSortByPosition(true);
        strip.setStartPage(p);
        strip.setEndPage(p);
        List<String> lines =
            Stream.of(strip.getText(doc).split("\\R"))
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
        for (int t = 0; t < tables.size(); t++) {
          List<String> table = tables.get(t);
          int from = inside[t] ? 0 : lines.indexOf(table.get(0));
          if (from < 0) {
            continue;
          }
          int to = lines.indexOf(table.get(1));
          inside[t] = to < 0;
          List<String> part = lines.subList(from, to < 0 ? lines.size() : to);
          Pattern row = Pattern.compile(table.get(2));
          String header = table.get(3);
          int firstRow = -1;
          int headerAt = -1;
          for (int k = 0; k < part.size(); k++) {
            if (firstRow < 0 && row.matcher(part.get(k)).matches()) {
              firstRow = k;
            }
            if (part.get(k).startsWith(header)) {
              headerAt = k;
            }
          }
          if (firstRow >= 0 && (headerAt < 0 || headerAt > firstRow)) {
            problems.add("page " + p + ": rows without the header '" + header + "'");
          }
          if (headerAt >= 0 && firstRow < 0) {
            problems.add("page " + p + ": the header '" + header + "' without a row under it");
          }
          // line 0 is the running header: a table continued from the page before starts at line 1
          if (from == 0 && firstRow >= 0 && lines.size() > 1 && lines.get(1).startsWith(header)) {
            continued++;
          }
        }
      }
    }
    assertThat(problems).as("tables across the pages of " + pdf.getFileName()).isEmpty();
    // the check saw at least one table continued at the top of a page
    assertThat(continued).isGreaterThan(0);
  }
}

package dev.aftermath.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders every report of a run from its result tables into {@code OUT/reports/}: each report in
 * English and Chinese, as self-contained HTML and as PDF, and an {@code index.html} linking them.
 * Files are written aside and moved into place, the index last, so a reader never opens a partial
 * report.
 */
public final class Reports {
  public static final List<Locale> LANGUAGES = List.of(Locale.UK, Locale.SIMPLIFIED_CHINESE);

  /** The run's tables the reports read; a run that renders reports must have written them. */
  public static final List<String> TABLES_READ =
      List.of(
          "merchants",
          "case_notes",
          "scenario_assumptions",
          "incident_timeline",
          "merchant_day_counterfactual",
          "impact_totals",
          "defection_totals",
          "merchant_impact",
          "scheme_fairness",
          "exposure_distribution",
          "loss_exceedance",
          "top_exposures",
          "company_impact");

  /** The placebo's table: written only by a run with a placebo stage. */
  public static final String PLACEBO_TABLE = "placebo_totals";

  /** The table of {@code run --with-sensitivity}, which the reports read only when it ran. */
  public static final String SENSITIVITY_TABLE = "assumption_sensitivity";

  /** Tables the reports show when the run has them. */
  public static final List<String> TABLES_READ_IF_PRESENT =
      List.of(
          "churn_signals",
          "event_study",
          "share_path",
          "scheme_frontier",
          "scheme_summary",
          "exposure_sensitivity",
          "backtest",
          PLACEBO_TABLE,
          SENSITIVITY_TABLE,
          "impact_evaluation",
          "defection_evaluation");

  /** One rendered report, as listed in the index. */
  public record Entry(String title, String html, String pdf) {}

  private final ReportRenderer renderer = new ReportRenderer();
  private final PdfRenderer pdf = new PdfRenderer();

  /**
   * Renders all reports; returns the index's path. The case's name and the rendering time go on
   * every page (the time is the single line that differs between two runs of the same case).
   */
  public Path renderAll(Path out, RunInfo run) {
    String caseName = run.caseName();
    String currency = run.currency();
    String generatedAt = run.generatedAt();
    Path dir = out.resolve("reports");
    List<Entry> entries = new ArrayList<>();
    List<PdfJob> pdfs = new ArrayList<>();
    try (ResultTables tables = declaredTables(out)) {
      Files.createDirectories(dir);
      Facts facts = Facts.of(run.caseFiles());
      Settings settings = Settings.of(tables);
      CaseShare share = CaseShare.of(tables, settings);
      for (Locale locale : LANGUAGES) {
        Map<String, String> msg = ReportRenderer.messages(locale);
        Formats f = new Formats(locale, currency);
        Map<String, Object> common = common(tables, run, settings, share, f, msg);
        Map<String, Object> investor = new LinkedHashMap<>(common);
        investor.putAll(InvestorReport.model(tables, f, msg));
        investor.put("facts", facts.rows(f, msg));
        bridge(tables, facts, settings, share, f, msg).ifPresent(b -> investor.put("bridge", b));
        Map<String, Object> regulator = new LinkedHashMap<>(common);
        regulator.putAll(RegulatorReport.model(tables, f, msg));
        FinalIncidentReport finalReport =
            FinalIncidentReport.of(tables, facts.incident(), facts.remediation(f), share, f, msg);
        regulator.put("finalReport", finalReport);
        if (locale.equals(Locale.UK)) {
          writeJson(dir, finalReport, scopeRows(common), run.currency());
        }
        regulator.put("remediation", facts.remediation(f));
        List<List<String>> caseNotes = CaseNotesView.rows(tables, f, msg);
        regulator.put("caseNotes", caseNotes);
        Map<String, Object> legal = new LinkedHashMap<>(common);
        legal.putAll(LegalReport.model(tables, f, msg, out, run, facts.legalBases()));
        legal.put("caseNotes", caseNotes);
        entries.add(
            write(
                dir,
                "investor",
                locale,
                msg.get("investor.title"),
                investor,
                caseName,
                generatedAt,
                pdfs));
        entries.add(
            write(
                dir,
                "regulator",
                locale,
                msg.get("regulator.title"),
                regulator,
                caseName,
                generatedAt,
                pdfs));
        entries.add(
            write(
                dir, "legal", locale, msg.get("legal.title"), legal, caseName, generatedAt, pdfs));
      }
      // the statements' PDFs are left to the statement command: 100 more PDFs would double the
      // time the reports take
      List<Entry> statements = topStatements(tables, run, dir, new ArrayList<>());
      renderPdfs(pdfs);
      atomically(
          dir.resolve(MethodsPage.FILE),
          MethodsPage.html(MethodsPage.markdown()).getBytes(StandardCharsets.UTF_8));
      Map<String, Object> index = new LinkedHashMap<>();
      index.put("reports", entries);
      index.put("statements", statements);
      index.put("caseName", caseName);
      index.put("generatedAt", generatedAt);
      String html = renderer.render("index.ftlh", Locale.UK, index);
      Path target = dir.resolve("index.html");
      atomically(target, html.getBytes(StandardCharsets.UTF_8));
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write reports to " + dir, e);
    }
  }

  private Entry write(
      Path dir,
      String name,
      Locale locale,
      String title,
      Map<String, Object> model,
      String caseName,
      String generatedAt,
      List<PdfJob> pdfs)
      throws IOException {
    model.put("caseName", caseName);
    model.put("generatedAt", generatedAt);
    String base = name + "." + locale.toLanguageTag();
    Locale other = LANGUAGES.get((LANGUAGES.indexOf(locale) + 1) % LANGUAGES.size());
    model.put("otherLanguageHref", name + "." + other.toLanguageTag() + ".html");
    model.put("methodsHref", MethodsPage.FILE);
    String html = renderer.render(name + ".ftlh", locale, model);
    atomically(dir.resolve(base + ".html"), html.getBytes(StandardCharsets.UTF_8));
    pdfs.add(new PdfJob(dir.resolve(base + ".pdf"), html, "zh".equals(locale.getLanguage())));
    return new Entry(title, base + ".html", base + ".pdf");
  }

  /**
   * What opens and closes every report: the scope block, the summary in prose and "How far to trust
   * these figures".
   */
  static Map<String, Object> common(
      ResultTables tables,
      RunInfo run,
      Settings settings,
      CaseShare share,
      Formats f,
      Map<String, String> msg) {
    TrustView trust = TrustView.of(tables, f, msg);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scope", ScopeView.of(tables, settings, share, trust.generated(), run, f, msg).rows());
    m.put("summary", SummaryView.of(tables, settings, share, trust, f, msg).sentences());
    String primary = settings.get("liability.primary_regime", "foreseeable_loss");
    m.put("primaryRegime", msg.getOrDefault("regime." + primary, primary));
    m.put("trustChecks", trust.checks());
    m.put("trustGenerated", trust.generated());
    m.put("trustSummary", trust.tally(f, msg));
    return m;
  }

  /**
   * The investor's bridge, when the run has {@code company_impact} and an incident timeline; the
   * compensation month from the facts file's milestone, else the outage's last day.
   */
  private static java.util.Optional<FinancialBridge> bridge(
      ResultTables tables,
      Facts facts,
      Settings settings,
      CaseShare share,
      Formats f,
      Map<String, String> msg) {
    if (!tables.has("company_impact") || !tables.has("incident_timeline")) {
      return java.util.Optional.empty();
    }
    tech.tablesaw.api.Table t = tables.table("incident_timeline", "phase");
    int w = Math.max(0, Rows.find(t, "phase", "0"));
    java.time.LocalDate start = LegalReport.incidentDay(t);
    java.time.LocalDate end = java.time.LocalDate.parse(Rows.text(t, w, "to").substring(0, 10));
    IncidentFacts.Milestone paid = facts.incident().milestone("compensation");
    java.time.LocalDate compensation =
        paid == null ? end : java.time.LocalDate.parse(paid.at().substring(0, 10));
    Double revenue = null;
    for (Facts.Fact fact : facts.facts()) {
      if ("revenue_2018".equals(fact.key()) && fact.value() instanceof Number n) {
        revenue = n.doubleValue();
      }
    }
    return java.util.Optional.of(
        FinancialBridge.of(
            Rows.metrics(tables.table("company_impact")),
            settings,
            share,
            compensation,
            start,
            revenue,
            f,
            msg));
  }

  /**
   * The regulator's final-report fields as {@code regulator-report.json}, in English, with the
   * English reports' scope block.
   */
  private static void writeJson(
      Path dir, FinalIncidentReport report, List<List<String>> scope, String currency)
      throws IOException {
    com.fasterxml.jackson.databind.ObjectMapper mapper =
        new com.fasterxml.jackson.databind.ObjectMapper();
    atomically(
        dir.resolve("regulator-report.json"),
        mapper
            .writerWithDefaultPrettyPrinter()
            .writeValueAsBytes(report.json(mapper, scope, currency)));
  }

  /** The scope block's rows that {@link #common} put in a report's model. */
  @SuppressWarnings("unchecked")
  private static List<List<String>> scopeRows(Map<String, Object> common) {
    return (List<List<String>>) common.get("scope");
  }

  /** One report's PDF to render from its HTML. */
  private record PdfJob(Path target, String html, boolean chinese) {}

  /**
   * Renders the PDFs on up to as many threads as there are cores (each with its own renderer
   * state); the first failure, if any, is rethrown once all have ended.
   */
  private void renderPdfs(List<PdfJob> jobs) throws IOException {
    int threads = Math.max(1, Math.min(jobs.size(), Runtime.getRuntime().availableProcessors()));
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      List<java.util.concurrent.Future<?>> done = new ArrayList<>();
      for (PdfJob j : jobs) {
        done.add(
            pool.submit(
                () -> {
                  atomically(j.target(), pdf.render(j.html(), j.chinese()));
                  return null;
                }));
      }
      for (java.util.concurrent.Future<?> f : done) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof IOException io) {
            throw io;
          }
          if (cause instanceof RuntimeException r) {
            throw r;
          }
          throw new IllegalStateException("cannot render a PDF", cause);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while rendering the PDFs", e);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The run's tables, limited to those the reports declare they read. */
  private static ResultTables declaredTables(Path out) {
    List<String> declared = new ArrayList<>(TABLES_READ);
    declared.addAll(TABLES_READ_IF_PRESENT);
    return new ResultTables(out, declared);
  }

  /**
   * One merchant's compensation statement in both languages, HTML and PDF, under {@code
   * OUT/reports/statements/}; returns the English HTML's path.
   */
  public Path statement(Path out, RunInfo run, String merchantId) {
    Path dir = out.resolve("reports").resolve("statements");
    try (ResultTables tables = declaredTables(out)) {
      Files.createDirectories(dir);
      List<PdfJob> pdfs = new ArrayList<>();
      List<Entry> written = statements(tables, run, merchantId, null, dir, pdfs);
      renderPdfs(pdfs);
      return dir.resolve(written.get(0).html());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the statement to " + dir, e);
    }
  }

  /**
   * Writes one merchant's statement HTML in each language into {@code dir} and queues its PDFs;
   * returns one entry per language (file names relative to {@code dir}).
   */
  private List<Entry> statements(
      ResultTables tables,
      RunInfo run,
      String merchantId,
      tech.tablesaw.api.Table days,
      Path dir,
      List<PdfJob> pdfs)
      throws IOException {
    List<Entry> entries = new ArrayList<>();
    for (Locale locale : LANGUAGES) {
      Map<String, String> msg = ReportRenderer.messages(locale);
      Formats f = new Formats(locale, run.currency());
      Map<String, Object> model =
          new LinkedHashMap<>(
              days == null
                  ? StatementReport.model(tables, f, msg, merchantId)
                  : StatementReport.model(tables, f, msg, merchantId, days));
      model.put("caseName", run.caseName());
      model.put("generatedAt", run.generatedAt());
      String html = renderer.render("statement.ftlh", locale, model);
      String base = "statement." + safeName(merchantId) + "." + locale.toLanguageTag();
      atomically(dir.resolve(base + ".html"), html.getBytes(StandardCharsets.UTF_8));
      pdfs.add(new PdfJob(dir.resolve(base + ".pdf"), html, "zh".equals(locale.getLanguage())));
      entries.add(new Entry(merchantId, base + ".html", base + ".pdf"));
    }
    return entries;
  }

  /**
   * The statements of the merchants in {@code top_exposures} (its {@code liability.top_n} largest
   * expected exposures, by rank), English then Chinese each; their PDFs join {@code pdfs}. Index
   * entries point into {@code statements/} (HTML only when the PDFs are not rendered).
   */
  private List<Entry> topStatements(ResultTables tables, RunInfo run, Path dir, List<PdfJob> pdfs)
      throws IOException {
    List<Entry> entries = new ArrayList<>();
    if (!tables.has("top_exposures")) {
      return entries;
    }
    Path statements = Files.createDirectories(dir.resolve("statements"));
    tech.tablesaw.api.Table top = tables.table("top_exposures", "rank");
    // one read of their daily rows for all of them
    java.util.Map<String, tech.tablesaw.api.Table> days = new java.util.HashMap<>();
    if (tables.has("merchant_day_counterfactual") && top.rowCount() > 0) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < top.rowCount(); i++) {
        ids.add(Rows.text(top, i, "merchant_id"));
      }
      tech.tablesaw.api.Table all =
          tables.query(
              "merchant_day_counterfactual",
              "merchant_id IN (" + ResultTables.literals(ids) + ")",
              "merchant_id, date");
      for (tech.tablesaw.api.Table t : all.splitOn("merchant_id").asTableList()) {
        days.put(Rows.text(t, 0, "merchant_id"), t);
      }
    }
    for (int i = 0; i < top.rowCount(); i++) {
      String id = Rows.text(top, i, "merchant_id");
      tech.tablesaw.api.Table mine =
          days.getOrDefault(
              id,
              tables.has("merchant_day_counterfactual")
                  ? tables.query("merchant_day_counterfactual", "false", "date")
                  : null);
      for (Entry e : statements(tables, run, id, mine, statements, pdfs)) {
        entries.add(
            new Entry(
                "#"
                    + (i + 1)
                    + " "
                    + id
                    + " ("
                    + e.html().replaceAll(".*\\.([a-zA-Z-]+)\\.html$", "$1")
                    + ")",
                "statements/" + e.html(),
                "statements/" + e.pdf()));
      }
    }
    return entries;
  }

  /** A merchant id as part of a file name: letters, digits, - and _ only. */
  static String safeName(String id) {
    return id.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  static void atomically(Path target, byte[] content) throws IOException {
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
    Files.write(tmp, content);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}

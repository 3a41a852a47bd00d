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

  /** Tables the reports show when the run has them. */
  public static final List<String> TABLES_READ_IF_PRESENT =
      List.of("churn_signals", "event_study", "share_path", "scheme_frontier");

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
      for (Locale locale : LANGUAGES) {
        Map<String, String> msg = ReportRenderer.messages(locale);
        Formats f = new Formats(locale, currency);
        Map<String, Object> investor = new LinkedHashMap<>(InvestorReport.model(tables, f, msg));
        investor.put("facts", facts.rows(f, msg));
        Map<String, Object> regulator = new LinkedHashMap<>(RegulatorReport.model(tables, f, msg));
        regulator.put("remediation", facts.remediation());
        List<List<String>> caseNotes = CaseNotesView.rows(tables, f, msg);
        regulator.put("caseNotes", caseNotes);
        Map<String, Object> legal =
            new LinkedHashMap<>(LegalReport.model(tables, f, msg, out, run));
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
      renderPdfs(pdfs);
      Map<String, Object> index = new LinkedHashMap<>();
      index.put("reports", entries);
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
    String html = renderer.render(name + ".ftlh", locale, model);
    String base = name + "." + locale.toLanguageTag();
    atomically(dir.resolve(base + ".html"), html.getBytes(StandardCharsets.UTF_8));
    pdfs.add(new PdfJob(dir.resolve(base + ".pdf"), html, "zh".equals(locale.getLanguage())));
    return new Entry(title, base + ".html", base + ".pdf");
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
    Path first = null;
    try (ResultTables tables = declaredTables(out)) {
      Files.createDirectories(dir);
      for (Locale locale : LANGUAGES) {
        Map<String, String> msg = ReportRenderer.messages(locale);
        Map<String, Object> model =
            new LinkedHashMap<>(
                StatementReport.model(
                    tables, new Formats(locale, run.currency()), msg, merchantId));
        model.put("caseName", run.caseName());
        model.put("generatedAt", run.generatedAt());
        String html = renderer.render("statement.ftlh", locale, model);
        String base = "statement." + safeName(merchantId) + "." + locale.toLanguageTag();
        atomically(dir.resolve(base + ".html"), html.getBytes(StandardCharsets.UTF_8));
        atomically(dir.resolve(base + ".pdf"), pdf.render(html, "zh".equals(locale.getLanguage())));
        if (first == null) {
          first = dir.resolve(base + ".html");
        }
      }
      return first;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the statement to " + dir, e);
    }
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

package dev.aftermath.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aftermath.company.CompanyImpactJob;
import dev.aftermath.daily.MerchantDayJob;
import dev.aftermath.defection.CustomerDefectionJob;
import dev.aftermath.exposure.LiabilityExposureJob;
import dev.aftermath.impact.LostRevenueJob;
import dev.aftermath.ingest.CaseLayout;
import dev.aftermath.ingest.FileCounts;
import dev.aftermath.ingest.IngestJob;
import dev.aftermath.ingest.IngestResult;
import dev.aftermath.ingest.QuarantinedRow;
import dev.aftermath.io.OutputLayout;
import dev.aftermath.io.TableWriter;
import dev.aftermath.reports.Reports;
import dev.aftermath.reports.RunInfo;
import dev.aftermath.scenario.Scenario;
import dev.aftermath.schemes.PayoutSchemesJob;
import dev.aftermath.spark.Progress;
import dev.aftermath.spark.SparkSettings;
import dev.aftermath.spark.StageMetrics;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;

/**
 * The stages of a run, in order, over one SparkSession: ingestion, then (for a full run) the
 * merchant-day table. Writes {@code run-summary.json} last: a run is complete only if it exists.
 */
public final class Pipeline {
  private final SparkSession spark;
  private final CaseLayout layout;
  private final OutputLayout out;
  private final double maxQuarantinedPct;
  private final PrintStream err;

  public Pipeline(
      SparkSession spark,
      CaseLayout layout,
      OutputLayout out,
      double maxQuarantinedPct,
      PrintStream err) {
    this.spark = spark;
    this.layout = layout;
    this.out = out;
    this.maxQuarantinedPct = maxQuarantinedPct;
    this.err = err;
  }

  /** Ingestion only. */
  public RunSummary validate(String casePath) {
    return execute(casePath, false);
  }

  /** Every stage. */
  public RunSummary run(String casePath) {
    return execute(casePath, true);
  }

  private RunSummary execute(String casePath, boolean allStages) {
    TableWriter writer = new TableWriter(spark, out);
    writer.remove(out.runSummary());
    writer.remove(out.manifest());
    long start = System.nanoTime();
    try (Progress progress = new Progress(spark, err, Duration.ofSeconds(10))) {
      IngestResult ingest = new IngestJob(spark, layout, writer, progress, maxQuarantinedPct).run();
      Map<String, Long> tables = new LinkedHashMap<>(ingest.tablesWritten());
      tables.put(
          "case_notes",
          progress.stage(
              "case notes",
              () ->
                  writer.result(
                      "case_notes",
                      CaseNotes.of(
                          spark,
                          layout.scenario(),
                          writer.read("merchants"),
                          writer.read("orders"),
                          writer.exists("industry_index")
                              ? writer.read("industry_index")
                              : null))));
      List<String> notes = CaseNotes.lines(writer.read("case_notes"));
      if (allStages) {
        if (layout.scenarioText() != null) {
          tables.put(
              "scenario_assumptions",
              writer.result(
                  "scenario_assumptions",
                  ScenarioTables.assumptions(spark, layout.scenarioText())));
        }
        tables.put(
            "incident_timeline",
            writer.result("incident_timeline", ScenarioTables.timeline(spark, layout.scenario())));
        tables.putAll(new MerchantDayJob(spark, layout.scenario(), writer, progress).run());
        boolean placebo = layout.scenario().isPlacebo();
        tables.putAll(
            new CustomerDefectionJob(
                    spark,
                    layout.scenario(),
                    writer,
                    progress,
                    placebo ? Optional.empty() : truthBeside(casePath, "customer_truth"))
                .run());
        tables.putAll(
            new LostRevenueJob(
                    spark,
                    layout.scenario(),
                    writer,
                    progress,
                    placebo ? Optional.empty() : truthBeside(casePath, "merchant_truth"))
                .run());
        tables.putAll(new PayoutSchemesJob(spark, layout.scenario(), writer, progress).run());
        tables.putAll(new LiabilityExposureJob(spark, layout.scenario(), writer, progress).run());
        tables.putAll(new CompanyImpactJob(spark, layout.scenario(), writer, progress).run());
      }
      Scenario scenario = layout.scenario();
      String index = null;
      if (allStages && reportLibrariesPresent()) {
        index =
            progress.stage(
                "reports",
                () ->
                    new Reports()
                        .renderAll(
                            Path.of(out.root()),
                            new RunInfo(
                                scenario.name(),
                                casePath,
                                scenario.currency(),
                                generatedAt(scenario.timezone()),
                                engineVersion()))
                        .toString());
      }
      progress.stage(
          "manifest",
          () ->
              writer.text(
                  out.manifest(),
                  RunManifest.json(
                      spark,
                      layout,
                      casePath,
                      out,
                      tables,
                      SparkSettings.effective(spark),
                      engineVersion())));
      RunSummary summary =
          new RunSummary(
              scenario.name(),
              scenario.currency(),
              scenario.timezone().getId(),
              index,
              casePath,
              out.root(),
              ingest,
              notes,
              tables,
              progress.stages(),
              SparkSettings.effective(spark),
              (System.nanoTime() - start) / 1e9);
      writer.text(out.runSummary(), summary.json());
      writer.cleanStaging();
      return summary;
    }
  }

  /**
   * A table of a generated case's truth ({@code ../truth/NAME} beside the case), if there is one. A
   * placebo run has none: the truth describes the real outage.
   */
  private static Optional<String> truthBeside(String casePath, String name) {
    java.nio.file.Path truth =
        java.nio.file.Path.of(casePath).toAbsolutePath().getParent().resolve("truth").resolve(name);
    return java.nio.file.Files.isDirectory(truth)
        ? Optional.of(truth.toString())
        : Optional.empty();
  }

  /**
   * Whether the report libraries are on the class path: they are in the local build, not in the
   * cluster jar (render there with {@code aftermath report} on a machine with the local build).
   */
  static boolean reportLibrariesPresent() {
    try {
      Class.forName("freemarker.template.Configuration", false, Pipeline.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** The engine's version as the build stamped it, with Spark's and Java's. */
  public static String engineVersion() {
    java.util.Properties p = new java.util.Properties();
    try (java.io.InputStream in =
        Pipeline.class.getResourceAsStream("/aftermath-version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (java.io.IOException e) {
      // an unreadable stamp reads as unknown
    }
    return "aftermath "
        + p.getProperty("version", "unknown")
        + " (Spark "
        + org.apache.spark.package$.MODULE$.SPARK_VERSION()
        + ", Java "
        + System.getProperty("java.version")
        + ")";
  }

  /** The time of rendering in the scenario's time zone: the one line that differs between runs. */
  public static String generatedAt(ZoneId zone) {
    return ZonedDateTime.now(zone)
            .truncatedTo(ChronoUnit.SECONDS)
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT))
        + " ("
        + zone.getId()
        + ")";
  }

  /** What a run read and wrote. */
  public record RunSummary(
      String scenario,
      String currency,
      String timezone,
      String reportIndex,
      String casePath,
      String outPath,
      IngestResult ingest,
      List<String> notes,
      Map<String, Long> tables,
      List<StageMetrics> stages,
      Map<String, String> sparkSettings,
      double seconds) {

    /** The summary as printed at the end of a run. */
    public String text() {
      StringBuilder b = new StringBuilder();
      b.append(String.format(Locale.ROOT, "aftermath: %s — case %s%n", scenario, casePath));
      b.append(
          String.format(
              Locale.ROOT,
              "  read %,d rows from %d files: %,d valid, %,d quarantined, %,d duplicates%n",
              ingest.rowsRead(),
              ingest.files().size(),
              ingest.rowsRead() - ingest.rowsQuarantined() - ingest.rowsDuplicate(),
              ingest.rowsQuarantined(),
              ingest.rowsDuplicate()));
      Map<String, Long> reasons = new TreeMap<>();
      for (FileCounts c : ingest.files().values()) {
        c.byReason().forEach((k, v) -> reasons.merge(k, v, Long::sum));
      }
      if (!reasons.isEmpty()) {
        b.append("  quarantined by reason: ");
        reasons.forEach((k, v) -> b.append(k).append('=').append(v).append(' '));
        b.append(String.format("%n"));
        for (QuarantinedRow q : ingest.examples()) {
          b.append("    e.g. ").append(q.describe()).append(String.format("%n"));
        }
      }
      if (!notes.isEmpty()) {
        b.append(String.format("  notes on the case (table case_notes):%n"));
        notes.forEach(n -> b.append("    ").append(n).append(String.format("%n")));
      }
      b.append(String.format(Locale.ROOT, "  wrote to %s/tables:%n", outPath));
      int width = tables.keySet().stream().mapToInt(String::length).max().orElse(16);
      tables.forEach(
          (k, v) ->
              b.append(String.format(Locale.ROOT, "    %-" + width + "s %,12d rows%n", k, v)));
      if (reportIndex != null) {
        b.append(String.format(Locale.ROOT, "  reports: %s%n", reportIndex));
      }
      b.append(String.format(Locale.ROOT, "  done in %.1f s%n", seconds));
      return b.toString();
    }

    /** The summary as {@code run-summary.json}. */
    public String json() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("scenario", scenario);
      json.put("currency", currency);
      json.put("timezone", timezone);
      json.put("report_index", reportIndex);
      json.put("case", casePath);
      json.put("rows_read", ingest.rowsRead());
      json.put("rows_quarantined", ingest.rowsQuarantined());
      json.put("rows_duplicate", ingest.rowsDuplicate());
      json.put("notes", notes);
      json.put("tables", tables);
      json.put("seconds", Math.round(seconds * 10) / 10.0);
      List<Map<String, Object>> stageList = new ArrayList<>();
      for (StageMetrics m : stages) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("stage", m.name());
        e.put("rows_read", m.rowsRead());
        e.put("rows_written", m.rowsWritten());
        e.put("wall_seconds", Math.round(m.wallSeconds() * 100) / 100.0);
        e.put("cpu_seconds", Math.round(m.cpuSeconds() * 100) / 100.0);
        e.put("peak_heap_mib", m.peakHeapMiB());
        e.put("peak_rss_mib", m.peakRssMiB());
        stageList.add(e);
      }
      json.put("stages", stageList);
      json.put("spark_settings", new TreeMap<>(sparkSettings));
      json.put("cores", Runtime.getRuntime().availableProcessors());
      json.put("max_heap_mib", Runtime.getRuntime().maxMemory() >> 20);
      try {
        return new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(json)
            + "\n";
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Cannot render the run summary", e);
      }
    }
  }
}

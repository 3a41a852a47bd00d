package dev.aftermath.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aftermath.ingest.CaseLayout;
import dev.aftermath.ingest.FileCounts;
import dev.aftermath.ingest.IngestResult;
import dev.aftermath.ingest.QuarantinedRow;
import dev.aftermath.io.OutputLayout;
import dev.aftermath.io.TableWriter;
import dev.aftermath.scenario.Scenario;
import dev.aftermath.spark.Progress;
import dev.aftermath.spark.SparkSettings;
import dev.aftermath.spark.StageMetrics;
import dev.aftermath.stage.Stage;
import dev.aftermath.stage.StageContext;
import dev.aftermath.stage.StagePlan;
import java.io.PrintStream;
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
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a list of stages ({@link Stages}) over one SparkSession: checks first that the stages fit
 * together ({@link StagePlan}), runs each with a writer scoped to the tables it declares, then
 * writes the manifest and, last, {@code run-summary.json}: a run is complete only if it exists.
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

  /** Ingestion only ({@link Stages#validation}). */
  public RunSummary validate(String casePath) {
    return run(casePath, Stages.validation());
  }

  /** Every analysis stage ({@link Stages#analysis}), without the reports. */
  public RunSummary run(String casePath) {
    return run(casePath, Stages.analysis());
  }

  /** The given stages, in order. */
  public RunSummary run(String casePath, List<? extends Stage> stages) {
    return execute(casePath, stages, null);
  }

  /**
   * The given stages, in order, on the tables of the finished run in the output folder ({@code
   * rerun --from}): the tables they do not write are carried over, with their counts and content
   * hashes as that run's manifest recorded them.
   */
  public RunSummary resume(String casePath, List<? extends Stage> stages, Resumed resumed) {
    return execute(casePath, stages, resumed);
  }

  private RunSummary execute(String casePath, List<? extends Stage> stages, Resumed resumed) {
    StagePlan.check(stages, resumed == null ? java.util.Set.of() : resumed.tables().keySet());
    TableWriter writer = new TableWriter(spark, out);
    writer.remove(out.runSummary());
    writer.remove(out.manifest());
    long start = System.nanoTime();
    try (Progress progress = new Progress(spark, err, Duration.ofSeconds(10))) {
      StageContext.RunRecord record = new StageContext.RunRecord();
      StageContext context =
          new StageContext(spark, layout, casePath, writer, progress, maxQuarantinedPct, record);
      Map<String, Long> written = new LinkedHashMap<>();
      for (Stage stage : stages) {
        written.putAll(stage.run(context.forStage(stage)));
      }
      Map<String, Long> tables = new LinkedHashMap<>();
      if (resumed != null) {
        tables.putAll(resumed.tables());
      }
      tables.putAll(written);
      List<String> notes =
          tables.containsKey("case_notes") ? CaseNotes.lines(writer.read("case_notes")) : List.of();
      Scenario scenario = layout.scenario();
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
                      written,
                      writer.contents(),
                      resumed,
                      SparkSettings.effective(spark),
                      engineVersion())));
      RunSummary summary =
          new RunSummary(
              scenario.name(),
              scenario.currency(),
              scenario.timezone().getId(),
              record.reportIndex(),
              casePath,
              out.root(),
              record.ingest() != null || resumed == null ? record.ingest() : resumed.ingest(),
              notes,
              tables,
              progress.stages(),
              SparkSettings.effective(spark),
              (System.nanoTime() - start) / 1e9,
              resumed == null ? null : resumed.describe());
      writer.text(out.runSummary(), summary.json());
      writer.cleanStaging();
      return summary;
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
      double seconds,
      Map<String, Object> resumedFrom) {

    /** The summary as printed at the end of a run. */
    public String text() {
      StringBuilder b = new StringBuilder();
      b.append(String.format(Locale.ROOT, "aftermath: %s — case %s%n", scenario, casePath));
      if (resumedFrom != null) {
        b.append(
            String.format(
                Locale.ROOT,
                "  resumed from stage %s on the finished run's tables%s; ingestion's counts are"
                    + " that run's%n",
                resumedFrom.get("stage"),
                resumedFrom.get("scenario") == null
                    ? ""
                    : ", scenario " + resumedFrom.get("scenario")));
      }
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
      if (resumedFrom != null) {
        json.put("resumed_from", resumedFrom);
      }
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

package dev.aftermath.stage;

import dev.aftermath.ingest.CaseLayout;
import dev.aftermath.ingest.CaseTruth;
import dev.aftermath.ingest.IngestResult;
import dev.aftermath.io.OutputLayout;
import dev.aftermath.io.TableWriter;
import dev.aftermath.scenario.Scenario;
import dev.aftermath.spark.Progress;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * What a stage works with: the session, the case, the scenario, the tables (through a writer scoped
 * to what the stage declares), progress reporting, and what earlier stages left for the run's
 * summary (the ingestion counts, the report index).
 */
public final class StageContext {
  private final SparkSession spark;
  private final CaseLayout layout;
  private final String casePath;
  private final TableWriter writer;
  private final Progress progress;
  private final double maxQuarantinedPct;
  private final RunRecord record;

  /** What stages leave for the run summary. */
  public static final class RunRecord {
    private IngestResult ingest;
    private String reportIndex;

    /** The ingestion counts, once ingestion has run. */
    public IngestResult ingest() {
      return ingest;
    }

    /** The report index, once reports are rendered; null otherwise. */
    public String reportIndex() {
      return reportIndex;
    }
  }

  /** A context over a run's session, case and writer, recording into {@code record}. */
  public StageContext(
      SparkSession spark,
      CaseLayout layout,
      String casePath,
      TableWriter writer,
      Progress progress,
      double maxQuarantinedPct,
      RunRecord record) {
    this.spark = spark;
    this.layout = layout;
    this.casePath = casePath;
    this.writer = writer;
    this.progress = progress;
    this.maxQuarantinedPct = maxQuarantinedPct;
    this.record = record;
  }

  /** The same context with the writer scoped to {@code stage}'s declared tables. */
  public StageContext forStage(Stage stage) {
    return new StageContext(
        spark,
        layout,
        casePath,
        writer.scoped(stage.name(), stage.reads(), stage.readsIfPresent(), stage.writes()),
        progress,
        maxQuarantinedPct,
        record);
  }

  public SparkSession spark() {
    return spark;
  }

  public CaseLayout layout() {
    return layout;
  }

  public Scenario scenario() {
    return layout.scenario();
  }

  /** The case folder as the user gave it. */
  public String casePath() {
    return casePath;
  }

  public TableWriter writer() {
    return writer;
  }

  public OutputLayout out() {
    return writer.layout();
  }

  public Progress progress() {
    return progress;
  }

  /** Ingestion's gate: the largest share of quarantined rows a table may have, in percent. */
  public double maxQuarantinedPct() {
    return maxQuarantinedPct;
  }

  /** Records the ingestion counts for the run summary. */
  public void ingested(IngestResult result) {
    record.ingest = result;
  }

  /** Records where the rendered reports' index is, for the run summary. */
  public void reportIndex(String path) {
    record.reportIndex = path;
  }

  /**
   * A table of a generated case's truth ({@code ../truth/NAME} beside the case), if there is one. A
   * placebo run has none: the truth describes the real outage.
   */
  public Optional<String> truth(String name) {
    if (scenario().isPlacebo()) {
      return Optional.empty();
    }
    return CaseTruth.find(casePath, name, spark.sparkContext().hadoopConfiguration())
        .map(Object::toString);
  }
}

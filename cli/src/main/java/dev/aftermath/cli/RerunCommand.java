package dev.aftermath.cli;

import dev.aftermath.ingest.CaseLayout;
import dev.aftermath.io.OutputLayout;
import dev.aftermath.pipeline.Pipeline;
import dev.aftermath.pipeline.ResumePlan;
import dev.aftermath.pipeline.Resumed;
import dev.aftermath.pipeline.RunManifest;
import dev.aftermath.scenario.ScenarioLoader;
import dev.aftermath.spark.HadoopSettings;
import dev.aftermath.spark.SparkSessions;
import dev.aftermath.stage.Stage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code aftermath rerun}: the stages from one named stage onward again, on a finished run's
 * tables, optionally under another scenario file that changes only what those stages read.
 */
@Command(
    name = "rerun",
    mixinStandardHelpOptions = true,
    description = {
      "Run the stages from the one named onward again on a finished run's tables (nothing before"
          + " it is read again), then the reports: e.g. try another payout scheme in seconds.",
      "With --scenario, read that scenario file instead of the case's. It may change only the"
          + " sections no earlier stage read: from schemes, the schemes (not their margin rates),"
          + " fund, liability, event_study and share; from frontier, liability, event_study and"
          + " share; from exposure or company, event_study and share."
    })
public final class RerunCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--out",
      defaultValue = "out",
      paramLabel = "OUT",
      description = "The output folder of a finished run, rewritten in place (default: out).")
  String out;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "STAGE",
      description =
          "The first stage to run again: ingestion, case-notes, scenario, merchant-day, defection,"
              + " lost-revenue, schemes, frontier, exposure, merchant-impact, company or reports.")
  String from;

  @Option(
      names = "--scenario",
      paramLabel = "FILE",
      description = "A scenario file to read instead of the case's scenario.yaml.")
  String scenarioFile;

  @Option(
      names = "--max-quarantined-pct",
      defaultValue = "5",
      paramLabel = "PCT",
      description =
          "Fail (exit 3) when more than this share of a table's rows is rejected, if ingestion is"
              + " run again (default: ${DEFAULT-VALUE}).")
  double maxQuarantinedPct;

  @Override
  public Integer call() throws IOException {
    // everything is checked before Spark starts
    List<Stage> stages = new ArrayList<>();
    if (!"reports".equals(from)) {
      try {
        stages.addAll(ResumePlan.stages(from, scenarioFile != null));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--from: " + e.getMessage());
      }
    }
    stages.add(new ReportStage());
    Configuration conf = HadoopSettings.beforeSpark();
    OutputLayout output = new OutputLayout(out);
    Resumed resumed;
    try {
      resumed = Resumed.read(conf, output, from, scenarioFile);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--out: " + e.getMessage());
    }
    if (resumed.casePath() == null) {
      throw new ParameterException(
          spec.commandLine(), "--out: its run-summary.json does not name the case it read");
    }
    // the database of sources.yaml is reached only when ingestion runs again
    CaseLayout layout = CaseLayout.inspect(resumed.casePath(), conf, "ingestion".equals(from));
    String runScenario = resumed.scenarioSha256();
    if (runScenario != null
        && layout.scenarioText() != null
        && !runScenario.equals(sha256(layout.scenarioText()))) {
      throw new ParameterException(
          spec.commandLine(),
          "--out: the case's scenario.yaml has changed since that run ("
              + resumed.casePath()
              + "); its tables no longer match the case: run the whole pipeline (aftermath run)");
    }
    if (scenarioFile != null) {
      String text = read(conf, scenarioFile);
      try {
        ResumePlan.checkScenario(
            from, layout.scenarioText() == null ? "" : layout.scenarioText(), text);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--scenario: " + e.getMessage());
      }
      layout = layout.withScenario(ScenarioLoader.parse(text, scenarioFile), text);
    }
    boolean ours = SparkSession.getActiveSession().isEmpty();
    SparkSession spark = SparkSessions.create("aftermath rerun");
    try {
      var summary =
          new Pipeline(spark, layout, output, maxQuarantinedPct, System.err)
              .resume(resumed.casePath(), stages, resumed);
      spec.commandLine().getOut().print(summary.text());
      String log = LibraryLog.keep(out, spark.sparkContext().hadoopConfiguration());
      if (log != null) {
        spec.commandLine().getOut().println("  library log: " + log);
      }
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    } finally {
      if (ours) {
        spark.stop(); // a session this command did not start is its caller's to stop
      }
    }
  }

  private static String read(Configuration conf, String file) throws IOException {
    Path p = new Path(file);
    try (InputStream in = p.getFileSystem(conf).open(p)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String sha256(String text) {
    return RunManifest.sha256(text.getBytes(StandardCharsets.UTF_8));
  }
}

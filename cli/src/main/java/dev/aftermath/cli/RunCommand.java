package dev.aftermath.cli;

import dev.aftermath.generate.DemoCase;
import dev.aftermath.ingest.CaseLayout;
import dev.aftermath.io.OutputLayout;
import dev.aftermath.pipeline.Pipeline;
import dev.aftermath.pipeline.Stages;
import dev.aftermath.spark.HadoopSettings;
import dev.aftermath.spark.SparkSessions;
import dev.aftermath.stage.Stage;
import dev.aftermath.stage.StagePlan;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aftermath run}: the whole pipeline, on a given case or on the demo case. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Run the whole pipeline. Without --case, runs the Weimob demo case (generated on first use).")
public final class RunCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--case",
      paramLabel = "DIR",
      description = "The incident case folder (default: the demo case).")
  String casePath;

  @Option(
      names = "--placebo-at",
      paramLabel = "LOCAL_TIME",
      description =
          "Placebo test: move the outage timeline to this scenario-local time (e.g."
              + " 2020-01-05T19:00:00), when nothing happened, and end the horizon the day before"
              + " the real outage. The estimated loss should be indistinguishable from zero.")
  java.time.LocalDateTime placeboAt;

  @Option(
      names = "--with-placebo",
      description =
          "Also run the placebo in the same run (lost revenue and defection with the outage moved"
              + " 49 days earlier) and write its totals with intervals as table placebo_totals;"
              + " the placebo's own tables go to OUT/placebo/.")
  boolean withPlacebo;

  @Option(
      names = "--with-sensitivity",
      description =
          "Also run the stages that read the margin rates, the grace days and the value horizon"
              + " again with each set low and high, and write the totals as table"
              + " assumption_sensitivity (the investor report's tornado); the variants' own tables"
              + " go to OUT/sensitivity/. Six partial runs: several minutes on the demo case.")
  boolean withSensitivity;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    // the stages must fit together: checked before Spark starts
    List<Stage> stages = RunStages.of(withPlacebo, withSensitivity);
    StagePlan.check(stages);
    SparkSession spark = null;
    try {
      String path = casePath;
      if (path == null) {
        DemoCase demo = DemoCase.standard();
        if (!demo.exists()) {
          spark = SparkSessions.create("aftermath run");
          demo.generate(spark, System.err);
        }
        path = demo.casePath();
      }
      CaseLayout layout = CaseLayout.inspect(path, HadoopSettings.beforeSpark());
      if (placeboAt != null) {
        try {
          layout = layout.withScenario(layout.scenario().placebo(placeboAt));
        } catch (IllegalArgumentException e) {
          throw new picocli.CommandLine.ParameterException(
              spec.commandLine(), "--placebo-at: " + e.getMessage());
        }
      }
      if (withPlacebo) {
        if (placeboAt != null) {
          throw new picocli.CommandLine.ParameterException(
              spec.commandLine(), "--with-placebo: this run is already a placebo (--placebo-at)");
        }
        try {
          layout.scenario().placebo(Stages.defaultPlaceboStart(layout.scenario()));
        } catch (IllegalArgumentException e) {
          throw new picocli.CommandLine.ParameterException(
              spec.commandLine(), "--with-placebo: " + e.getMessage());
        }
      }
      if (spark == null) {
        spark = SparkSessions.create("aftermath run");
      }
      var summary =
          new Pipeline(
                  spark, layout, new OutputLayout(output.out), output.maxQuarantinedPct, System.err)
              .run(path, stages);
      spec.commandLine().getOut().print(summary.text());
      String log = LibraryLog.keep(output.out, spark.sparkContext().hadoopConfiguration());
      if (log != null) {
        spec.commandLine().getOut().println("  library log: " + log);
      }
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    } finally {
      if (spark != null) {
        spark.stop();
      }
    }
  }
}

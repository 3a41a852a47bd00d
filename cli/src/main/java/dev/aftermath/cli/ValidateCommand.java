package dev.aftermath.cli;

import dev.aftermath.ingest.CaseLayout;
import dev.aftermath.io.OutputLayout;
import dev.aftermath.pipeline.Pipeline;
import dev.aftermath.spark.HadoopSettings;
import dev.aftermath.spark.SparkSessions;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aftermath validate}: ingestion only, with its quarantine and reconciliation. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Check and ingest an incident case: typed tables, quarantine, reconciliation.json.")
public final class ValidateCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--case",
      required = true,
      paramLabel = "DIR",
      description = "The incident case folder.")
  String casePath;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    CaseLayout layout = CaseLayout.inspect(casePath, HadoopSettings.beforeSpark());
    SparkSession spark = SparkSessions.create("aftermath validate");
    try {
      var summary =
          new Pipeline(
                  spark, layout, new OutputLayout(output.out), output.maxQuarantinedPct, System.err)
              .validate(casePath);
      spec.commandLine().getOut().print(summary.text());
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    } finally {
      spark.stop();
    }
  }
}

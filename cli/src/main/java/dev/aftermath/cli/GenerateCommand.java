package dev.aftermath.cli;

import dev.aftermath.InvalidCaseException;
import dev.aftermath.generate.CaseFormat;
import dev.aftermath.generate.DemoCase;
import dev.aftermath.generate.DemoCaseGenerator;
import dev.aftermath.generate.GenerateResult;
import dev.aftermath.scenario.Scenario;
import dev.aftermath.scenario.ScenarioLoader;
import dev.aftermath.spark.Progress;
import dev.aftermath.spark.SparkSessions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aftermath generate}: writes a demo incident case and its planted truth. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description =
        "Write a demo incident case (DIR/case) reproducing the Weimob incident, and its planted truth (DIR/truth).")
public final class GenerateCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Folder to write case/ and truth/ into.")
  String out;

  @Option(
      names = "--merchants",
      defaultValue = "70006",
      paramLabel = "N",
      description = "Number of merchants (default: ${DEFAULT-VALUE}, the full scale).")
  int merchants;

  @Option(
      names = "--seed",
      defaultValue = "2020",
      paramLabel = "S",
      description = "Random seed; the same seed gives the same case (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--format",
      defaultValue = "parquet",
      paramLabel = "parquet|csv",
      description = "File format of the case (default: ${DEFAULT-VALUE}).")
  CaseFormat format;

  @Option(
      names = "--volume",
      defaultValue = "1",
      paramLabel = "V",
      description =
          "Multiply every merchant's order rate by V (default: ${DEFAULT-VALUE}, the calibrated"
              + " case; the benchmark uses 2.1: over 100 million orders at full scale).")
  double volume;

  @Option(
      names = "--scenario",
      paramLabel = "FILE",
      description = "Scenario to generate from (default: the bundled Weimob scenario).")
  Path scenarioFile;

  @Override
  public Integer call() throws IOException {
    if (merchants < 1) {
      throw new InvalidCaseException("--merchants must be at least 1, not " + merchants);
    }
    if (!(volume > 0) || Double.isInfinite(volume)) {
      throw new InvalidCaseException("--volume must be a positive number, not " + volume);
    }
    String yaml;
    String label;
    if (scenarioFile == null) {
      yaml = DemoCase.bundledScenario();
      label = "scenario.yaml (bundled)";
    } else {
      if (!Files.isRegularFile(scenarioFile)) {
        throw new InvalidCaseException("--scenario " + scenarioFile + ": no such file");
      }
      yaml = Files.readString(scenarioFile, StandardCharsets.UTF_8);
      label = scenarioFile.toString();
    }
    Scenario scenario = ScenarioLoader.parse(yaml, label);
    SparkSession spark = SparkSessions.create("aftermath generate");
    try (Progress progress = new Progress(spark, System.err, Duration.ofSeconds(10))) {
      long start = System.nanoTime();
      GenerateResult result =
          new DemoCaseGenerator(spark, scenario, yaml, merchants, seed, format, out, progress)
              .withVolume(volume)
              .run();
      spec.commandLine()
          .getOut()
          .printf(
              Locale.ROOT,
              "aftermath: generated %s (%,d merchants, seed %d, %s)%n",
              result.casePath(),
              merchants,
              seed,
              format.name().toLowerCase(Locale.ROOT));
      result
          .caseRows()
          .forEach(
              (k, v) ->
                  spec.commandLine().getOut().printf(Locale.ROOT, "    %-16s %,12d rows%n", k, v));
      spec.commandLine().getOut().printf(Locale.ROOT, "  truth in %s%n", result.truthPath());
      result
          .truthRows()
          .forEach(
              (k, v) ->
                  spec.commandLine().getOut().printf(Locale.ROOT, "    %-16s %,12d rows%n", k, v));
      spec.commandLine()
          .getOut()
          .printf(Locale.ROOT, "  done in %.1f s%n", (System.nanoTime() - start) / 1e9);
      return ExitCodes.OK;
    } finally {
      spark.stop();
    }
  }
}

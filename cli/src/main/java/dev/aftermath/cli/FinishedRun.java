package dev.aftermath.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aftermath.pipeline.Pipeline;
import dev.aftermath.reports.RunInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The {@code --out} folder of a finished run, for the commands that render from its tables: what
 * its {@code run-summary.json} says about the run, as the reports need it.
 */
public final class FinishedRun {
  @Option(
      names = "--out",
      paramLabel = "OUT",
      defaultValue = "out",
      description = "The output folder of a finished run (default: out).")
  String out;

  Path folder() {
    return Path.of(out);
  }

  /** The run as the reports describe it; a usage error when the folder holds no finished run. */
  RunInfo info(CommandSpec spec) throws IOException {
    Path summary = folder().resolve("run-summary.json");
    if (!Files.isRegularFile(summary)) {
      throw new ParameterException(
          spec.commandLine(),
          "--out: " + folder() + " has no run-summary.json: it holds no finished run");
    }
    JsonNode run = new ObjectMapper().readTree(summary.toFile());
    if (run.path("currency").isMissingNode() || run.path("timezone").isMissingNode()) {
      throw new ParameterException(
          spec.commandLine(),
          "--out: " + summary + " was written by an older version: run the pipeline again");
    }
    return new RunInfo(
        run.path("scenario").asText(),
        run.path("case").asText(null),
        run.path("currency").asText(),
        Pipeline.generatedAt(ZoneId.of(run.path("timezone").asText())),
        Pipeline.engineVersion());
  }
}

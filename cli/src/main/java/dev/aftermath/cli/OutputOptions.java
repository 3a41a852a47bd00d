package dev.aftermath.cli;

import picocli.CommandLine.Option;

/** Options of the commands that run pipeline stages into an output folder. */
public final class OutputOptions {
  @Option(
      names = "--out",
      defaultValue = "out",
      paramLabel = "OUT",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  String out;

  @Option(
      names = "--max-quarantined-pct",
      defaultValue = "5",
      paramLabel = "PCT",
      description =
          "Fail (exit 3) when more than this share of a table's rows is rejected (default: ${DEFAULT-VALUE}).")
  double maxQuarantinedPct;
}

package dev.aftermath.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code aftermath} command: a thin entry point over the jobs. */
@Command(
    name = "aftermath",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Outage-impact analytics: lost revenue, defection, payout schemes, exposure.",
    subcommands = {
      GenerateCommand.class,
      ValidateCommand.class,
      RunCommand.class,
      RerunCommand.class,
      FitCommand.class,
      ReportCommand.class,
      StatementCommand.class,
      BenchmarkCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok",
      "1:internal error",
      "2:bad usage or bad input case",
      "3:data-quality gate failed"
    })
public final class AftermathCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing subcommand: generate, validate, run, rerun or fit");
  }

  /** Parses the arguments, runs the subcommand, exits with its code. */
  public static void main(String[] args) {
    LibraryLog.toProcessFile();
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for tests that run it in-process. */
  public static CommandLine commandLine() {
    return new CommandLine(new AftermathCli())
        .setExecutionExceptionHandler(new ExitCodes())
        .setCaseInsensitiveEnumValuesAllowed(true);
  }
}

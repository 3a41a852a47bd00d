package dev.aftermath.cli;

import dev.aftermath.reports.Reports;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aftermath statement}: one merchant's compensation statement from a finished run. */
@Command(
    name = "statement",
    mixinStandardHelpOptions = true,
    description =
        "Render one merchant's compensation statement (English and Chinese, HTML and PDF) into"
            + " OUT/reports/statements/, and print its path.")
public final class StatementCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin FinishedRun run;

  @Option(
      names = "--merchant",
      paramLabel = "ID",
      required = true,
      description = "The merchant's merchant_id.")
  String merchant;

  @Override
  public Integer call() throws IOException {
    var info = run.info(spec);
    try {
      Path statement = new Reports().statement(run.folder(), info, merchant);
      spec.commandLine().getOut().println(statement);
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--merchant: " + e.getMessage());
    }
  }
}

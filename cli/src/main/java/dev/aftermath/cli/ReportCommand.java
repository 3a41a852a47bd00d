package dev.aftermath.cli;

import dev.aftermath.reports.Reports;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code aftermath report}: renders the reports again from a finished run's tables. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Render the reports (HTML and PDF, English and Chinese) from the tables of a finished run"
            + " into OUT/reports/, and print the index's path.")
public final class ReportCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin FinishedRun run;

  @Override
  public Integer call() throws IOException {
    Path index = new Reports().renderAll(run.folder(), run.info(spec));
    spec.commandLine().getOut().println(index);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}

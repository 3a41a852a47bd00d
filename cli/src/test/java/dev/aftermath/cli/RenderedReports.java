package dev.aftermath.cli;

import dev.aftermath.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders the reports of a finished run's folder once, as {@code run}'s report stage does, for a
 * run made without them (GeneratedRuns: the jobs' stages only). The case is {@code ../case}.
 */
final class RenderedReports {
  private RenderedReports() {}

  static synchronized Path of(Path out) throws Exception {
    Path index = out.resolve("reports").resolve("index.html");
    if (!Files.exists(index)) {
      render(out, out.getParent().resolve("case"));
    }
    return index;
  }

  /** Renders the reports of {@code out} from the case at {@code casePath}, whatever is there. */
  static void render(Path out, Path casePath) throws Exception {
    ReportStage.render(
        out,
        ScenarioLoader.parse(Files.readString(casePath.resolve("scenario.yaml")), "scenario.yaml"),
        casePath.toString());
  }
}

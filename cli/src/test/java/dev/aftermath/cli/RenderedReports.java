package dev.aftermath.cli;

import dev.aftermath.pipeline.Pipeline;
import dev.aftermath.reports.Reports;
import dev.aftermath.reports.RunInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

/** Renders the reports of a finished run's folder once, as {@code run}'s report stage does. */
final class RenderedReports {
  private RenderedReports() {}

  static synchronized Path of(Path out) throws Exception {
    Path index = out.resolve("reports").resolve("index.html");
    if (!Files.exists(index)) {
      new Reports()
          .renderAll(
              out,
              new RunInfo(
                  "generated",
                  out.getParent().resolve("case").toString(),
                  "CNY",
                  Pipeline.generatedAt(ZoneId.of("Asia/Shanghai")),
                  Pipeline.engineVersion()));
    }
    return index;
  }
}

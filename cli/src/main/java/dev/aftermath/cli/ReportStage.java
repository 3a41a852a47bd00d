package dev.aftermath.cli;

import dev.aftermath.pipeline.Pipeline;
import dev.aftermath.reports.Reports;
import dev.aftermath.reports.RunInfo;
import dev.aftermath.scenario.Scenario;
import dev.aftermath.stage.Stage;
import dev.aftermath.stage.StageContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The last stage of {@code run}: renders the reports from the run's tables into {@code
 * OUT/reports/}. It lives here, where the jobs and the reports meet, so that neither module depends
 * on the other.
 */
final class ReportStage implements Stage {
  @Override
  public String name() {
    return "reports";
  }

  @Override
  public List<String> reads() {
    return Reports.TABLES_READ;
  }

  @Override
  public List<String> readsIfPresent() {
    return Reports.TABLES_READ_IF_PRESENT;
  }

  @Override
  public List<String> writes() {
    return List.of();
  }

  @Override
  public Map<String, Long> run(StageContext c) {
    String index =
        c.progress()
            .stage("reports", () -> render(Path.of(c.out().root()), c.scenario(), c.casePath()));
    c.reportIndex(index);
    return Map.of();
  }

  /** Renders the reports of the run in {@code out} on {@code casePath}; returns the index. */
  static String render(Path out, Scenario scenario, String casePath) {
    return new Reports()
        .renderAll(
            out,
            new RunInfo(
                scenario.name(),
                casePath,
                scenario.currency(),
                Pipeline.generatedAt(scenario.timezone()),
                Pipeline.engineVersion()))
        .toString();
  }
}

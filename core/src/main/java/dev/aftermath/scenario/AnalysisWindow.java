package dev.aftermath.scenario;

import java.time.LocalDate;
import java.util.Map;

/** The days examined: history for learning normal behaviour, and the horizon for recovery. */
public record AnalysisWindow(LocalDate historyStart, LocalDate horizonEnd) {

  /**
   * Reads key {@code analysis} (required) of {@code top}: the history must start before the {@code
   * outage} does and the horizon must not end before it does.
   */
  static AnalysisWindow read(ScenarioYaml yaml, Map<String, Object> top, Outage outage) {
    Map<String, Object> analysis = yaml.map(top, "analysis", true);
    LocalDate historyStart = yaml.date(analysis, "analysis.history_start");
    LocalDate horizonEnd = yaml.date(analysis, "analysis.horizon_end");
    if (historyStart != null
        && outage.start() != null
        && !historyStart.atStartOfDay().isBefore(outage.start())) {
      yaml.problem("analysis.history_start", "'" + historyStart + "' is not before outage.start");
    }
    if (horizonEnd != null
        && outage.end() != null
        && horizonEnd.plusDays(1).atStartOfDay().isBefore(outage.end())) {
      yaml.problem("analysis.horizon_end", "'" + horizonEnd + "' ends before outage.end");
    }
    return new AnalysisWindow(historyStart, horizonEnd);
  }
}

package dev.aftermath.scenario;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/** An incident scenario ({@code scenario.yaml}): timeline, windows and scheme parameters. */
public record Scenario(
    String name,
    ZoneId timezone,
    String currency,
    Outage outage,
    AnalysisWindow analysis,
    CashPlanTerms cash,
    TrafficPlanTerms traffic,
    Optional<Fund> fund,
    Optional<ShareSymbols> share,
    Map<String, Object> document) {

  /**
   * A merchant is existing when its signup day starts before the outage does, new otherwise (the
   * contract gives signup as a date, so a signup on the outage's first day counts as existing).
   */
  public boolean isExisting(LocalDate signupDate) {
    return signupDate.atStartOfDay().isBefore(outage.start());
  }

  /** First instant of the analysis history. */
  public LocalDateTime historyStartTime() {
    return analysis.historyStart().atStartOfDay();
  }

  /** First instant after the analysis horizon. */
  public LocalDateTime horizonEndExclusive() {
    return analysis.horizonEnd().plusDays(1).atStartOfDay();
  }
}

package dev.aftermath.scenario;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * An incident scenario ({@code scenario.yaml}): timeline, windows and scheme parameters; {@code
 * placeboAt} is the start of the moved outage when this is a {@link #placebo} of the scenario read,
 * empty otherwise.
 */
public record Scenario(
    String name,
    ZoneId timezone,
    String currency,
    Outage outage,
    AnalysisWindow analysis,
    CashPlanTerms cash,
    TrafficPlanTerms traffic,
    PayoutSchemes schemes,
    DefectionTerms defection,
    LiabilityTerms liability,
    EventStudyTerms eventStudy,
    Optional<Fund> fund,
    Optional<ShareSymbols> share,
    Map<String, Object> document,
    Optional<LocalDateTime> placeboAt) {

  /**
   * A merchant is existing when its signup day starts before the outage does, new otherwise (the
   * contract gives signup as a date, so a signup on the outage's first day counts as existing).
   */
  public boolean isExisting(LocalDate signupDate) {
    return signupDate.atStartOfDay().isBefore(outage.start());
  }

  /**
   * A placebo of this scenario: the same outage timeline (phases and the cash plan's baseline
   * window moved with it) starting at {@code start}, a time when nothing happened, with the horizon
   * cut to the day before the real outage so that no real loss falls inside it. A sound estimator
   * finds no loss here.
   */
  public Scenario placebo(LocalDateTime start) {
    java.time.Duration shift = java.time.Duration.between(outage.start(), start);
    LocalDate horizon = outage.start().toLocalDate().minusDays(1);
    if (!start.isBefore(outage.start())
        || !outage.end().plus(shift).toLocalDate().isBefore(horizon)) {
      throw new IllegalArgumentException(
          "placebo outage at "
              + start
              + " must end before "
              + horizon
              + ", the day before the real outage starts");
    }
    if (!start.toLocalDate().isAfter(analysis.historyStart())) {
      throw new IllegalArgumentException(
          "placebo outage at " + start + " leaves no history after " + analysis.historyStart());
    }
    Outage moved =
        new Outage(
            outage.start().plus(shift),
            outage.end().plus(shift),
            outage.phases().stream()
                .map(
                    p ->
                        new Outage.Phase(
                            p.from().plus(shift), p.to().plus(shift), p.label(), p.labelZh()))
                .toList());
    CashPlanTerms movedCash =
        new CashPlanTerms(
            cash.baselineStart().plus(shift),
            cash.baselineEnd().plus(shift),
            cash.durationHours(),
            cash.marginRates());
    return new Scenario(
        name + " (placebo at " + start + ")",
        timezone,
        currency,
        moved,
        new AnalysisWindow(analysis.historyStart(), horizon),
        movedCash,
        traffic,
        schemes,
        defection,
        liability,
        eventStudy,
        fund,
        share,
        document,
        Optional.of(start));
  }

  /**
   * This scenario with every margin rate of the cash plan multiplied by {@code factor} (a
   * sensitivity variant: {@code run --with-sensitivity}).
   */
  public Scenario withMarginRatesScaled(double factor) {
    java.util.Map<String, Double> rates = new java.util.TreeMap<>();
    cash.marginRates().forEach((k, v) -> rates.put(k, v * factor));
    CashPlanTerms scaled =
        new CashPlanTerms(cash.baselineStart(), cash.baselineEnd(), cash.durationHours(), rates);
    return new Scenario(
        name,
        timezone,
        currency,
        outage,
        analysis,
        scaled,
        traffic,
        schemes,
        defection,
        liability,
        eventStudy,
        fund,
        share,
        document,
        placeboAt);
  }

  /** This scenario measuring defection under {@code terms} (a sensitivity variant). */
  public Scenario withDefection(DefectionTerms terms) {
    return new Scenario(
        name,
        timezone,
        currency,
        outage,
        analysis,
        cash,
        traffic,
        schemes,
        terms,
        liability,
        eventStudy,
        fund,
        share,
        document,
        placeboAt);
  }

  /** Whether this is a placebo of a scenario ({@link #placebo}), whose truth does not apply. */
  public boolean isPlacebo() {
    return placeboAt.isPresent();
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

package dev.aftermath.scenario;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;

/** Parameters of the platform's cash plan as published: baseline window, duration, margin rates. */
public record CashPlanTerms(
    LocalDateTime baselineStart,
    LocalDateTime baselineEnd,
    double durationHours,
    Map<String, Double> marginRates) {
  public CashPlanTerms {
    marginRates = Map.copyOf(marginRates);
  }

  /** The industry's margin rate, or the {@code default} rate, or empty when neither is set. */
  public Optional<Double> marginRate(String industry) {
    Double rate = marginRates.get(industry);
    if (rate == null) {
      rate = marginRates.get("default");
    }
    return Optional.ofNullable(rate);
  }
}

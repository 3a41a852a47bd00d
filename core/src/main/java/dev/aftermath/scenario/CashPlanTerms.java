package dev.aftermath.scenario;

import dev.aftermath.InvalidCaseException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** Parameters of the platform's cash plan as published: baseline window, duration, margin rates. */
public record CashPlanTerms(
    LocalDateTime baselineStart,
    LocalDateTime baselineEnd,
    double durationHours,
    Map<String, Double> marginRates) {
  public CashPlanTerms {
    marginRates = Collections.unmodifiableMap(new TreeMap<>(marginRates));
  }

  /** The industry's margin rate, or the {@code default} rate, or empty when neither is set. */
  public Optional<Double> marginRate(String industry) {
    Double rate = marginRates.get(industry);
    if (rate == null) {
      rate = marginRates.get("default");
    }
    return Optional.ofNullable(rate);
  }

  /**
   * The margin rate of each of {@code industries}; an industry with no rate and no default is an
   * {@link InvalidCaseException} naming them all.
   */
  public Map<String, Double> marginRates(Collection<String> industries) {
    Map<String, Double> rates = new TreeMap<>();
    List<String> missing = new ArrayList<>();
    for (String industry : new TreeSet<>(industries)) {
      marginRate(industry)
          .ifPresentOrElse(v -> rates.put(industry, v), () -> missing.add(industry));
    }
    if (!missing.isEmpty()) {
      throw new InvalidCaseException(
          "scenario.yaml: key schemes.cash.margin_rates has no rate for industries "
              + missing
              + " (column industry of the merchants) and no default");
    }
    return rates;
  }
}

package dev.aftermath.scenario;

import dev.aftermath.InvalidCaseException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
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

  /**
   * Reads key {@code schemes.cash} (required) of {@code schemes}, or null when it is absent; the
   * baseline window must end by {@code outageStart}.
   */
  static CashPlanTerms read(
      ScenarioYaml yaml, Map<String, Object> schemes, ZoneId zone, LocalDateTime outageStart) {
    Map<String, Object> cash = yaml.map(schemes, "schemes.cash", true);
    if (cash == null) {
      return null;
    }
    LocalDateTime from = yaml.timestamp(cash, "schemes.cash.baseline_start", zone, true);
    LocalDateTime to = yaml.timestamp(cash, "schemes.cash.baseline_end", zone, true);
    if (from != null && to != null && !to.isAfter(from)) {
      yaml.problem("schemes.cash.baseline_end", "'" + to + "' is not after baseline_start");
    }
    Double hours = yaml.number(cash, "schemes.cash.duration_hours", true);
    Map<String, Double> rates = new LinkedHashMap<>();
    Map<String, Object> rateMap = yaml.map(cash, "schemes.cash.margin_rates", true);
    if (rateMap != null) {
      for (String industry : rateMap.keySet()) {
        Double rate = yaml.number(rateMap, "schemes.cash.margin_rates." + industry, true);
        if (rate != null && (rate < 0 || rate > 1)) {
          yaml.problem(
              "schemes.cash.margin_rates." + industry, "'" + rate + "' is not a rate in [0, 1]");
        } else if (rate != null) {
          rates.put(industry, rate);
        }
      }
    }
    if (to != null && outageStart != null && to.isAfter(outageStart)) {
      yaml.problem(
          "schemes.cash.baseline_end",
          "'" + to + "' is after outage.start: the baseline must precede the outage");
    }
    return new CashPlanTerms(from, to, hours == null ? 0 : hours, rates);
  }
}

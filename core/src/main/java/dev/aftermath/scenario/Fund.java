package dev.aftermath.scenario;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** The compensation provision and, when given, who funds it. */
public record Fund(double total, OptionalDouble company, OptionalDouble management) {

  /** Reads key {@code fund} (optional) of {@code top}; empty when it or its total is absent. */
  static Optional<Fund> read(ScenarioYaml yaml, Map<String, Object> top) {
    Map<String, Object> fund = yaml.map(top, "fund", false);
    if (fund == null) {
      return Optional.empty();
    }
    Double total = yaml.number(fund, "fund.total", true);
    Double company = yaml.number(fund, "fund.company", false);
    Double management = yaml.number(fund, "fund.management", false);
    if (total == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Fund(total, ScenarioYaml.optional(company), ScenarioYaml.optional(management)));
  }
}

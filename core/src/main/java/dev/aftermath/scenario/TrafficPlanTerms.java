package dev.aftermath.scenario;

import java.util.Map;

/** Parameters of the platform's traffic plan: ad impressions, their value, free months. */
public record TrafficPlanTerms(long impressions, double cpm, double extensionMonths) {

  /** Reads key {@code schemes.traffic} (required) of {@code schemes}, or null when it is absent. */
  static TrafficPlanTerms read(ScenarioYaml yaml, Map<String, Object> schemes) {
    Map<String, Object> traffic = yaml.map(schemes, "schemes.traffic", true);
    if (traffic == null) {
      return null;
    }
    Double impressions = yaml.number(traffic, "schemes.traffic.impressions", true);
    Double cpm = yaml.number(traffic, "schemes.traffic.cpm", true);
    Double months = yaml.number(traffic, "schemes.traffic.extension_months", true);
    return new TrafficPlanTerms(
        impressions == null ? 0 : impressions.longValue(),
        cpm == null ? 0 : cpm,
        months == null ? 0 : months);
  }
}

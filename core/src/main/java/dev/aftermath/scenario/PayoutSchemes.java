package dev.aftermath.scenario;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The schemes beyond the cash and traffic plans' own terms: which schemes merchants could choose
 * between ({@code schemes.offered}, default cash and traffic), the service-credit policy and the
 * user-defined schemes, in the order given.
 */
public record PayoutSchemes(List<String> offered, SlaCreditTerms sla, List<CustomScheme> custom) {
  /** What a scenario without {@code schemes.offered} and the other keys here has. */
  public static PayoutSchemes defaults() {
    return new PayoutSchemes(
        List.of(BuiltInScheme.CASH.schemeName(), BuiltInScheme.TRAFFIC.schemeName()),
        SlaCreditTerms.defaults(),
        List.of());
  }

  public PayoutSchemes {
    offered = List.copyOf(offered);
    custom = List.copyOf(custom);
  }

  /**
   * Reads the keys {@code sla_credit}, {@code custom} and {@code offered} of {@code schemes}: a
   * custom scheme may use only the {@link BuiltInScheme}s and the custom ones defined before it,
   * and every scheme offered must be one of them. {@code phaseCount}: the outage's phases, which a
   * custom cash scheme may name.
   */
  static PayoutSchemes read(
      ScenarioYaml yaml, Map<String, Object> schemes, ZoneId zone, int phaseCount) {
    PayoutSchemes defaults = defaults();
    if (schemes == null) {
      return defaults;
    }
    SlaCreditTerms sla = SlaCreditTerms.read(yaml, schemes);
    List<String> known = new ArrayList<>(BuiltInScheme.names());
    List<CustomScheme> custom = new ArrayList<>();
    List<Map<String, Object>> rows =
        schemes.get("custom") == null ? List.of() : yaml.maps(schemes, "schemes.custom");
    for (int i = 0; i < rows.size(); i++) {
      CustomScheme c =
          CustomScheme.read(
              yaml, rows.get(i), "schemes.custom[" + i + "]", zone, phaseCount, known);
      if (c != null) {
        known.add(c.name());
        custom.add(c);
      }
    }
    List<String> offered = defaults.offered();
    if (schemes.get("offered") != null) {
      offered = yaml.names(schemes, "schemes.offered");
      for (String o : offered) {
        if (!known.contains(o)) {
          yaml.problem("schemes.offered", "'" + o + "' is not a scheme (known: " + known + ")");
        }
      }
      if (offered.isEmpty()) {
        yaml.problem("schemes.offered", "lists no scheme");
      }
    }
    return new PayoutSchemes(offered, sla, custom);
  }
}

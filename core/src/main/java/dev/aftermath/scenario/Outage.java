package dev.aftermath.scenario;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The outage window in scenario-local time, with its optional phases. */
public record Outage(LocalDateTime start, LocalDateTime end, List<Phase> phases) {
  public Outage {
    phases = List.copyOf(phases);
  }

  /** Length of the outage in hours. */
  public double hours() {
    return Duration.between(start, end).toSeconds() / 3600.0;
  }

  /**
   * One stage of the outage: what was available from {@code from} to {@code to}, in English and in
   * Chinese ({@code label_zh}, the English label when the scenario gives none).
   */
  public record Phase(LocalDateTime from, LocalDateTime to, String label, String labelZh) {
    public Phase(LocalDateTime from, LocalDateTime to, String label) {
      this(from, to, label, label);
    }
  }

  /**
   * Reads key {@code outage} (required) of {@code top}; a start or end that cannot be read is null
   * and recorded as a problem in {@code yaml}.
   */
  static Outage read(ScenarioYaml yaml, Map<String, Object> top, ZoneId zone) {
    Map<String, Object> outage = yaml.map(top, "outage", true);
    LocalDateTime start = yaml.timestamp(outage, "outage.start", zone, true);
    LocalDateTime end = yaml.timestamp(outage, "outage.end", zone, true);
    if (start != null && end != null && !end.isAfter(start)) {
      yaml.problem("outage.end", "'" + end + "' is not after outage.start '" + start + "'");
    }
    return new Outage(start, end, phases(yaml, outage, zone));
  }

  private static List<Phase> phases(ScenarioYaml yaml, Map<String, Object> outage, ZoneId zone) {
    List<Phase> phases = new ArrayList<>();
    if (outage == null || outage.get("phases") == null) {
      return phases;
    }
    if (!(outage.get("phases") instanceof List<?> list)) {
      yaml.problem("outage.phases", "expected a list of {from, to, label}");
      return phases;
    }
    for (int i = 0; i < list.size(); i++) {
      String key = "outage.phases[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> m)) {
        yaml.problem(key, "expected a mapping {from, to, label}");
        continue;
      }
      Map<String, Object> phase = ScenarioYaml.asMap(m);
      LocalDateTime from = yaml.timestamp(phase, key + ".from", zone, true);
      LocalDateTime to = yaml.timestamp(phase, key + ".to", zone, true);
      String label = yaml.text(phase, key + ".label", true);
      String labelZh = yaml.text(phase, key + ".label_zh", false);
      // An unquoted label with a comma in a flow mapping ({..., label: a, b}) reads as a key "b"
      // without a value (the contract's own example does this): keep the label whole.
      for (Map.Entry<String, Object> extra : phase.entrySet()) {
        if (label != null
            && extra.getValue() == null
            && !Set.of("from", "to", "label", "label_zh").contains(extra.getKey())) {
          label = label + ", " + extra.getKey();
        }
      }
      if (from != null && to != null && !to.isAfter(from)) {
        yaml.problem(key + ".to", "'" + to + "' is not after from '" + from + "'");
      }
      if (from != null && to != null && label != null) {
        phases.add(new Phase(from, to, label, labelZh == null ? label : labelZh));
      }
    }
    return phases;
  }
}

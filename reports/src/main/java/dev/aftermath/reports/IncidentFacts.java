package dev.aftermath.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a final incident report asks for that the case's tables do not hold ({@code incident} of
 * {@code facts.yaml}): the incident's classification, root cause and recurrence with their sources,
 * and its milestones (detection, announcement, restoration, compensation, data restored). A field
 * the file leaves out is null; reports show it as not in the case data.
 */
record IncidentFacts(
    Bilingual classification,
    Bilingual rootCause,
    Bilingual rootCauseSource,
    Bilingual recurrence,
    Bilingual recurrenceSource,
    List<Milestone> milestones) {

  /** One dated milestone: its key, when (local time as written), what happened and the source. */
  record Milestone(String key, String at, Bilingual what, Bilingual source) {}

  static IncidentFacts none() {
    return new IncidentFacts(null, null, null, null, null, List.of());
  }

  static IncidentFacts read(Object yaml, String file) {
    if (!(yaml instanceof Map<?, ?> m)) {
      return none();
    }
    List<Milestone> milestones = new ArrayList<>();
    if (m.get("milestones") instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        if (!(list.get(i) instanceof Map<?, ?> ms)
            || ms.get("key") == null
            || ms.get("at") == null) {
          throw new IllegalArgumentException(
              file + ": incident.milestones[" + i + "] needs a key and an at");
        }
        milestones.add(
            new Milestone(
                String.valueOf(ms.get("key")),
                String.valueOf(ms.get("at")),
                Bilingual.of(ms.get("what")),
                Bilingual.of(ms.get("source"))));
      }
    }
    return new IncidentFacts(
        optional(m.get("classification")),
        optional(m.get("root_cause")),
        optional(m.get("root_cause_source")),
        optional(m.get("recurrence")),
        optional(m.get("recurrence_source")),
        milestones);
  }

  private static Bilingual optional(Object yaml) {
    return yaml == null ? null : Bilingual.of(yaml);
  }

  /** The milestone of that key, or null. */
  Milestone milestone(String key) {
    return milestones.stream().filter(x -> x.key().equals(key)).findFirst().orElse(null);
  }
}

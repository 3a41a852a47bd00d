package dev.aftermath.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Quoted public figures about the platform ({@code facts.yaml} beside the case's scenario), each
 * with its source, and the remediation measures as the company reported them. Reports show them
 * apart from the engine's figures; a case without the file has none.
 */
record Facts(
    List<Fact> facts, List<Bilingual> remediation, LegalBases legalBases, IncidentFacts incident) {
  /** One quoted figure. */
  record Fact(String key, Object value, String unit, String asOf, Bilingual source) {}

  static Facts none() {
    return new Facts(List.of(), List.of(), LegalBases.none(), IncidentFacts.none());
  }

  @SuppressWarnings("unchecked")
  static Facts of(CaseFiles caseFiles) {
    String file = "facts.yaml";
    Optional<String> text = caseFiles.text(file);
    if (text.isEmpty()) {
      return none();
    }
    Object doc = new Load(LoadSettings.builder().setLabel(file).build()).loadFromString(text.get());
    if (!(doc instanceof Map<?, ?> root)) {
      throw new IllegalArgumentException(file + ": expected a mapping with facts and remediation");
    }
    List<Fact> facts = new ArrayList<>();
    if (root.get("facts") instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m) {
          facts.add(
              new Fact(
                  String.valueOf(m.get("key")),
                  m.get("value"),
                  m.get("unit") == null ? "" : String.valueOf(m.get("unit")),
                  m.get("as_of") == null ? "" : String.valueOf(m.get("as_of")),
                  Bilingual.of(m.get("source"))));
        }
      }
    }
    List<Bilingual> remediation = new ArrayList<>();
    if (root.get("remediation") instanceof List<?> list) {
      for (Object o : list) {
        remediation.add(Bilingual.of(o));
      }
    }
    return new Facts(
        facts,
        remediation,
        LegalBases.read(root.get("legal_bases"), file),
        IncidentFacts.read(root.get("incident"), file));
  }

  /** The remediation measures in the report's language. */
  List<String> remediation(Formats f) {
    return remediation.stream().map(r -> r.in(f)).toList();
  }

  /** The figures formatted for a report: label, value, as of, source. */
  List<List<String>> rows(Formats f, Map<String, String> msg) {
    List<List<String>> rows = new ArrayList<>();
    for (Fact fact : facts) {
      String value;
      if (fact.value() instanceof Number n) {
        double v = n.doubleValue();
        value =
            "merchants".equals(fact.unit())
                ? f.count(v)
                : fact.unit().length() == 3 ? f.moneyIn(v, fact.unit()) : f.number(v, 2);
        if ("HKD".equals(fact.unit()) && v < 1000) {
          // a share price, not abbreviated
          value =
              f.chinese()
                  ? f.number(v, 2) + Formats.chineseUnit(fact.unit())
                  : fact.unit() + " " + f.number(v, 2);
        }
      } else {
        value = String.valueOf(fact.value());
      }
      rows.add(
          List.of(
              msg.getOrDefault("fact." + fact.key(), fact.key()),
              value,
              fact.asOf(),
              fact.source().in(f)));
    }
    return rows;
  }
}

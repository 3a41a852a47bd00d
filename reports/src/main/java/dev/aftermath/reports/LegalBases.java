package dev.aftermath.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The law each liability regime rests on, with the dates it applies ({@code legal_bases} of {@code
 * facts.yaml}): the legal report names the basis in force on the incident's first day, so a breach
 * of February 2020 is judged under the Contract Law and one of 2021 under the Civil Code.
 */
record LegalBases(List<Basis> bases) {
  /** One basis: the regime it supports, the first and last day it applies (to may be null). */
  record Basis(String regime, LocalDate from, LocalDate to, Bilingual law, Bilingual source) {
    boolean appliesOn(LocalDate day) {
      return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }
  }

  static LegalBases none() {
    return new LegalBases(List.of());
  }

  /** Reads {@code legal_bases} of the facts file's document; absent gives none. */
  static LegalBases read(Object list, String file) {
    List<Basis> out = new ArrayList<>();
    if (list instanceof List<?> items) {
      for (int i = 0; i < items.size(); i++) {
        if (!(items.get(i) instanceof Map<?, ?> m)) {
          throw new IllegalArgumentException(file + ": legal_bases[" + i + "] is not a mapping");
        }
        String where = file + ": legal_bases[" + i + "]";
        out.add(
            new Basis(
                required(m, "regime", where),
                LocalDate.parse(required(m, "from", where)),
                m.get("to") == null ? null : LocalDate.parse(String.valueOf(m.get("to"))),
                Bilingual.of(m.get("law")),
                Bilingual.of(m.get("source"))));
      }
    }
    return new LegalBases(out);
  }

  private static String required(Map<?, ?> m, String key, String where) {
    Object v = m.get(key);
    if (v == null || String.valueOf(v).isBlank()) {
      throw new IllegalArgumentException(where + ": " + key + " is missing");
    }
    return String.valueOf(v);
  }

  /** The basis of {@code regime} in force on {@code day}, if the file names one. */
  Optional<Basis> applying(String regime, LocalDate day) {
    return bases.stream().filter(b -> b.regime().equals(regime) && b.appliesOn(day)).findFirst();
  }

  /**
   * One row per regime, in the order given (regime label, the law in force on {@code day}, the
   * dates it applies, its source); a regime without a basis on that day says so.
   */
  List<List<String>> rows(List<String> regimes, LocalDate day, Formats f, Map<String, String> msg) {
    List<List<String>> rows = new ArrayList<>();
    for (String regime : regimes) {
      String label = msg.getOrDefault("regime." + regime, regime);
      Optional<Basis> b = applying(regime, day);
      if (b.isEmpty()) {
        rows.add(List.of(label, msg.get("legal.no_basis"), "", ""));
        continue;
      }
      Basis basis = b.get();
      String span =
          f.date(basis.from())
              + " – "
              + (basis.to() == null ? msg.get("legal.in_force") : f.date(basis.to()));
      rows.add(List.of(label, basis.law().in(f), span, basis.source().in(f)));
    }
    return rows;
  }
}

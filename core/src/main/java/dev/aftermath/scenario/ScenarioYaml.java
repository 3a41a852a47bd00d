package dev.aftermath.scenario;

import dev.aftermath.InvalidCaseException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Typed reading of the parsed {@code scenario.yaml}: each getter takes the full dotted key, reads
 * its last part from the given mapping, and records a problem naming the file and the key when the
 * value is missing or of the wrong kind (the getter then returns null or a fallback), so that every
 * problem is reported at once by {@link #failIfAnyProblem()}.
 */
final class ScenarioYaml {
  private final String file;
  private final List<String> problems = new ArrayList<>();

  ScenarioYaml(String file) {
    this.file = file;
  }

  /** Records that the value at {@code key} cannot be used, and why. */
  void problem(String key, String what) {
    problems.add(file + ": key " + key + ": " + what);
  }

  /** Throws {@link InvalidCaseException} listing every problem recorded, if there is one. */
  void failIfAnyProblem() {
    if (!problems.isEmpty()) {
      throw new InvalidCaseException(problems);
    }
  }

  private static String leaf(String key) {
    int dot = key.lastIndexOf('.');
    return dot < 0 ? key : key.substring(dot + 1);
  }

  /** The raw value at {@code key}, or null (a problem when {@code required}). */
  Object value(Map<String, Object> m, String key, boolean required) {
    if (m == null) {
      return null;
    }
    Object v = m.get(leaf(key));
    if (v == null && required) {
      problems.add(file + ": key " + key + " is missing");
    }
    return v;
  }

  /** The mapping at {@code key}, or null. */
  Map<String, Object> map(Map<String, Object> m, String key, boolean required) {
    Object v = value(m, key, required);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Map<?, ?> sub)) {
      problem(key, "expected a mapping, found '" + v + "'");
      return null;
    }
    return asMap(sub);
  }

  /** The value at {@code key} as text, or null. */
  String text(Map<String, Object> m, String key, boolean required) {
    Object v = value(m, key, required);
    return v == null ? null : String.valueOf(v);
  }

  /** The number at {@code key}, or null. */
  Double number(Map<String, Object> m, String key, boolean required) {
    Object v = value(m, key, required);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(String.valueOf(v).strip());
    } catch (NumberFormatException e) {
      problem(key, "'" + v + "' is not a number");
      return null;
    }
  }

  /**
   * A whole number {@code v} (read at {@code key}) from {@code min} to 3650, or {@code fallback}
   * when it is absent or out of range.
   */
  int whole(Double v, String key, int min, int fallback) {
    if (v == null) {
      return fallback;
    }
    if (v != Math.rint(v) || v < min || v > 3650) {
      problem(key, "'" + v + "' must be a whole number from " + min + " to 3650");
      return fallback;
    }
    return v.intValue();
  }

  /** The time zone at {@code key} (required), UTC when it is missing or unknown. */
  ZoneId zone(Map<String, Object> m, String key) {
    String tz = text(m, key, true);
    if (tz == null) {
      return ZoneId.of("UTC");
    }
    try {
      return ZoneId.of(tz);
    } catch (DateTimeException e) {
      problem(
          key, "'" + tz + "' is not a known time zone (use an IANA name such as Asia/Shanghai)");
      return ZoneId.of("UTC");
    }
  }

  /** The timestamp at {@code key} in the scenario's local time ({@link Timestamps}), or null. */
  LocalDateTime timestamp(Map<String, Object> m, String key, ZoneId zone, boolean required) {
    Object v = value(m, key, required);
    if (v == null) {
      return null;
    }
    try {
      return Timestamps.toLocal(String.valueOf(v), zone);
    } catch (DateTimeException e) {
      problem(key, "'" + v + "' is not an ISO-8601 timestamp such as 2020-02-23T19:00:00");
      return null;
    }
  }

  /** The date at {@code key} (required), or null. */
  LocalDate date(Map<String, Object> m, String key) {
    Object v = value(m, key, true);
    if (v == null) {
      return null;
    }
    try {
      return Timestamps.date(String.valueOf(v));
    } catch (DateTimeException e) {
      problem(key, "'" + v + "' is not a date YYYY-MM-DD");
      return null;
    }
  }

  /** A list of plain values at {@code key} (required), as text. */
  List<String> names(Map<String, Object> m, String key) {
    Object v = value(m, key, true);
    List<String> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (!(v instanceof List<?> list)) {
      problem(key, "expected a list such as [cash, traffic], found '" + v + "'");
      return out;
    }
    for (Object o : list) {
      out.add(String.valueOf(o));
    }
    return out;
  }

  /** A list of mappings at {@code key} (required). */
  List<Map<String, Object>> maps(Map<String, Object> m, String key) {
    Object v = value(m, key, true);
    List<Map<String, Object>> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (!(v instanceof List<?> list)) {
      problem(key, "expected a list of mappings, found '" + v + "'");
      return out;
    }
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) instanceof Map<?, ?> item) {
        out.add(asMap(item));
      } else {
        problem(key + "[" + i + "]", "expected a mapping, found '" + list.get(i) + "'");
      }
    }
    return out;
  }

  static double orDefault(Double v, double fallback) {
    return v == null ? fallback : v;
  }

  static OptionalDouble optional(Double d) {
    return d == null ? OptionalDouble.empty() : OptionalDouble.of(d);
  }

  /** A YAML mapping with its keys as text, in the order written. */
  static Map<String, Object> asMap(Map<?, ?> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }
}

package dev.aftermath.reports;

import java.util.LinkedHashMap;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * The run's settings by key ({@code scenario_assumptions}: the values the scenario writes and the
 * engine's defaults for those it leaves out).
 */
record Settings(Map<String, String> values) {
  static Settings none() {
    return new Settings(Map.of());
  }

  static Settings of(Table a) {
    Map<String, String> v = new LinkedHashMap<>();
    for (int i = 0; i < a.rowCount(); i++) {
      v.putIfAbsent(Rows.text(a, i, "key"), Rows.text(a, i, "value"));
    }
    return new Settings(v);
  }

  static Settings of(ResultTables tables) {
    return tables.has("scenario_assumptions") ? of(tables.table("scenario_assumptions")) : none();
  }

  String get(String key, String fallback) {
    String v = values.get(key);
    return v == null || v.isEmpty() ? fallback : v;
  }

  /** The number at {@code key}; NaN when absent or not a number. */
  double number(String key) {
    try {
      return Double.parseDouble(get(key, "NaN").replace("_", ""));
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}

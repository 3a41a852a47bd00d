package dev.aftermath.reports;

import java.util.LinkedHashMap;
import java.util.Map;
import tech.tablesaw.api.Table;

/** Small lookups into result tables: a number by key column, any numeric column type. */
final class Rows {
  private Rows() {}

  /** The value of {@code column} at row {@code i} as a double; NaN when missing (or no column). */
  static double num(Table t, int i, String column) {
    if (!t.containsColumn(column)) {
      return Double.NaN;
    }
    Object v = t.column(column).get(i);
    return v instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  static String text(Table t, int i, String column) {
    if (!t.containsColumn(column)) {
      return "";
    }
    Object v = t.column(column).get(i);
    return v == null ? "" : DisplayText.inert(v.toString());
  }

  /** The first row whose {@code key} column equals {@code value}; -1 when none. */
  static int find(Table t, String key, String value) {
    for (int i = 0; i < t.rowCount(); i++) {
      if (value.equals(text(t, i, key))) {
        return i;
      }
    }
    return -1;
  }

  /** A metric/value table as a map. */
  static Map<String, Double> metrics(Table t) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < t.rowCount(); i++) {
      m.put(text(t, i, "metric"), num(t, i, "value"));
    }
    return m;
  }
}

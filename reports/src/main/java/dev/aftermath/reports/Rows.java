package dev.aftermath.reports;

import java.util.LinkedHashMap;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * Small lookups into result tables: a number by key column, any numeric column type. An empty value
 * is NaN (or empty text); a column the table does not have is an error naming it, never a figure
 * shown as "–".
 */
final class Rows {
  private Rows() {}

  /**
   * The value of {@code column} at row {@code i} as a double; NaN when empty. {@link
   * IllegalStateException} when the table has no such column.
   */
  static double num(Table t, int i, String column) {
    requireColumn(t, column);
    Object v = t.column(column).get(i);
    return v instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  /**
   * The value of {@code column} at row {@code i} as inert text; empty when empty. {@link
   * IllegalStateException} when the table has no such column.
   */
  static String text(Table t, int i, String column) {
    requireColumn(t, column);
    Object v = t.column(column).get(i);
    return v == null ? "" : DisplayText.inert(v.toString());
  }

  private static void requireColumn(Table t, String column) {
    if (!t.containsColumn(column)) {
      throw new IllegalStateException(
          "table " + t.name() + " has no column " + column + " (it has " + t.columnNames() + ")");
    }
  }

  /** The first row whose {@code key} column equals {@code value}; -1 when none. */
  static int find(Table t, String key, String value) {
    requireColumn(t, key);
    for (int i = 0; i < t.rowCount(); i++) {
      if (value.equals(text(t, i, key))) {
        return i;
      }
    }
    return -1;
  }

  /** A metric/value table as a map. */
  static Map<String, Double> metrics(Table t) {
    requireColumn(t, "metric");
    requireColumn(t, "value");
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < t.rowCount(); i++) {
      m.put(text(t, i, "metric"), num(t, i, "value"));
    }
    return m;
  }
}

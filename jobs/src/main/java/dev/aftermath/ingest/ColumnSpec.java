package dev.aftermath.ingest;

/** One contract column: name (lower case), type, whether a value is required, and a value rule. */
public record ColumnSpec(String name, ColumnType type, boolean required, Check check)
    implements java.io.Serializable {
  static ColumnSpec required(String name, ColumnType type) {
    return new ColumnSpec(name, type, true, Check.NONE);
  }

  static ColumnSpec required(String name, ColumnType type, Check check) {
    return new ColumnSpec(name, type, true, check);
  }

  static ColumnSpec optional(String name, ColumnType type) {
    return new ColumnSpec(name, type, false, Check.NONE);
  }
}

package dev.aftermath.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * One input table of the contract: its name, columns, whether the case must have it, and the
 * columns whose repetition makes a row a duplicate (empty: no de-duplication).
 */
public record TableSpec(String name, List<ColumnSpec> columns, boolean mandatory, List<String> key)
    implements Serializable {
  public TableSpec {
    columns = List.copyOf(columns);
    key = List.copyOf(key);
  }

  /** Position of a column by name, or -1. */
  public int indexOf(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(column)) {
        return i;
      }
    }
    return -1;
  }

  /** Names of the columns in contract order. */
  public List<String> columnNames() {
    return columns.stream().map(ColumnSpec::name).toList();
  }
}

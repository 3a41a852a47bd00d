package dev.aftermath.ingest;

/** A rejected row as shown to the user: file, line or row, column, value and reason. */
public record QuarantinedRow(
    String table,
    String file,
    Long line,
    Long rowIndex,
    String column,
    String value,
    String reason) {
  /** "orders.csv line 4812: column amount is 'abc' (NOT_A_NUMBER)". */
  public String describe() {
    String where = line != null ? file + " line " + line : file + " row " + rowIndex;
    String what = column == null ? value : "column " + column + " is '" + value + "'";
    return where + ": " + what + " (" + reason + ")";
  }
}

package dev.aftermath.ingest;

import dev.aftermath.text.ConsoleText;

/**
 * A rejected row as shown to the user: file, line (and the line it ends on, for a record over
 * several lines) or row, column, value and reason.
 */
public record QuarantinedRow(
    String table,
    String file,
    Long line,
    Long rowIndex,
    String column,
    String value,
    String reason,
    Long endLine) {
  /**
   * "orders.csv line 4812: column amount is 'abc' (NOT_A_NUMBER)"; "orders.csv lines 17–40: ..."
   * for a record over several lines. On one line, with characters that could hide text or drive a
   * terminal replaced: the value comes from the case.
   */
  public String describe() {
    String where =
        line == null
            ? file + " row " + rowIndex
            : endLine != null && endLine > line
                ? file + " lines " + line + "–" + endLine
                : file + " line " + line;
    String what = column == null ? value : "column " + column + " is '" + value + "'";
    return ConsoleText.oneLine(where + ": " + what + " (" + reason + ")");
  }
}

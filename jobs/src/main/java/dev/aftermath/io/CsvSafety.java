package dev.aftermath.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.when;

import dev.aftermath.text.HiddenCharacters;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Guards CSV exports against spreadsheet formula injection (OWASP "CSV Injection"): a text cell
 * that starts with {@code = + - @}, a tab or a carriage return is prefixed with a single quote so
 * that spreadsheet programs show it as text instead of evaluating it. Characters that reorder the
 * text around them (bidirectional overrides and isolates, U+202A–U+202E, U+2066–U+2069) or hide
 * (zero-width and control characters: {@link HiddenCharacters}, the set the reports show by their
 * code) are replaced by U+FFFD first, so that a cell reads as what it holds.
 */
public final class CsvSafety {
  private CsvSafety() {}

  /** The pattern of text a spreadsheet would treat as a formula. */
  public static final String FORMULA_START = "^[=+\\-@\t\r]";

  /** Characters that reorder or hide text, replaced in exports: {@link HiddenCharacters}. */
  public static final String HIDDEN = HiddenCharacters.REGEX_CLASS;

  /** Every string column of {@code df}, made safe; other columns unchanged. */
  public static Dataset<Row> safeStrings(Dataset<Row> df) {
    Column[] columns = new Column[df.schema().fields().length];
    int i = 0;
    for (StructField f : df.schema().fields()) {
      Column raw = col("`" + f.name() + "`");
      if (f.dataType().equals(DataTypes.StringType)) {
        Column c = regexp_replace(raw, HIDDEN, "\uFFFD");
        columns[i++] = when(c.rlike(FORMULA_START), concat(lit("'"), c)).otherwise(c).as(f.name());
      } else {
        columns[i++] = raw;
      }
    }
    return df.select(columns);
  }

  /**
   * The header line of a CSV twin: the column names, quoted (quotes doubled) where a name holds a
   * comma, a quote or a line break, as Spark's CSV writer quotes values; ends with a newline.
   */
  public static String headerLine(String[] columns) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < columns.length; i++) {
      if (i > 0) {
        b.append(',');
      }
      String c = columns[i];
      if (c.indexOf(',') >= 0
          || c.indexOf('"') >= 0
          || c.indexOf('\n') >= 0
          || c.indexOf('\r') >= 0) {
        b.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        b.append(c);
      }
    }
    return b.append('\n').toString();
  }
}

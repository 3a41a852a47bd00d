package dev.aftermath.ingest;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Checks one source row against its table's contract and types it. The output row has the lineage,
 * the typed columns (null where rejected), and the verdict: reason, column and value of the first
 * problem, or nulls for a good row. One row out for every row in, always.
 */
final class RowValidator implements MapFunction<Row, Row> {
  static final String REASON = "_reason";
  static final String COLUMN = "_column";
  static final String VALUE = "_value";

  private static final Set<String> STATUSES = Set.of("PAID", "REFUNDED", "CANCELLED");

  private final TableSpec spec;
  private final FieldParser parser;
  private final Broadcast<Set<String>> merchantIds;
  private final TableSource source;
  private transient String lastFile;
  private transient String lastLabel;

  RowValidator(TableSource source, ZoneId zone, Broadcast<Set<String>> merchantIds) {
    this.source = source;
    this.spec = source.spec();
    this.parser = new FieldParser(zone);
    this.merchantIds = merchantIds;
  }

  /** Schema of the validator's output rows for {@code spec}. */
  static StructType outputSchema(TableSpec spec) {
    List<StructField> fields = new ArrayList<>(SourceColumns.lineage());
    for (ColumnSpec c : spec.columns()) {
      fields.add(SourceColumns.field(c.name(), c.type().sparkType()));
    }
    fields.add(SourceColumns.field(REASON, DataTypes.StringType));
    fields.add(SourceColumns.field(COLUMN, DataTypes.StringType));
    fields.add(SourceColumns.field(VALUE, DataTypes.StringType));
    return new StructType(fields.toArray(StructField[]::new));
  }

  @Override
  public Row call(Row in) {
    int n = spec.columns().size();
    Object[] out = new Object[SourceColumns.COUNT + n + 3];
    for (int i = 0; i < SourceColumns.COUNT; i++) {
      out[i] = in.get(i);
    }
    out[0] = label(in.getString(0));
    String defect = in.getString(4);
    if (defect != null) {
      int colon = defect.indexOf(':');
      return reject(out, n, defect.substring(0, colon), null, defect.substring(colon + 1), in);
    }
    for (int i = 0; i < n; i++) {
      ColumnSpec column = spec.columns().get(i);
      Object value = in.get(SourceColumns.COUNT + i);
      if (value == null || value instanceof String s && s.isBlank()) {
        if (column.required()) {
          return reject(out, n, QuarantineReason.MISSING_REQUIRED.name(), column.name(), "", in);
        }
        continue;
      }
      Object typed;
      try {
        typed = parser.parse(value, column.type());
      } catch (FieldParser.BadValue e) {
        return reject(out, n, e.reason.name(), column.name(), String.valueOf(value), in);
      }
      if (typed instanceof String text && text.length() > MAX_TEXT_CHARS) {
        return reject(
            out, n, QuarantineReason.TEXT_TOO_LONG.name(), column.name(), shown(text), in);
      }
      if (!passes(column.check(), typed)) {
        return reject(
            out, n, column.check().reason().name(), column.name(), String.valueOf(value), in);
      }
      out[SourceColumns.COUNT + i] = typed;
    }
    int amount = spec.indexOf("amount");
    int tax = spec.indexOf("tax");
    if (amount >= 0 && tax >= 0) {
      BigDecimal a = (BigDecimal) out[SourceColumns.COUNT + amount];
      BigDecimal t = (BigDecimal) out[SourceColumns.COUNT + tax];
      if (a != null && t != null && t.compareTo(a) > 0) {
        return reject(
            out,
            n,
            QuarantineReason.TAX_EXCEEDS_AMOUNT.name(),
            "tax",
            t.stripTrailingZeros().toPlainString(),
            in);
      }
    }
    return RowFactory.create(out);
  }

  /** Parquet rows carry the file's URI: shown as its name in the case, like CSV files. */
  private String label(String file) {
    if (!file.equals(lastFile)) {
      lastFile = file;
      lastLabel = source.labelOf(file);
    }
    return lastLabel;
  }

  private boolean passes(Check check, Object v) {
    return switch (check) {
      case NONE -> true;
      case NON_NEGATIVE -> ((BigDecimal) v).signum() >= 0;
      case POSITIVE -> ((Double) v) > 0;
      case PERCENT -> ((Double) v) >= 0 && ((Double) v) <= 100;
      case ORDER_STATUS -> STATUSES.contains((String) v);
      case KNOWN_MERCHANT -> merchantIds == null || merchantIds.value().contains((String) v);
    };
  }

  private Row reject(Object[] out, int n, String reason, String column, String value, Row in) {
    for (int i = 0; i < n; i++) {
      out[SourceColumns.COUNT + i] = null;
    }
    int customer = spec.indexOf(CUSTOMER_ID);
    if (customer < 0) {
      if (out[3] == null || source.database() != null) {
        out[3] = rawOf(in, n, -1);
      }
    } else if (in.getString(4) != null) {
      // the text could not be split into the table's fields: any part may be a customer's
      // identifier
      out[3] = WITHHELD_RAW;
    } else {
      out[3] = rawOf(in, n, customer);
    }
    if (out[3] instanceof String raw && raw.length() > MAX_TEXT_CHARS) {
      out[3] = raw.substring(0, MAX_TEXT_CHARS) + "…";
    }
    if (source.database() != null && in.getString(3) != null) {
      // a database row: its key first, in place of the line a file would give
      out[3] = in.getString(3) + " | " + out[3];
    }
    out[SourceColumns.COUNT + n] = reason;
    out[SourceColumns.COUNT + n + 1] = column;
    out[SourceColumns.COUNT + n + 2] = CUSTOMER_ID.equals(column) ? CUSTOMER_MASK : value;
    return RowFactory.create(out);
  }

  /** The longest text value accepted (identifiers, names, codes). */
  static final int MAX_TEXT_CHARS = 2_000;

  /** A long value as the quarantine shows it: its start and its length. */
  private static String shown(String text) {
    return text.substring(0, 100) + "… (" + text.length() + " characters)";
  }

  /**
   * End customers' identifiers never leave ingestion in a rejected row: the quarantine shows a
   * rejected row of a table that holds them as its fields joined by commas with the customer's
   * identifier masked, and withholds the text of a row that could not be split into its fields (a
   * malformed record or a wrong number of fields: its file and line say where it is).
   */
  static final String CUSTOMER_ID = "customer_id";

  static final String CUSTOMER_MASK = "<customer_id>";
  static final String WITHHELD_RAW =
      "(text withheld: it may hold a customer identifier; see the file at this line)";

  /**
   * The row's fields joined by commas (for Parquet rows, what the quarantine shows of the row), the
   * field at {@code masked} (if any) replaced by {@link #CUSTOMER_MASK}.
   */
  private static String rawOf(Row in, int n, int masked) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(',');
      }
      Object v = in.get(SourceColumns.COUNT + i);
      b.append(v == null ? "" : i == masked ? CUSTOMER_MASK : v);
    }
    return b.toString();
  }
}

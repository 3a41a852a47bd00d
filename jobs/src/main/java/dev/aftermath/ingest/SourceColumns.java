package dev.aftermath.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The lineage columns every source row carries ahead of the table's own columns: which file, which
 * CSV line or Parquet row, the raw text, a defect the reader already found, and the CSV line where
 * the record ends (a quoted field or an unterminated quote can carry a record over many lines).
 */
final class SourceColumns {
  private SourceColumns() {}

  static final String FILE = "_file";
  static final String LINE = "_line";
  static final String ROW = "_row";
  static final String RAW = "_raw";
  static final String DEFECT = "_defect";
  static final String END_LINE = "_end_line";

  /** Number of lineage columns before the table's columns. */
  static final int COUNT = 6;

  static List<StructField> lineage() {
    return List.of(
        field(FILE, DataTypes.StringType),
        field(LINE, DataTypes.LongType),
        field(ROW, DataTypes.LongType),
        field(RAW, DataTypes.StringType),
        field(DEFECT, DataTypes.StringType),
        field(END_LINE, DataTypes.LongType));
  }

  /** Lineage then every column of {@code spec} as text: the shape of a CSV source row. */
  static StructType csvSchema(TableSpec spec) {
    List<StructField> fields = new ArrayList<>(lineage());
    for (ColumnSpec c : spec.columns()) {
      fields.add(field(c.name(), DataTypes.StringType));
    }
    return new StructType(fields.toArray(StructField[]::new));
  }

  static StructField field(String name, DataType type) {
    return new StructField(name, type, true, Metadata.empty());
  }
}

package dev.aftermath.io;

import dev.aftermath.tables.OutputTable;
import dev.aftermath.tables.OutputTable.Written;
import dev.aftermath.tables.OutputTables;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Spark schemas held against the output tables' contract ({@link OutputTables}). */
public final class OutputContract {
  private OutputContract() {}

  /**
   * Checks that {@code schema} is what the contract says table {@code table} holds: the same
   * columns in the same order with the same types. Throws {@link IllegalStateException} naming the
   * table and the first column that differs, or the table when the contract has none.
   */
  public static void check(String table, StructType schema) {
    OutputTable spec = OutputTables.require(table);
    spec.mismatch(written(schema))
        .ifPresent(
            problem -> {
              throw new IllegalStateException(
                  "Cannot write " + problem + " (contract: dev.aftermath.tables.OutputTables)");
            });
  }

  /** The columns of {@code schema} with their types named as the contract names them. */
  public static List<Written> written(StructType schema) {
    List<Written> out = new ArrayList<>();
    for (StructField f : schema.fields()) {
      out.add(new Written(f.name(), typeName(f.dataType())));
    }
    return out;
  }

  /**
   * The contract's name for a Spark type: {@code long}, {@code int}, {@code timestamp} (local time
   * without offset), {@code decimal(p,s)}; other types by Spark's own name, which no contract uses.
   */
  public static String typeName(DataType type) {
    if (type.equals(DataTypes.StringType)) {
      return "string";
    } else if (type.equals(DataTypes.LongType)) {
      return "long";
    } else if (type.equals(DataTypes.IntegerType)) {
      return "int";
    } else if (type.equals(DataTypes.DoubleType)) {
      return "double";
    } else if (type.equals(DataTypes.BooleanType)) {
      return "boolean";
    } else if (type.equals(DataTypes.DateType)) {
      return "date";
    } else if (type.equals(DataTypes.TimestampNTZType)) {
      return "timestamp";
    } else if (type instanceof DecimalType d) {
      return "decimal(" + d.precision() + "," + d.scale() + ")";
    }
    return type.simpleString();
  }
}

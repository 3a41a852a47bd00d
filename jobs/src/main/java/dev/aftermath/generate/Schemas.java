package dev.aftermath.generate;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Nullable Spark schemas written as name, type pairs. */
final class Schemas {
  private Schemas() {}

  static StructType of(Object... nameType) {
    StructField[] f = new StructField[nameType.length / 2];
    for (int i = 0; i < f.length; i++) {
      f[i] =
          new StructField(
              (String) nameType[2 * i], (DataType) nameType[2 * i + 1], true, Metadata.empty());
    }
    return new StructType(f);
  }
}

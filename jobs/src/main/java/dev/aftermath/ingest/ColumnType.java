package dev.aftermath.ingest;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/** The contract's column types and the Spark type each is stored as after ingestion. */
public enum ColumnType {
  STRING(DataTypes.StringType),
  /** Money and counts: exact, up to 4 decimals. */
  DECIMAL(DataTypes.createDecimalType(18, 4)),
  /** Ratios, indices and prices: a double is precise enough and simpler downstream. */
  REAL(DataTypes.DoubleType),
  /** Local wall-clock time in the scenario's time zone. */
  TIMESTAMP(DataTypes.TimestampNTZType),
  DATE(DataTypes.DateType),
  BOOLEAN(DataTypes.BooleanType);

  private final DataType sparkType;

  ColumnType(DataType sparkType) {
    this.sparkType = sparkType;
  }

  /** The Spark SQL type of the ingested column. */
  public DataType sparkType() {
    return sparkType;
  }
}

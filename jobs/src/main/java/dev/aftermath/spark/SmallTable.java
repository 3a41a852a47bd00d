package dev.aftermath.spark;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A small result table built in the driver and written as one file: typed columns, then rows in the
 * order they are added. A row is checked against the columns when it is added, so a value in the
 * wrong place fails there with the column's name rather than later inside Spark.
 */
public final class SmallTable {
  /** The Java values each column type takes (null is always allowed). */
  private static final Map<DataType, Set<Class<?>>> VALUES =
      Map.of(
          DataTypes.StringType, Set.of(String.class),
          DataTypes.IntegerType, Set.of(Integer.class),
          DataTypes.LongType, Set.of(Long.class),
          DataTypes.DoubleType, Set.of(Double.class),
          DataTypes.BooleanType, Set.of(Boolean.class),
          DataTypes.DateType, Set.of(LocalDate.class, java.sql.Date.class),
          DataTypes.TimestampNTZType, Set.of(LocalDateTime.class));

  private final StructType schema;
  private final List<Row> rows = new ArrayList<>();

  private SmallTable(StructType schema) {
    this.schema = schema;
  }

  /** A table whose columns are declared next. */
  public static Columns columns() {
    return new Columns();
  }

  /** A table of {@code T}s, each column declared with the value it takes from a {@code T}. */
  public static <T> Mapping<T> mapping() {
    return new Mapping<>();
  }

  /** Adds a row: one value per column, in column order. */
  public SmallTable row(Object... values) {
    StructField[] fields = schema.fields();
    if (values.length != fields.length) {
      throw new IllegalArgumentException(
          "Cannot add a row of "
              + values.length
              + " values to a table of "
              + fields.length
              + " columns "
              + List.of(schema.fieldNames()));
    }
    for (int i = 0; i < fields.length; i++) {
      Object v = values[i];
      if (v != null && !VALUES.get(fields[i].dataType()).contains(v.getClass())) {
        throw new IllegalArgumentException(
            "Cannot put "
                + v.getClass().getSimpleName()
                + " "
                + v
                + " in column "
                + fields[i].name()
                + " of type "
                + fields[i].dataType().simpleString());
      }
    }
    rows.add(RowFactory.create(values.clone()));
    return this;
  }

  public StructType schema() {
    return schema;
  }

  /** The rows added so far, in order. */
  public List<Row> rows() {
    return Collections.unmodifiableList(rows);
  }

  /** The table as a single-partition Dataset, rows in the order added. */
  public Dataset<Row> dataset(SparkSession spark) {
    return spark.createDataFrame(rows, schema).coalesce(1);
  }

  /** The columns of a table, in order. */
  public static final class Columns {
    private StructType schema = new StructType();

    private Columns() {}

    public Columns string(String name) {
      return add(name, DataTypes.StringType);
    }

    public Columns integer(String name) {
      return add(name, DataTypes.IntegerType);
    }

    public Columns bigint(String name) {
      return add(name, DataTypes.LongType);
    }

    /** A double column. */
    public Columns number(String name) {
      return add(name, DataTypes.DoubleType);
    }

    public Columns bool(String name) {
      return add(name, DataTypes.BooleanType);
    }

    public Columns date(String name) {
      return add(name, DataTypes.DateType);
    }

    /** A timestamp without a time zone ({@link LocalDateTime}). */
    public Columns timestamp(String name) {
      return add(name, DataTypes.TimestampNTZType);
    }

    private Columns add(String name, DataType type) {
      schema = schema.add(name, type);
      return this;
    }

    /** The empty table with these columns. */
    public SmallTable table() {
      return new SmallTable(schema);
    }
  }

  /** Columns of a table of {@code T}s, each with the accessor that gives its value. */
  public static final class Mapping<T> {
    private final Columns columns = new Columns();
    private final List<Function<T, ?>> values = new ArrayList<>();

    private Mapping() {}

    public Mapping<T> string(String name, Function<T, String> value) {
      columns.string(name);
      return with(value);
    }

    public Mapping<T> integer(String name, Function<T, Integer> value) {
      columns.integer(name);
      return with(value);
    }

    public Mapping<T> bigint(String name, Function<T, Long> value) {
      columns.bigint(name);
      return with(value);
    }

    public Mapping<T> number(String name, Function<T, Double> value) {
      columns.number(name);
      return with(value);
    }

    public Mapping<T> bool(String name, Function<T, Boolean> value) {
      columns.bool(name);
      return with(value);
    }

    public Mapping<T> date(String name, Function<T, LocalDate> value) {
      columns.date(name);
      return with(value);
    }

    private Mapping<T> with(Function<T, ?> value) {
      values.add(value);
      return this;
    }

    /** The table of {@code items}, one row each, in order. */
    public SmallTable table(List<T> items) {
      SmallTable t = columns.table();
      for (T item : items) {
        Object[] row = new Object[values.size()];
        for (int i = 0; i < row.length; i++) {
          row[i] = values.get(i).apply(item);
        }
        t.row(row);
      }
      return t;
    }
  }
}

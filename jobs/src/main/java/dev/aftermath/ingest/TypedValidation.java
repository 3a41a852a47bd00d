package dev.aftermath.ingest;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The contract's checks as Spark SQL expressions, for Parquet sources whose columns already have
 * the contract's types (the common case, and the large one): the same verdicts, typed values and
 * quarantine text as {@link RowValidator} — a test compares the two row by row — without turning
 * every row into Java objects. The value and raw text of a rejected row come from the same Java
 * formatting as {@link RowValidator}'s, evaluated for rejected rows only.
 */
final class TypedValidation {
  private static final String KNOWN = "_known_merchant";
  private static final BigDecimal DECIMAL_LIMIT = BigDecimal.valueOf(99_999_999_999_999L);
  private static final double REAL_LIMIT = 99_999_999_999_999d;

  private TypedValidation() {}

  /** Whether every column of the table is in {@code source} with a type read as it stands. */
  static boolean applies(StructType source, TableSpec spec) {
    for (ColumnSpec c : spec.columns()) {
      StructField f = field(source, c.name());
      if (f == null || !readable(c.type(), f.dataType())) {
        return false;
      }
    }
    return true;
  }

  private static StructField field(StructType schema, String name) {
    for (StructField f : schema.fields()) {
      if (f.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    return null;
  }

  private static boolean readable(ColumnType type, DataType t) {
    return switch (type) {
      case STRING -> t.equals(DataTypes.StringType);
      case DECIMAL -> t instanceof DecimalType;
      case REAL -> t.equals(DataTypes.DoubleType);
      case TIMESTAMP -> t.equals(DataTypes.TimestampType) || t.equals(DataTypes.TimestampNTZType);
      case DATE -> t.equals(DataTypes.DateType);
      case BOOLEAN -> t.equals(DataTypes.BooleanType);
    };
  }

  /** One branch of the verdict: when {@code condition} holds (and no earlier branch did). */
  private record Branch(Column condition, String reason, String column, Column value) {}

  /**
   * Validated rows of {@code raw} (as {@link SourceReader} reads a Parquet source): the shape of
   * {@link RowValidator#outputSchema}. The session's time zone must be the scenario's, as during
   * ingestion.
   */
  static Dataset<Row> validate(
      SparkSession spark,
      Dataset<Row> raw,
      TableSource source,
      Broadcast<Set<String>> merchantIds) {
    TableSpec spec = source.spec();
    Dataset<Row> in = raw;
    boolean checksMerchants =
        merchantIds != null
            && spec.columns().stream().anyMatch(c -> c.check() == Check.KNOWN_MERCHANT);
    if (checksMerchants) {
      Dataset<Row> known =
          spark
              .createDataset(new ArrayList<>(merchantIds.value()), Encoders.STRING())
              .toDF(KNOWN)
              .dropDuplicates();
      String merchantColumn =
          spec.columns().stream()
              .filter(c -> c.check() == Check.KNOWN_MERCHANT)
              .findFirst()
              .orElseThrow()
              .name();
      in = raw.join(broadcast(known), col(merchantColumn).equalTo(col(KNOWN)), "left");
    }
    StructType schema = raw.schema();
    UserDefinedFunction text = udf((UDF1<Object, String>) String::valueOf, DataTypes.StringType);
    List<Branch> branches = new ArrayList<>();
    List<Column> typed = new ArrayList<>();
    for (ColumnSpec c : spec.columns()) {
      Column v = col("`" + c.name() + "`");
      DataType t = field(schema, c.name()).dataType();
      Column missing = v.isNull();
      if (t.equals(DataTypes.StringType)) {
        missing = missing.or(blank(v));
      }
      if (c.required()) {
        branches.add(
            new Branch(missing, QuarantineReason.MISSING_REQUIRED.name(), c.name(), lit("")));
      }
      Column present = missing.unary_$bang();
      Column value = text.apply(v);
      Column typedValue;
      switch (c.type()) {
        case DECIMAL -> {
          branches.add(
              new Branch(
                  present.and(abs(v).gt(lit(DECIMAL_LIMIT))),
                  QuarantineReason.OUT_OF_RANGE.name(),
                  c.name(),
                  value));
          typedValue = v.cast(ColumnType.DECIMAL.sparkType());
        }
        case REAL -> {
          Column infinite =
              v.equalTo(lit(Double.POSITIVE_INFINITY)).or(v.equalTo(lit(Double.NEGATIVE_INFINITY)));
          branches.add(
              new Branch(
                  present.and(isnan(v).or(infinite)),
                  QuarantineReason.NOT_A_NUMBER.name(),
                  c.name(),
                  value));
          branches.add(
              new Branch(
                  present.and(abs(v).gt(lit(REAL_LIMIT))),
                  QuarantineReason.OUT_OF_RANGE.name(),
                  c.name(),
                  value));
          typedValue = round(v, 4);
        }
        case TIMESTAMP -> typedValue = v.cast(DataTypes.TimestampNTZType);
        default -> typedValue = v;
      }
      Column fails =
          switch (c.check()) {
            case NONE -> null;
            case NON_NEGATIVE -> typedValue.lt(lit(0));
            case POSITIVE -> typedValue.leq(lit(0.0));
            case PERCENT -> typedValue.lt(lit(0.0)).or(typedValue.gt(lit(100.0)));
            case ORDER_STATUS -> typedValue.isin("PAID", "REFUNDED", "CANCELLED").unary_$bang();
            case KNOWN_MERCHANT -> checksMerchants ? col(KNOWN).isNull() : null;
          };
      if (fails != null) {
        branches.add(new Branch(present.and(fails), c.check().reason().name(), c.name(), value));
      }
      typed.add(when(present, typedValue));
    }
    int amount = spec.indexOf("amount");
    int tax = spec.indexOf("tax");
    if (amount >= 0 && tax >= 0) {
      Column a = typed.get(amount);
      Column t = typed.get(tax);
      UserDefinedFunction plain =
          udf(
              (UDF1<BigDecimal, String>) d -> d.stripTrailingZeros().toPlainString(),
              DataTypes.StringType);
      branches.add(
          new Branch(
              a.isNotNull().and(t.isNotNull()).and(t.gt(a)),
              QuarantineReason.TAX_EXCEEDS_AMOUNT.name(),
              "tax",
              plain.apply(t)));
    }
    Column reason = chain(branches, b -> lit(b.reason()));
    Column column = chain(branches, b -> lit(b.column()));
    Column value = chain(branches, Branch::value);

    List<Column> out = new ArrayList<>();
    out.add(label(raw, source).as(SourceColumns.FILE));
    out.add(col(SourceColumns.LINE));
    out.add(col(SourceColumns.ROW));
    Column[] sourceColumns =
        spec.columns().stream().map(c -> col("`" + c.name() + "`")).toArray(Column[]::new);
    UserDefinedFunction rawText =
        udf((UDF1<Row, String>) TypedValidation::rawOf, DataTypes.StringType);
    out.add(
        coalesce(
                col(SourceColumns.RAW),
                when(reason.isNotNull(), rawText.apply(struct(sourceColumns))))
            .as(SourceColumns.RAW));
    out.add(col(SourceColumns.DEFECT));
    for (int i = 0; i < typed.size(); i++) {
      out.add(when(reason.isNull(), typed.get(i)).as(spec.columns().get(i).name()));
    }
    out.add(reason.as(RowValidator.REASON));
    out.add(column.as(RowValidator.COLUMN));
    out.add(value.as(RowValidator.VALUE));
    return in.select(out.toArray(Column[]::new));
  }

  private static Column chain(
      List<Branch> branches, java.util.function.Function<Branch, Column> f) {
    Column c = null;
    for (Branch b : branches) {
      c = c == null ? when(b.condition(), f.apply(b)) : c.when(b.condition(), f.apply(b));
    }
    return c == null ? lit(null).cast(DataTypes.StringType) : c;
  }

  /**
   * Java's {@code isBlank}: only whitespace in the sense of {@link Character#isWhitespace}. The
   * first character is tested first, so that most values cost one cheap test.
   */
  private static Column blank(Column v) {
    return v.equalTo(lit(""))
        .or(
            substring(v, 1, 1)
                .rlike("^\\p{javaWhitespace}$")
                .and(v.rlike("^\\p{javaWhitespace}+$")));
  }

  /** Parquet rows carry the file's URI: its label in the case, as {@link RowValidator} gives. */
  private static Column label(Dataset<Row> raw, TableSource source) {
    // the file as the reader names it, in each form Spark may write a path: as listed, as a Hadoop
    // path, and as an encoded URI
    java.util.Map<String, String> labels = new java.util.TreeMap<>();
    for (String file : raw.inputFiles()) {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(file);
      String label = source.labelOf(file);
      for (String key : List.of(file, p.toString(), p.toUri().toString())) {
        labels.put(key, label);
      }
    }
    List<Column> kv = new ArrayList<>();
    labels.forEach(
        (k, v) -> {
          kv.add(lit(k));
          kv.add(lit(v));
        });
    if (kv.isEmpty()) {
      return col(SourceColumns.FILE);
    }
    return coalesce(
        element_at(
            org.apache.spark.sql.functions.map(kv.toArray(Column[]::new)), col(SourceColumns.FILE)),
        col(SourceColumns.FILE));
  }

  /** The values joined by commas, as {@link RowValidator} shows a rejected Parquet row. */
  static String rawOf(Row in) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < in.length(); i++) {
      if (i > 0) {
        b.append(',');
      }
      Object v = in.get(i);
      b.append(v == null ? "" : v);
    }
    return b.toString();
  }
}

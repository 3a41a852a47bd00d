package dev.aftermath.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftermath.CaseFixture;
import dev.aftermath.SparkTestBase;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Typed Parquet sources are checked by Spark SQL expressions, the others row by row in Java: on
 * hostile typed rows of every rule the two give the same rows — verdicts, typed values, file
 * labels, values and raw text of the rejected.
 */
class TypedValidationTest extends SparkTestBase {
  @TempDir Path tmp;

  private static final Instant T = Instant.parse("2020-02-17T11:00:00Z");

  @Test
  void expressionsAndRowByRowGiveTheSameRows() {
    StructType orders =
        new StructType()
            .add("order_id", DataTypes.StringType)
            .add("merchant_id", DataTypes.StringType)
            .add("customer_id", DataTypes.StringType)
            .add("created_at", DataTypes.TimestampType)
            .add("amount", DataTypes.createDecimalType(24, 6))
            .add("tax", DataTypes.createDecimalType(18, 2))
            .add("status", DataTypes.StringType);
    List<Row> orderRows =
        List.of(
            order("o1", "M1", "c1", T, "113.000000", "13.00", "PAID"),
            order("  ", "M1", "c1", T, "10", "1", "PAID"), // blank id
            order("\u3000", "M1", "c1", T, "10", "1", "PAID"), // ideographic space only
            order("\tX", "M1", "c1", T, "10", "1", "PAID"), // starts blank, is not
            order("o2", null, "c1", T, "10", "1", "PAID"),
            order("o3", "M9", "c1", T, "10", "1", "PAID"), // unknown merchant
            order("o4", "M2", "", T, "10", "1", "REFUNDED"), // blank optional customer: null
            order("o5", "M2", null, null, "10", "1", "PAID"),
            order("o6", "M2", "c2", T, "-5", "0", "PAID"),
            order("o7", "M2", "c2", T, "1.23456789", "0.12", "PAID"), // rounded to 4 places
            order("o8", "M2", "c2", T, "123456789012345.5", "0", "PAID"), // out of range
            order("o9", "M3", "c3", T, "10", "11.00", "PAID"), // tax above amount
            order("o10", "M3", "c3", T, "10", "1", "PENDING"),
            order("o11", "M3", "c3", T, "10", "1", "paid"),
            order("o12", "M3", "c3", T, "10", "1", null),
            order("o13", "M3", "c3", T, "-0.00001", "0", "CANCELLED"), // rounds to zero: fine
            order("o14", "<script>", "=cmd|'/c calc'!A0", T, "1", "0", "PAID"));
    StructType index =
        new StructType()
            .add("date", DataTypes.DateType)
            .add("industry", DataTypes.StringType)
            .add("index", DataTypes.DoubleType);
    Date d = Date.valueOf(LocalDate.of(2020, 2, 1));
    List<Row> indexRows =
        List.of(
            RowFactory.create(d, "retail", 101.23456789),
            RowFactory.create(d, "catering", Double.NaN),
            RowFactory.create(d, "travel", Double.POSITIVE_INFINITY),
            RowFactory.create(d, "beauty", -1.0),
            RowFactory.create(d, "fresh_food", 0.0),
            RowFactory.create(d, "wholesale", 1e20),
            RowFactory.create(null, "retail", 1.0),
            RowFactory.create(d, " ", 1.0));
    CaseFixture c =
        new CaseFixture(tmp.resolve("case")).file("merchants.csv", CaseFixture.MERCHANTS);
    write(orderRows, orders, c.dir().resolve("orders"));
    write(indexRows, index, c.dir().resolve("industry_index"));
    CaseLayout layout = CaseLayout.inspect(c.path(), new Configuration());
    spark.conf().set("spark.sql.session.timeZone", layout.scenario().timezone().getId());
    Broadcast<Set<String>> ids =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(Set.of("M1", "M2", "M3"));

    Set<String> reasons = new TreeSet<>();
    for (TableSpec spec : List.of(InputTables.ORDERS, InputTables.INDUSTRY_INDEX)) {
      TableSource source = layout.source(spec).orElseThrow();
      assertThat(TypedValidation.applies(SourceReader.read(spark, source).schema(), spec)).isTrue();
      List<Row> fast = sorted(IngestJob.validate(spark, source, layout.scenario(), ids));
      List<Row> slow = sorted(IngestJob.validateRowByRow(spark, source, layout.scenario(), ids));
      assertThat(fast).hasSize(slow.size());
      for (int i = 0; i < fast.size(); i++) {
        assertThat(fast.get(i).toString()).isEqualTo(slow.get(i).toString());
      }
      slow.forEach(r -> reasons.add(java.util.Objects.toString(r.getAs(RowValidator.REASON))));
    }
    assertThat(reasons)
        .contains(
            "null",
            "MISSING_REQUIRED",
            "UNKNOWN_MERCHANT",
            "NEGATIVE_AMOUNT",
            "OUT_OF_RANGE",
            "TAX_EXCEEDS_AMOUNT",
            "UNKNOWN_STATUS",
            "NOT_A_NUMBER",
            "NOT_POSITIVE");
  }

  @Test
  void aSourceWithOtherTypesIsCheckedRowByRow() {
    StructType text =
        new StructType()
            .add("date", DataTypes.StringType)
            .add("industry", DataTypes.StringType)
            .add("index", DataTypes.DoubleType);
    assertThat(TypedValidation.applies(text, InputTables.INDUSTRY_INDEX)).isFalse();
    StructType missing = new StructType().add("industry", DataTypes.StringType);
    assertThat(TypedValidation.applies(missing, InputTables.INDUSTRY_INDEX)).isFalse();
  }

  private static Row order(
      String id,
      String merchant,
      String customer,
      Instant at,
      String amount,
      String tax,
      String s) {
    return RowFactory.create(
        id, merchant, customer, at, new BigDecimal(amount), new BigDecimal(tax), s);
  }

  private void write(List<Row> rows, StructType schema, Path dir) {
    spark.createDataFrame(rows, schema).coalesce(1).write().parquet(dir.toString());
  }

  private static List<Row> sorted(org.apache.spark.sql.Dataset<Row> df) {
    Row[] rows = (Row[]) df.collect();
    Arrays.sort(rows, Comparator.comparing((Row r) -> r.<Long>getAs(SourceColumns.ROW)));
    return List.of(rows);
  }
}

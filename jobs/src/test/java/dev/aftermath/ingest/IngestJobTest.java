package dev.aftermath.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftermath.CaseFixture;
import dev.aftermath.DataQualityException;
import dev.aftermath.SparkTestBase;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestJobTest extends SparkTestBase {
  @TempDir Path tmp;

  /** One row of every bad kind, a quoted newline, a duplicate and a blank line. */
  static final String MIXED_ORDERS =
      "order_id,merchant_id,customer_id,created_at,amount,tax,status\n" // line 1
          + "g1,M1,c1,2020-02-17T19:00:00,113.00,13.00,PAID\n" // 2
          + "b1,M1,c1,2020-02-30T25:61:00,10,0,PAID\n" // 3
          + "b2,M1,c1,2020-02-17T19:00:00,abc,0,PAID\n" // 4
          + "b3,M1,c1,2020-02-17T19:00:00,-5,0,PAID\n" // 5
          + "b4,M1,c1,2020-02-17T19:00:00,10,11,PAID\n" // 6
          + "b5,M1,c1,2020-02-17T19:00:00,10,1,PENDING\n" // 7
          + "b6,M9,c1,2020-02-17T19:00:00,10,1,PAID\n" // 8
          + "b7,M1,c1,,10,1,PAID\n" // 9
          + "b8,M1,c1,2020-02-17T19:00:00,10,1\n" // 10
          + "g2,M2,\"multi\nline 客户\",2020-02-18T10:00:00,50,5,PAID\n" // 11-12
          + "b9,M1,c1,2020-02-17T19:00:00,10,x,PAID\n" // 13
          + "g1,M1,c1,2020-02-17T19:00:00,113.00,13.00,PAID\n" // 14: duplicate of line 2
          + "\n" // 15
          + "g3,M3,c9,2020-02-28T10:00:00,1.5,0.5,CANCELLED\n"; // 16

  private IngestResult ingest(CaseFixture fixture, String out) {
    return ingest(fixture, out, 100);
  }

  private IngestResult ingest(CaseFixture fixture, String out, double maxPct) {
    return Ingestion.run(spark, fixture, out, maxPct);
  }

  /** The three fixture merchants and the given orders.csv. */
  private CaseFixture caseWithOrders(String orders) {
    return new CaseFixture(tmp.resolve("case"))
        .file("merchants.csv", CaseFixture.MERCHANTS)
        .file("orders.csv", orders);
  }

  private Dataset<Row> table(String out, String name) {
    return spark.read().parquet(out + "/tables/" + name);
  }

  @Test
  void quarantinesEveryBadKindWithReasonLineColumnAndValue() {
    CaseFixture c = caseWithOrders(MIXED_ORDERS);
    String out = tmp.resolve("out").toString();
    IngestResult result = ingest(c, out);

    Map<Long, Row> byLine =
        table(out, "quarantine").filter("table = 'orders'").collectAsList().stream()
            .collect(Collectors.toMap(r -> r.getLong(r.fieldIndex("line")), r -> r));
    assertThat(byLine).containsOnlyKeys(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 13L);
    assertQuarantined(byLine.get(3L), "BAD_TIMESTAMP", "created_at", "2020-02-30T25:61:00");
    assertQuarantined(byLine.get(4L), "NOT_A_NUMBER", "amount", "abc");
    assertQuarantined(byLine.get(5L), "NEGATIVE_AMOUNT", "amount", "-5");
    assertQuarantined(byLine.get(6L), "TAX_EXCEEDS_AMOUNT", "tax", "11");
    assertQuarantined(byLine.get(7L), "UNKNOWN_STATUS", "status", "PENDING");
    assertQuarantined(byLine.get(8L), "UNKNOWN_MERCHANT", "merchant_id", "M9");
    assertQuarantined(byLine.get(9L), "MISSING_REQUIRED", "created_at", "");
    assertThat(byLine.get(10L).getString(byLine.get(10L).fieldIndex("reason")))
        .isEqualTo("WRONG_FIELD_COUNT");
    assertQuarantined(byLine.get(13L), "NOT_A_NUMBER", "tax", "x");
    // the customer's identifier is masked in what the quarantine shows of the row, and a row
    // that could not be split into its fields is withheld
    assertThat(byLine.get(4L).getString(byLine.get(4L).fieldIndex("raw")))
        .isEqualTo("b2,M1,<customer_id>,2020-02-17T19:00:00,abc,0,PAID");
    assertThat(byLine.get(10L).getString(byLine.get(10L).fieldIndex("raw")))
        .isEqualTo(RowValidator.WITHHELD_RAW);
    assertThat(byLine.get(4L).getString(byLine.get(4L).fieldIndex("file"))).isEqualTo("orders.csv");

    FileCounts counts = result.files().get("orders.csv");
    assertThat(counts.read()).isEqualTo(13);
    assertThat(counts.valid()).isEqualTo(3);
    assertThat(counts.quarantined()).isEqualTo(9);
    assertThat(counts.duplicates()).isEqualTo(1);
    assertThat(counts.byReason())
        .containsEntry("NOT_A_NUMBER", 2L)
        .containsEntry("BAD_TIMESTAMP", 1L);
    assertThat(counts.balanced()).isTrue();

    List<Row> orders = table(out, "orders").orderBy("order_id").collectAsList();
    assertThat(orders).extracting(r -> r.getString(0)).containsExactly("g1", "g2", "g3");
    Row g2 = orders.get(1);
    assertThat(g2.getString(g2.fieldIndex("customer_id"))).isEqualTo("multi\nline 客户");
    Row dup = table(out, "duplicates").first();
    assertThat(dup.getLong(dup.fieldIndex("line"))).isEqualTo(14L);
    assertThat(dup.getString(dup.fieldIndex("key"))).isEqualTo("g1");
  }

  private static void assertQuarantined(Row r, String reason, String column, String value) {
    assertThat(r.getString(r.fieldIndex("reason"))).isEqualTo(reason);
    assertThat(r.getString(r.fieldIndex("column"))).isEqualTo(column);
    assertThat(r.getString(r.fieldIndex("value"))).isEqualTo(value);
  }

  @Test
  void normalisesAllTimestampFormsAndComputesRevenue() {
    CaseFixture c = caseWithOrders(CaseFixture.GOOD_ORDERS);
    String out = tmp.resolve("out").toString();
    ingest(c, out);
    Map<String, Row> orders =
        table(out, "orders").collectAsList().stream()
            .collect(Collectors.toMap(r -> r.getString(0), r -> r));
    assertThat(orders.get("o1").get(orders.get("o1").fieldIndex("created_at")))
        .isEqualTo(LocalDateTime.of(2020, 2, 17, 19, 0));
    assertThat(orders.get("o2").get(orders.get("o2").fieldIndex("created_at")))
        .isEqualTo(LocalDateTime.of(2020, 2, 17, 20, 30));
    assertThat(orders.get("o3").get(orders.get("o3").fieldIndex("created_at")))
        .isEqualTo(LocalDateTime.of(2020, 2, 18, 9, 15));
    assertThat(orders.get("o4").get(orders.get("o4").fieldIndex("created_at")))
        .isEqualTo(LocalDateTime.of(2020, 2, 23, 18, 59, 59));
    assertThat((BigDecimal) orders.get("o1").getAs("revenue")).isEqualByComparingTo("100");
    assertThat((BigDecimal) orders.get("o3").getAs("revenue")).isEqualByComparingTo("0");
    assertThat(orders.get("o3").<Object>getAs("customer_id")).isNull();
  }

  @Test
  void readsBomQuotedNewlinesAndChineseInMerchantNames() {
    CaseFixture c = caseWithOrders(CaseFixture.GOOD_ORDERS);
    String out = tmp.resolve("out").toString();
    IngestResult result = ingest(c, out);
    Map<String, Row> merchants =
        table(out, "merchants").collectAsList().stream()
            .collect(Collectors.toMap(r -> r.getString(0), r -> r));
    assertThat(merchants).containsOnlyKeys("M1", "M2", "M3");
    assertThat(merchants.get("M1").getString(1)).isEqualTo("上海悦便利店");
    assertThat(merchants.get("M2").getString(1)).isEqualTo("老王 \"海鲜\", 批发\n第二行");
    assertThat(merchants.get("M3").<Boolean>getAs("is_new")).isTrue();
    assertThat(merchants.get("M1").<Boolean>getAs("is_new")).isFalse();
    assertThat(result.files().get("merchants.csv").read()).isEqualTo(3);
  }

  @Test
  void csvParquetAndPartFoldersGiveIdenticalTables() {
    String csvOut = tmp.resolve("out-csv").toString();
    ingest(
        new CaseFixture(tmp.resolve("csv"))
            .file("merchants.csv", CaseFixture.MERCHANTS)
            .file("orders.csv", CaseFixture.GOOD_ORDERS),
        csvOut);

    String[] lines = CaseFixture.GOOD_ORDERS.split("\n");
    CaseFixture parts =
        new CaseFixture(tmp.resolve("parts"))
            .file("merchants.csv", CaseFixture.MERCHANTS)
            .file("orders/part-0.csv", lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n")
            .file("orders/part-1.csv", lines[0] + "\n" + lines[3] + "\n" + lines[4] + "\n")
            .file("orders/_SUCCESS", "");
    String partsOut = tmp.resolve("out-parts").toString();
    ingest(parts, partsOut);

    CaseFixture parquet = new CaseFixture(tmp.resolve("parquet"));
    Dataset<Row> typed =
        spark
            .read()
            .option("header", "true")
            .csv(tmp.resolve("csv/orders.csv").toString())
            .withColumn("created_at", functions.col("created_at").cast(DataTypes.TimestampType))
            .withColumn("amount", functions.col("amount").cast(DataTypes.createDecimalType(18, 2)))
            .withColumn("tax", functions.col("tax").cast(DataTypes.createDecimalType(18, 2)));
    typed.write().parquet(tmp.resolve("parquet/orders").toString());
    spark
        .read()
        .parquet(table(csvOut, "merchants").inputFiles())
        .drop("is_new")
        .coalesce(1)
        .write()
        .parquet(tmp.resolve("parquet/merchants").toString());
    String parquetOut = tmp.resolve("out-parquet").toString();
    ingest(parquet, parquetOut);

    for (String name : List.of("orders", "merchants")) {
      Dataset<Row> a = table(csvOut, name);
      assertThat(a.count()).isPositive();
      for (String other : List.of(partsOut, parquetOut)) {
        Dataset<Row> b = table(other, name);
        assertThat(a.exceptAll(b).count()).as(name + " vs " + other).isZero();
        assertThat(b.exceptAll(a).count()).as(other + " vs " + name).isZero();
      }
    }
  }

  @Test
  void parquetRejectsAreReportedByRowIndex() {
    CaseFixture c =
        new CaseFixture(tmp.resolve("case")).file("merchants.csv", CaseFixture.MERCHANTS);
    spark
        .read()
        .option("header", "true")
        .csv(
            writeCsv(
                "orders-src.csv",
                MIXED_ORDERS.replace("\"multi\nline 客户\"", "c7").replace("\n\n", "\n")))
        .coalesce(1)
        .write()
        .parquet(tmp.resolve("case/orders").toString());
    String out = tmp.resolve("out").toString();
    IngestResult result = ingest(c, out);
    Row bad = table(out, "quarantine").filter("reason = 'UNKNOWN_MERCHANT'").first();
    assertThat(bad.<Object>getAs("line")).isNull();
    assertThat(bad.<Long>getAs("row_index")).isEqualTo(7L);
    assertThat(bad.getString(bad.fieldIndex("file"))).startsWith("orders/part-");
    assertThat(result.rowsRead()).isEqualTo(3 + 13);
    // the duplicate is recorded under the file's label, by row, with the key as stored
    List<Row> dups = table(out, "duplicates").collectAsList();
    assertThat(dups).hasSize(1);
    Row dup = dups.get(0);
    assertThat(dup.getString(dup.fieldIndex("file"))).startsWith("orders/part-");
    assertThat(dup.<Object>getAs("line")).isNull();
    assertThat(dup.<Long>getAs("row_index")).isGreaterThan(1L);
    assertThat(dup.getString(dup.fieldIndex("key"))).isEqualTo("g1");
    assertThat(table(out, "orders").filter("order_id = 'g1'").count()).isEqualTo(1);
  }

  private String writeCsv(String name, String text) {
    try {
      Path p = tmp.resolve(name);
      Files.writeString(p, text);
      return p.toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void writesReconciliationThatBalancesForEveryFile() throws Exception {
    CaseFixture c =
        caseWithOrders(MIXED_ORDERS)
            .file("members.csv", "merchant_id,customer_id,balance,points,recovered\n");
    String out = tmp.resolve("out").toString();
    ingest(c, out);
    var json =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(tmp.resolve("out/tables/reconciliation.json").toFile());
    var orders = json.get("orders.csv");
    assertThat(orders.get("read").asLong()).isEqualTo(13);
    assertThat(
            orders.get("valid").asLong()
                + orders.get("quarantined").asLong()
                + orders.get("duplicates").asLong())
        .isEqualTo(13);
    assertThat(orders.get("by_reason").get("UNKNOWN_STATUS").asLong()).isEqualTo(1);
    assertThat(json.get("merchants.csv").get("read").asLong()).isEqualTo(3);
    assertThat(json.get("members.csv").get("read").asLong()).isZero();
    assertThat(json.get("members.csv").get("valid").asLong()).isZero();
    assertThat(Files.readString(tmp.resolve("out/tables/quarantine.csv")))
        .contains("TAX_EXCEEDS_AMOUNT");
  }

  @Test
  void failsTheGateWhenTooManyRowsAreRejected() {
    CaseFixture c = caseWithOrders(MIXED_ORDERS);
    String out = tmp.resolve("out").toString();
    assertThatThrownBy(() -> ingest(c, out, 5))
        .isInstanceOf(DataQualityException.class)
        .hasMessageContaining("orders: 69.23% of rows quarantined (9 of 13)");
    assertThat(tmp.resolve("out/tables/reconciliation.json")).exists();
  }

  @Test
  void unterminatedQuoteQuarantinesTheRestOfTheFileAsOneRow() {
    String orders = CaseFixture.GOOD_ORDERS + "o9,M1,\"never closed,2020-02-17T19:00:00,1,0,PAID\n";
    CaseFixture c = caseWithOrders(orders);
    String out = tmp.resolve("out").toString();
    IngestResult result = ingest(c, out);
    Row bad = table(out, "quarantine").first();
    assertThat(bad.getString(bad.fieldIndex("reason"))).isEqualTo("MALFORMED_CSV");
    assertThat(bad.<Long>getAs("line")).isEqualTo(6L);
    assertThat(table(out, "orders").count()).isEqualTo(4);
    assertThat(result.files().get("orders.csv").balanced()).isTrue();
  }
}

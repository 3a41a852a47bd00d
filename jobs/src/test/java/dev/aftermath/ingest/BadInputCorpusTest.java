package dev.aftermath.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftermath.CaseFixture;
import dev.aftermath.InvalidCaseException;
import dev.aftermath.SparkTestBase;
import dev.aftermath.generate.DemoCase;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus: for each rule of the input contract, input that breaks it and the outcome —
 * a quarantined row with its reason, line and column, or a structural error naming the file and the
 * column or key (the CLI exits 2 on those, tested in AftermathCliTest). No row is ever lost: every
 * file reconciles.
 */
class BadInputCorpusTest extends SparkTestBase {
  @TempDir Path tmp;

  private static final String HEADER =
      "order_id,merchant_id,customer_id,created_at,amount,tax,status";

  /** line number → {order row, expected reason, expected column} (null reason: accepted). */
  private static final Map<Long, String[]> ORDER_ROWS = new LinkedHashMap<>();

  static {
    String ok = "M1,c1,2020-02-17T19:00:00";
    row(2, "r2," + ok + ",10.00,1.00,PAID", null, null);
    row(3, "r3," + ok + ",NaN,0,PAID", "NOT_A_NUMBER", "amount");
    row(4, "r4," + ok + ",Infinity,0,PAID", "NOT_A_NUMBER", "amount");
    row(5, "r5," + ok + ",-Infinity,0,PAID", "NOT_A_NUMBER", "amount");
    row(6, "r6," + ok + ",1e400,0,PAID", "OUT_OF_RANGE", "amount");
    row(7, "r7," + ok + ",-0.01,0,PAID", "NEGATIVE_AMOUNT", "amount");
    row(8, "r8," + ok + ",0,0,PAID", null, null); // a zero amount is a valid order
    row(9, "r9," + ok + ",10,-1,PAID", "NEGATIVE_AMOUNT", "tax");
    row(10, "r10," + ok + ",10,11,PAID", "TAX_EXCEEDS_AMOUNT", "tax");
    row(11, "r11,M1,c1,19:00:00,10,1,PAID", "BAD_TIMESTAMP", "created_at");
    row(12, "r12,M1,c1,1900-01-01T00:00:00,10,1,PAID", "OUT_OF_RANGE", "created_at");
    row(13, "r13,M1,c1,9999-12-31T23:59:59,10,1,PAID", "OUT_OF_RANGE", "created_at");
    row(14, "r14,M1,c1,2020-02-30T10:00:00,10,1,PAID", "BAD_TIMESTAMP", "created_at");
    row(15, "r15,M1,c1,+100000-01-01T00:00:00,10,1,PAID", "BAD_TIMESTAMP", "created_at");
    row(16, "r16," + ok + ",10,1,paid", "UNKNOWN_STATUS", "status");
    row(17, "r17,M404," + "c1,2020-02-17T19:00:00,10,1,PAID", "UNKNOWN_MERCHANT", "merchant_id");
    row(18, "r18," + ok + ",10,1,PAID,extra", "WRONG_FIELD_COUNT", null);
    row(
        19,
        "r19," + "M1," + "x".repeat(10_000) + ",2020-02-17T19:00:00,10,1,PAID",
        "TEXT_TOO_LONG",
        "customer_id");
    row(20, "," + ok + ",10,1,PAID", "MISSING_REQUIRED", "order_id");
    row(21, "r2," + ok + ",10.00,1.00,PAID", null, null); // duplicate of line 2
  }

  private static void row(long line, String text, String reason, String column) {
    ORDER_ROWS.put(line, new String[] {text, reason, column});
  }

  private IngestResult ingest(CaseFixture fixture, String out) {
    return Ingestion.run(spark, fixture, out, 100);
  }

  private Map<Long, Row> quarantineByLine(String out, String table) {
    Map<Long, Row> byLine = new LinkedHashMap<>();
    for (Row r :
        spark
            .read()
            .parquet(out + "/tables/quarantine")
            .filter("table = '" + table + "'")
            .collectAsList()) {
      byLine.put(r.getLong(r.fieldIndex("line")), r);
    }
    return byLine;
  }

  @Test
  void everyRowRuleQuarantinesWithReasonLineAndColumnAndNoRowIsLost() {
    StringBuilder orders = new StringBuilder(HEADER).append('\n');
    ORDER_ROWS.values().forEach(r -> orders.append(r[0]).append('\n'));
    String merchants =
        CaseFixture.MERCHANTS
            + "M4,x,retail,2020-13-01,1,true,100,\r\n" // line 6: BAD_DATE
            + "M5,x,retail,2019-01-01,1,maybe,100,\r\n" // 7: BAD_BOOLEAN
            + "M6,x,retail,2019-01-01,1,true,101,\r\n" // 8: OUT_OF_RANGE pct
            + "M7,"
            + "名".repeat(10_000)
            + ",retail,2019-01-01,1,true,100,\r\n"; // 9: too long
    CaseFixture c =
        new CaseFixture(tmp.resolve("case"))
            .file("merchants.csv", merchants)
            .file("orders.csv", orders.toString())
            .file(
                "members.csv",
                "merchant_id,customer_id,balance,points,recovered\n"
                    + "M1,c1,-1,0,true\n" // 2: NEGATIVE_AMOUNT
                    + "M1,c2,5,0,yes\n") // 3: BAD_BOOLEAN
            .file(
                "industry_index.csv",
                "date,industry,index\n2020-02-01,retail,0\n2020-02-02,retail,1e400\n")
            .file("share_prices.csv", "date,symbol,close\n2020-02-01,HSI,-3\n");
    String out = tmp.resolve("out").toString();
    IngestResult result = ingest(c, out);

    Map<Long, Row> orderRejects = quarantineByLine(out, "orders");
    ORDER_ROWS.forEach(
        (line, r) -> {
          if (r[1] == null) {
            assertThat(orderRejects).as("line " + line + " accepted").doesNotContainKey(line);
          } else {
            Row q = orderRejects.get(line);
            assertThat(q).as("line " + line + " quarantined").isNotNull();
            assertThat(q.getString(q.fieldIndex("reason"))).as("line " + line).isEqualTo(r[1]);
            assertThat(q.getString(q.fieldIndex("column"))).as("line " + line).isEqualTo(r[2]);
            assertThat(q.getString(q.fieldIndex("file"))).isEqualTo("orders.csv");
            assertThat(q.<Long>getAs("end_line")).as("line " + line).isEqualTo(line);
          }
        });
    assertThat(orderRejects.get(19L).getString(orderRejects.get(19L).fieldIndex("raw")))
        .as("a row with a malformed layout is withheld, not shown with its customer")
        .doesNotContain("xxxxxxxxxx");
    assertThat(quarantineByLine(out, "merchants"))
        .extractingByKeys(6L, 7L, 8L, 9L)
        .extracting(r -> r.getString(r.fieldIndex("reason")))
        .containsExactly("BAD_DATE", "BAD_BOOLEAN", "OUT_OF_RANGE", "TEXT_TOO_LONG");
    assertThat(quarantineByLine(out, "members"))
        .extractingByKeys(2L, 3L)
        .extracting(r -> r.getString(r.fieldIndex("reason")))
        .containsExactly("NEGATIVE_AMOUNT", "BAD_BOOLEAN");
    assertThat(quarantineByLine(out, "industry_index"))
        .extractingByKeys(2L, 3L)
        .extracting(r -> r.getString(r.fieldIndex("reason")))
        .containsExactly("NOT_POSITIVE", "OUT_OF_RANGE");
    assertThat(quarantineByLine(out, "share_prices"))
        .extractingByKeys(2L)
        .extracting(r -> r.getString(r.fieldIndex("reason")))
        .containsExactly("NOT_POSITIVE");

    FileCounts o = result.files().get("orders.csv");
    long rejected = ORDER_ROWS.values().stream().filter(r -> r[1] != null).count();
    assertThat(o.read()).isEqualTo(ORDER_ROWS.size());
    assertThat(o.quarantined()).isEqualTo(rejected);
    assertThat(o.duplicates()).isEqualTo(1);
    assertThat(o.valid()).isEqualTo(ORDER_ROWS.size() - rejected - 1);
    result.files().values().forEach(f -> assertThat(f.balanced()).as(f.table()).isTrue());
  }

  @Test
  void gbkBytesTruncatedLastLinesAndUnterminatedQuotesAreQuarantinedFromTheirLine()
      throws IOException {
    Path dir = tmp.resolve("enc");
    new CaseFixture(dir).file("merchants.csv", CaseFixture.MERCHANTS);
    // GBK bytes for 客户 in a file that must be UTF-8, on line 3
    byte[] gbk = "o2,M1,客户,2020-02-17T19:00:00,10,1,PAID\n".getBytes(Charset.forName("GBK"));
    try (var outStream = Files.newOutputStream(dir.resolve("orders.csv"))) {
      outStream.write(
          (HEADER + "\no1,M1,c1,2020-02-17T19:00:00,10,1,PAID\n").getBytes(StandardCharsets.UTF_8));
      outStream.write(gbk);
      outStream.write("o3,M1,c1,2020-02-17T19:00:00,10,1,PAID\n".getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(
        dir.resolve("members.csv"),
        "merchant_id,customer_id,balance,points,recovered\n"
            + "M1,c1,1,0,true\n"
            + "M1,\"c2,1,0,true\r\n" // a quote opened here closes on the next line
            + "M1,c3,1\",0,true\n"
            + "M1,c4,1,0"); // cut off
    Files.writeString(
        dir.resolve("churn_signals.csv"),
        "ts,merchant_id,customer_id,signal,value\n"
            + "2020-02-24T10:00:00,M1,c1,complaint,\n"
            + "2020-02-24T11:00:00,M1,\"c2,complaint,\n" // quote never closed
            + "2020-02-24T12:00:00,M1,c3,complaint,\n"
            + "2020-02-24T13:00:00,M1,c4,complaint,\n\n\n");
    String out = tmp.resolve("out-enc").toString();
    IngestResult result = ingest(new CaseFixture(dir), out);

    Row bad = quarantineByLine(out, "orders").get(3L);
    assertThat(bad.getString(bad.fieldIndex("reason"))).isEqualTo("NOT_UTF8");
    assertThat(bad.getString(bad.fieldIndex("value"))).contains("GBK");
    assertThat(bad.<Long>getAs("end_line")).isEqualTo(3L);
    // each quarantined record says on which lines it starts and ends
    Map<Long, Row> members = quarantineByLine(out, "members");
    assertThat(members).containsOnlyKeys(3L, 5L);
    assertThat(members.get(3L).getString(6)).isEqualTo("WRONG_FIELD_COUNT");
    assertThat(members.get(3L).<Long>getAs("end_line")).isEqualTo(4L);
    assertThat(members.get(5L).getString(6)).isEqualTo("WRONG_FIELD_COUNT");
    assertThat(members.get(5L).<Long>getAs("end_line")).isEqualTo(5L);
    Row unterminated = quarantineByLine(out, "churn_signals").get(3L);
    assertThat(unterminated.getString(6)).isEqualTo("MALFORMED_CSV");
    assertThat(unterminated.<Long>getAs("end_line"))
        .as("the rest of the file, up to its last line with text")
        .isEqualTo(5L);
    // the rows after the one in another encoding are read as usual
    assertThat(result.files().get("orders.csv").valid()).isEqualTo(2);
    result.files().values().forEach(f -> assertThat(f.balanced()).as(f.table()).isTrue());
  }

  static Stream<Arguments> structuralProblems() {
    String scenario = DemoCase.bundledScenario();
    return Stream.of(
        Arguments.of(
            "a duplicate header",
            (UnaryOperator<CaseFixture>)
                c ->
                    c.file(
                        "orders.csv",
                        HEADER + ",amount\no1,M1,c1,2020-02-17T19:00:00,1,0,PAID,1\n"),
            "orders.csv: column 'amount' appears more than once"),
        Arguments.of(
            "an empty file",
            (UnaryOperator<CaseFixture>) c -> c.file("orders.csv", ""),
            "orders.csv: has no header row"),
        Arguments.of(
            "a header without a required column",
            (UnaryOperator<CaseFixture>) c -> c.file("orders.csv", "order_id,merchant_id\no1,M1\n"),
            "orders.csv: required column 'created_at' is missing"),
        Arguments.of(
            "both orders.csv and orders.parquet",
            (UnaryOperator<CaseFixture>) c -> c.file("orders.parquet", "PAR1"),
            "orders: given more than once"),
        Arguments.of(
            "a baseline after the outage started",
            (UnaryOperator<CaseFixture>)
                c ->
                    c.scenario(
                        scenario.replace(
                            "baseline_end: 2020-02-23T19:00:00",
                            "baseline_end: 2020-02-25T19:00:00")),
            "schemes.cash.baseline_end"),
        Arguments.of(
            "a horizon that ends before the outage",
            (UnaryOperator<CaseFixture>)
                c ->
                    c.scenario(
                        scenario.replace("horizon_end: 2020-04-30", "horizon_end: 2020-02-20")),
            "analysis.horizon_end"),
        Arguments.of(
            "a history that starts after the outage",
            (UnaryOperator<CaseFixture>)
                c ->
                    c.scenario(
                        scenario.replace("history_start: 2019-11-01", "history_start: 2020-03-01")),
            "analysis.history_start"),
        Arguments.of(
            "a margin rate above 1",
            (UnaryOperator<CaseFixture>)
                c -> c.scenario(scenario.replace("retail: 0.20", "retail: 1.5")),
            "schemes.cash.margin_rates.retail"),
        Arguments.of(
            "a negative margin rate",
            (UnaryOperator<CaseFixture>)
                c -> c.scenario(scenario.replace("catering: 0.15", "catering: -0.1")),
            "schemes.cash.margin_rates.catering"),
        Arguments.of(
            "an unknown time zone",
            (UnaryOperator<CaseFixture>)
                c -> c.scenario(scenario.replace("timezone: Asia/Shanghai", "timezone: Mars/Base")),
            "scenario.yaml: key timezone"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("structuralProblems")
  void structuralProblemsNameTheFileAndColumnOrKey(
      String kind, UnaryOperator<CaseFixture> breakIt, String expected) {
    CaseFixture c =
        breakIt.apply(
            new CaseFixture(tmp.resolve("case"))
                .file("merchants.csv", CaseFixture.MERCHANTS)
                .file("orders.csv", CaseFixture.GOOD_ORDERS));
    assertThatThrownBy(() -> CaseLayout.inspect(c.path(), new Configuration()))
        .as(kind)
        .isInstanceOf(InvalidCaseException.class)
        .satisfies(
            e ->
                assertThat(((InvalidCaseException) e).problems())
                    .anySatisfy(p -> assertThat(p).contains(expected)));
  }

  @Test
  void industriesWithoutAMarginRateStopTheRunBeforeTheOrders() {
    String noDefault = DemoCase.bundledScenario().replaceAll("(?m)^\\s+default: .*\\n", "");
    String merchants =
        CaseFixture.MERCHANTS.replace(",retail,", ",astrology,").replace(",catering,", ",zoo,");
    String out = tmp.resolve("no-rate-out").toString();
    assertThatThrownBy(
            () ->
                ingest(
                    new CaseFixture(tmp.resolve("no-rate"))
                        .scenario(noDefault)
                        .file("merchants.csv", merchants)
                        .file("orders.csv", CaseFixture.GOOD_ORDERS),
                    out))
        .isInstanceOf(InvalidCaseException.class)
        .hasMessageContaining("schemes.cash.margin_rates")
        .hasMessageContaining("[astrology, zoo]")
        .hasMessageContaining("column industry of the merchants");
    assertThat(Path.of(out, "tables", "orders")).doesNotExist();
  }
}

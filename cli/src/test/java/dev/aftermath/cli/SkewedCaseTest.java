package dev.aftermath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftermath.CaseFixture;
import dev.aftermath.SparkTestBase;
import dev.aftermath.ingest.CaseLayout;
import dev.aftermath.io.OutputLayout;
import dev.aftermath.pipeline.Pipeline;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lopsided case through the whole pipeline: one merchant with most of the orders, nearly all from
 * one customer; one merchant with no order at all during the outage; industries in the scenario
 * with no merchant. The run finishes and reports each (table case_notes, the run summary, the
 * regulator and legal reports), rather than failing; so does a case with no order at all during the
 * outage. 300,000 orders in CI; 3,000,000 with {@code -Daftermath.longTests=true}.
 */
class SkewedCaseTest extends SparkTestBase {
  @TempDir Path tmp;

  @Test
  void aGiantMerchantAGiantCustomerAndAQuietOutageRunThrough() throws Exception {
    int orders = Boolean.getBoolean("aftermath.longTests") ? 3_000_000 : 300_000;
    CaseFixture c = skewedCase(tmp.resolve("case"), orders, false);
    String out = tmp.resolve("out").toString();
    CaseLayout layout = CaseLayout.inspect(c.path(), new Configuration());
    new Pipeline(
            spark,
            layout,
            new OutputLayout(out),
            5,
            new PrintStream(OutputStream.nullOutputStream()))
        .run(c.path(), RunStages.all());

    assertThat(Path.of(out, "run-summary.json")).exists();
    assertThat(Path.of(out, "manifest.json")).exists();
    var impact = spark.read().parquet(out + "/tables/merchant_impact");
    assertThat(impact.count()).isEqualTo(3);
    Row quiet = impact.filter("merchant_id = 'QUIET'").first();
    assertThat(quiet.<Object>getAs("lost_revenue")).isNotNull();
    assertThat(
            spark
                .read()
                .parquet(out + "/tables/merchant_day")
                .filter("merchant_id = 'BIG'")
                .count())
        .isPositive();
    // the quiet merchant and the industries without merchants are reported, not passed over
    assertThat(notes(out))
        .containsEntry("merchants_without_orders_in_outage", "1 of 3: QUIET")
        .containsEntry(
            "industry_without_merchants",
            "7 of 9: beauty, community_ecommerce, fresh_food, import_export, prepaid_cards,"
                + " travel, wholesale")
        .containsEntry("industry_without_control_series", "2 of 2: catering, retail")
        .doesNotContainKey("merchants_without_orders");
    assertThat(Files.readString(Path.of(out, "run-summary.json")))
        .contains("merchants_without_orders_in_outage: 1 of 3 (QUIET)");
    String regulator = Files.readString(Path.of(out, "reports", "regulator.en-GB.html"));
    assertThat(regulator)
        .contains("What the case does not cover")
        .contains("Merchants on the platform with no order during the outage")
        .contains("Industries in the scenario without any merchant");
    assertThat(Files.readString(Path.of(out, "reports", "legal.zh-CN.html")))
        .contains("故障期间在平台上但无任何订单的商家")
        .contains("美业"); // beauty, an industry without merchants, by its Chinese name
  }

  /** case_notes as note → "count of of: detail". */
  private java.util.Map<String, String> notes(String out) {
    java.util.Map<String, String> notes = new java.util.TreeMap<>();
    for (Row r : spark.read().parquet(out + "/tables/case_notes").collectAsList()) {
      notes.put(r.getString(0), r.getLong(1) + " of " + r.getLong(2) + ": " + r.getString(3));
    }
    return notes;
  }

  @Test
  void aCaseWithNoOrderDuringTheOutageRunsThrough() throws Exception {
    CaseFixture c = skewedCase(tmp.resolve("silent"), 60_000, true);
    String out = tmp.resolve("silent-out").toString();
    new Pipeline(
            spark,
            CaseLayout.inspect(c.path(), new Configuration()),
            new OutputLayout(out),
            5,
            new PrintStream(OutputStream.nullOutputStream()))
        .run(c.path(), RunStages.all());
    assertThat(Path.of(out, "run-summary.json")).exists();
    assertThat(notes(out))
        .containsEntry("merchants_without_orders_in_outage", "3 of 3: BIG, QUIET, SMALL");
    assertThat(spark.read().parquet(out + "/tables/merchant_impact").count()).isEqualTo(3);
  }

  /**
   * Three merchants: BIG with 98% of the orders, 90% of them from one customer; QUIET (catering)
   * with none during the outage; SMALL. With {@code silentOutage}, nobody has an order during the
   * outage.
   */
  static CaseFixture skewedCase(Path dir, int orders, boolean silentOutage) throws Exception {
    CaseFixture c =
        new CaseFixture(dir)
            .file(
                "merchants.csv",
                "merchant_id,name,industry,signup_date,monthly_fee,ad_eligible,data_recovered_pct,left_platform_at\n"
                    + "BIG,Giant,retail,2018-01-01,398.00,true,100,\n"
                    + "QUIET,Quiet,catering,2018-01-01,398.00,true,100,\n"
                    + "SMALL,Small,retail,2018-01-01,398.00,true,100,\n");
    Random random = new Random(7);
    LocalDateTime from = LocalDateTime.parse("2019-11-01T00:00:00");
    int minutes =
        (int)
            java.time.Duration.between(from, LocalDateTime.parse("2020-04-30T23:00:00"))
                .toMinutes();
    LocalDateTime outageStart = LocalDateTime.parse("2020-02-23T19:00:00");
    LocalDateTime outageEnd = LocalDateTime.parse("2020-03-03T09:00:00");
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("orders.csv"))) {
      w.write("order_id,merchant_id,customer_id,created_at,amount,tax,status\n");
      for (int i = 0; i < orders; i++) {
        LocalDateTime t = from.plusMinutes(random.nextInt(minutes));
        boolean inOutage = !t.isBefore(outageStart) && t.isBefore(outageEnd);
        String merchant;
        String customer;
        if (i % 100 == 0) {
          merchant = "QUIET";
          customer = "q" + random.nextInt(200);
        } else if (i % 100 == 1) {
          merchant = "SMALL";
          customer = "s" + random.nextInt(300);
        } else {
          merchant = "BIG";
          customer = random.nextInt(10) < 9 ? "whale" : "b" + random.nextInt(2_000);
        }
        if (inOutage && (silentOutage || merchant.equals("QUIET"))) {
          continue; // nothing at all during the outage
        }
        w.write(
            String.format(
                Locale.ROOT,
                "o%d,%s,%s,%s,%.2f,0,PAID%n",
                i,
                merchant,
                customer,
                t,
                10.0 + random.nextInt(90)));
      }
    }
    return c;
  }
}

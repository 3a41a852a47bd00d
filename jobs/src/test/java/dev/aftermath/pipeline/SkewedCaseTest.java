package dev.aftermath.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftermath.CaseFixture;
import dev.aftermath.SparkTestBase;
import dev.aftermath.ingest.CaseLayout;
import dev.aftermath.io.OutputLayout;
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
 * with no merchant. The run finishes and reports each, rather than failing. 300,000 orders in CI;
 * 3,000,000 with {@code -Daftermath.longTests=true}.
 */
class SkewedCaseTest extends SparkTestBase {
  @TempDir Path tmp;

  @Test
  void aGiantMerchantAGiantCustomerAndAQuietOutageRunThrough() throws Exception {
    int orders = Boolean.getBoolean("aftermath.longTests") ? 3_000_000 : 300_000;
    CaseFixture c =
        new CaseFixture(tmp.resolve("case"))
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
    try (BufferedWriter w = Files.newBufferedWriter(tmp.resolve("case/orders.csv"))) {
      w.write("order_id,merchant_id,customer_id,created_at,amount,tax,status\n");
      for (int i = 0; i < orders; i++) {
        LocalDateTime t = from.plusMinutes(random.nextInt(minutes));
        String merchant;
        String customer;
        if (i % 100 == 0) {
          merchant = "QUIET";
          customer = "q" + random.nextInt(200);
          if (!t.isBefore(outageStart) && t.isBefore(outageEnd)) {
            continue; // nothing at all during the outage
          }
        } else if (i % 100 == 1) {
          merchant = "SMALL";
          customer = "s" + random.nextInt(300);
        } else {
          merchant = "BIG";
          customer = random.nextInt(10) < 9 ? "whale" : "b" + random.nextInt(2_000);
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
    String out = tmp.resolve("out").toString();
    CaseLayout layout = CaseLayout.inspect(c.path(), new Configuration());
    new Pipeline(
            spark,
            layout,
            new OutputLayout(out),
            5,
            new PrintStream(OutputStream.nullOutputStream()))
        .run(c.path());

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
  }
}

package dev.aftermath.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aftermath.SparkTestBase;
import dev.aftermath.ingest.CaseLayout;
import dev.aftermath.ingest.IngestJob;
import dev.aftermath.ingest.IngestResult;
import dev.aftermath.io.OutputLayout;
import dev.aftermath.io.TableWriter;
import dev.aftermath.scenario.Scenario;
import dev.aftermath.scenario.ScenarioLoader;
import dev.aftermath.spark.Progress;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo generator: deterministic, calibrated to the incident, and its truth is consistent. */
class DemoCaseGeneratorTest extends SparkTestBase {
  @TempDir static Path dir;
  private static final Scenario SCENARIO =
      ScenarioLoader.parse(DemoCase.bundledScenario(), "scenario.yaml");

  @BeforeAll
  static void generate() throws Exception {
    generate(dir.resolve("a"), 400, 7, CaseFormat.PARQUET);
  }

  private static GenerateResult generate(Path out, int merchants, long seed, CaseFormat format) {
    try (Progress p = quiet()) {
      return new DemoCaseGenerator(
              spark,
              SCENARIO,
              DemoCase.bundledScenario(),
              merchants,
              seed,
              format,
              out.toString(),
              p)
          .run();
    }
  }

  private static Progress quiet() {
    return new Progress(
        spark, new PrintStream(OutputStream.nullOutputStream()), Duration.ofMinutes(5));
  }

  private static IngestResult ingest(Path caseDir, Path out) {
    try (Progress p = quiet()) {
      return new IngestJob(
              spark,
              CaseLayout.inspect(caseDir.toString(), new Configuration()),
              new TableWriter(spark, new OutputLayout(out.toString())),
              p,
              100)
          .run();
    }
  }

  private static Dataset<Row> parquet(Path p) {
    return spark.read().parquet(p.toString());
  }

  @Test
  void sameSeedGivesTheSameCaseAndTruth() {
    Path b = dir.resolve("b");
    Path c = dir.resolve("c");
    generate(b, 60, 11, CaseFormat.CSV);
    generate(c, 60, 11, CaseFormat.CSV);
    for (String t : new String[] {"orders", "members", "churn_signals"}) {
      Dataset<Row> x = spark.read().option("header", "true").csv(b.resolve("case/" + t).toString());
      Dataset<Row> y = spark.read().option("header", "true").csv(c.resolve("case/" + t).toString());
      assertThat(x.count()).as(t).isPositive();
      assertThat(x.exceptAll(y).count()).as(t).isZero();
      assertThat(y.exceptAll(x).count()).as(t).isZero();
    }
    for (String t : new String[] {"merchant_truth", "customer_truth", "bad_rows"}) {
      assertThat(
              parquet(b.resolve("truth/" + t)).exceptAll(parquet(c.resolve("truth/" + t))).count())
          .as(t)
          .isZero();
    }
    assertThat(b.resolve("case/merchants.csv"))
        .hasSameBinaryContentAs(c.resolve("case/merchants.csv"));
    assertThat(b.resolve("case/orders/part-00000.csv"))
        .hasSameBinaryContentAs(c.resolve("case/orders/part-00000.csv"));

    Path d = dir.resolve("d");
    generate(d, 60, 12, CaseFormat.CSV);
    Dataset<Row> x = spark.read().option("header", "true").csv(b.resolve("case/orders").toString());
    Dataset<Row> z = spark.read().option("header", "true").csv(d.resolve("case/orders").toString());
    assertThat(x.exceptAll(z).count()).isPositive();
  }

  @Test
  void csvCaseIngestsToExactlyThePlantedCounts() throws Exception {
    Path b = dir.resolve("csv");
    generate(b, 80, 5, CaseFormat.CSV);
    IngestResult result = ingest(b.resolve("case"), dir.resolve("csv-out"));
    var summary =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(b.resolve("truth/summary.json").toFile());
    Map<String, Long> planted = new HashMap<>();
    summary
        .get("planted_in_orders")
        .fields()
        .forEachRemaining(e -> planted.put(e.getKey(), e.getValue().asLong()));
    Map<String, Long> found = new HashMap<>();
    result.files().values().stream()
        .filter(f -> f.table().equals("orders"))
        .forEach(f -> f.byReason().forEach((k, v) -> found.merge(k, v, Long::sum)));
    long dups =
        result.files().values().stream()
            .filter(f -> f.table().equals("orders"))
            .mapToLong(f -> f.duplicates())
            .sum();
    if (dups > 0) {
      found.put("DUPLICATE", dups);
    }
    assertThat(found).isEqualTo(planted);
    assertThat(result.tablesWritten().get("orders"))
        .isEqualTo(summary.get("orders_valid_expected").asLong());
    assertThat(result.files().keySet())
        .contains("merchants.csv", "orders/part-00000.csv", "industry_index.csv");
    assertThat(result.rowsQuarantined())
        .isEqualTo(
            planted.entrySet().stream()
                .filter(e -> !e.getKey().equals("DUPLICATE"))
                .mapToLong(Map.Entry::getValue)
                .sum());
  }

  private double industryRevenue(
      Dataset<Row> orders,
      Dataset<Row> merchants,
      String industry,
      String from,
      String toExclusive) {
    Row r =
        orders
            .join(merchants.filter(col("industry").equalTo(industry)), "merchant_id")
            .filter(col("status").equalTo("PAID"))
            .filter(col("created_at").geq(local(from)))
            .filter(col("created_at").lt(local(toExclusive)))
            .agg(sum(col("amount").minus(col("tax"))))
            .first();
    return r.isNullAt(0) ? 0 : r.getDecimal(0).doubleValue();
  }

  /** Midnight of a Shanghai day as an instant, to compare with typed Parquet timestamps. */
  private static java.time.Instant local(String day) {
    return LocalDate.parse(day).atStartOfDay(SCENARIO.timezone()).toInstant();
  }

  @Test
  void reproducesTheCovidShocksOfTheIncident() {
    Dataset<Row> orders = parquet(dir.resolve("a/case/orders")).cache();
    Dataset<Row> merchants = parquet(dir.resolve("a/case/merchants.parquet"));
    // a December week against the cash plan's baseline week (02-17 .. 02-23)
    double travelDec = industryRevenue(orders, merchants, "travel", "2019-12-02", "2019-12-09");
    double travelBase = industryRevenue(orders, merchants, "travel", "2020-02-17", "2020-02-24");
    assertThat(travelDec).isPositive();
    assertThat(travelBase / travelDec).as("travel halted from 02-14").isLessThan(0.08);
    double communityDec =
        industryRevenue(orders, merchants, "community_ecommerce", "2019-12-02", "2019-12-09");
    double communityBase =
        industryRevenue(orders, merchants, "community_ecommerce", "2020-02-17", "2020-02-24");
    assertThat(communityBase / communityDec).as("community e-commerce grows").isGreaterThan(1.6);
    double cateringDec = industryRevenue(orders, merchants, "catering", "2019-12-02", "2019-12-09");
    double cateringBase =
        industryRevenue(orders, merchants, "catering", "2020-02-17", "2020-02-24");
    assertThat(cateringBase / cateringDec).as("catering deeply down").isLessThan(0.45);
    long totalOutageDay =
        orders
            .filter(col("created_at").geq(local("2020-02-24")))
            .filter(col("created_at").lt(local("2020-02-26")))
            .filter(col("order_id").startsWith("M"))
            .count();
    assertThat(totalOutageDay).as("no sales during the total outage").isZero();
    orders.unpersist();
  }

  @Test
  void industryIndexTracksTheIndustrysSalesBeforeTheOutage() {
    Dataset<Row> orders = parquet(dir.resolve("a/case/orders"));
    Dataset<Row> merchants = parquet(dir.resolve("a/case/merchants.parquet"));
    Dataset<Row> index = parquet(dir.resolve("a/case/industry_index.parquet"));
    for (String industry : new String[] {"retail", "catering"}) {
      double dec =
          industryRevenue(orders, merchants, industry, "2019-12-02", "2019-12-16")
              / indexSum(index, industry, "2019-12-02", "2019-12-16");
      double feb =
          industryRevenue(orders, merchants, industry, "2020-02-09", "2020-02-23")
              / indexSum(index, industry, "2020-02-09", "2020-02-23");
      assertThat(feb / dec)
          .as(industry + ": sales per index point, February against December")
          .isBetween(0.8, 1.25);
    }
  }

  private static double indexSum(
      Dataset<Row> index, String industry, String from, String toExclusive) {
    return index
        .filter(col("industry").equalTo(industry))
        .filter(
            col("date")
                .geq(LocalDate.parse(from))
                .and(col("date").lt(LocalDate.parse(toExclusive))))
        .agg(sum("index"))
        .first()
        .getDouble(0);
  }

  @Test
  void plantsLossesAndDefectionsThatFollowTheDataLost() {
    Dataset<Row> truth = parquet(dir.resolve("a/truth/merchant_truth"));
    Row totals =
        truth
            .agg(
                sum("true_lost_revenue"),
                sum("expected_lost_revenue"),
                sum("realized_revenue_no_outage"))
            .first();
    assertThat(totals.getDouble(0)).isPositive();
    assertThat(totals.getDouble(0))
        .isCloseTo(totals.getDouble(1), within(0.1 * totals.getDouble(1)));
    assertThat(totals.getDouble(0) / totals.getDouble(2))
        .as("loss is a real share of impact-period sales")
        .isBetween(0.05, 0.6);
    double lostData = defectionRate(truth.filter(col("data_recovered_pct").lt(50)));
    double keptData =
        defectionRate(
            truth
                .filter(col("data_recovered_pct").equalTo(100))
                .filter(col("is_new").equalTo(false)));
    assertThat(keptData).isBetween(0.02, 0.15);
    assertThat(lostData).isGreaterThan(2.5 * keptData);
    Row news =
        truth
            .filter(col("is_new"))
            .agg(sum("defected_customers"), sum("member_balance_lost"))
            .first();
    assertThat(news.getLong(0)).isZero();
    assertThat(truth.filter(col("is_new")).count()).isPositive();
    assertThat(truth.filter(col("fast_grower")).count()).isPositive();
  }

  private static double defectionRate(Dataset<Row> merchants) {
    Row r = merchants.agg(sum("defected_customers"), sum("customers_active_at_outage")).first();
    return (double) r.getLong(0) / r.getLong(1);
  }

  @Test
  void writesTheIncidentsMarketSeries() {
    Dataset<Row> prices = parquet(dir.resolve("a/case/share_prices.parquet"));
    Row before =
        prices
            .filter(col("symbol").equalTo("2013.HK"))
            .filter(col("date").equalTo(LocalDate.of(2020, 2, 21)))
            .first();
    Row after =
        prices
            .filter(col("symbol").equalTo("2013.HK"))
            .filter(col("date").equalTo(LocalDate.of(2020, 3, 2)))
            .first();
    assertThat(before.getDouble(2)).isEqualTo(6.51);
    assertThat(after.getDouble(2)).isEqualTo(5.39);
    Dataset<Row> index = parquet(dir.resolve("a/case/industry_index.parquet"));
    assertThat(index.filter(col("industry").equalTo("prepaid_cards")).count()).isZero();
    assertThat(index.filter(col("industry").equalTo("travel")).count()).isEqualTo(182);
  }
}

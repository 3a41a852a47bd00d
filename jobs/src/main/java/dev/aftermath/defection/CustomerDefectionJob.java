package dev.aftermath.defection;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import dev.aftermath.casedata.ControlSeries;
import dev.aftermath.casedata.MerchantIndustries;
import dev.aftermath.clv.BetaQuadrature;
import dev.aftermath.io.TableWriter;
import dev.aftermath.scenario.Scenario;
import dev.aftermath.spark.ColumnNames;
import dev.aftermath.spark.Progress;
import dev.aftermath.stage.StageContext;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Customer defection and lost customer value per merchant (METHODS.md "Customer defection"): BG/NBD
 * and Gamma-Gamma fitted per industry on pre-outage histories; each active customer scored in
 * Spark; observed non-return compared with what the models expect. Writes {@code bgnbd_fits},
 * {@code customer_defection} (merchant × segment), {@code merchant_defection} (joined into {@code
 * merchant_impact} by the merchant-impact stage), {@code defection_totals}, and for a generated
 * case {@code defection_evaluation}. Customer identifiers never leave this job.
 */
public final class CustomerDefectionJob {
  private final SparkSession spark;
  private final Scenario scenario;
  private final TableWriter writer;
  private final Progress progress;
  private final Optional<String> customerTruth;

  /** The stage over {@code context}: its session, scenario, scoped tables and progress. */
  public CustomerDefectionJob(StageContext context) {
    this.spark = context.spark();
    this.scenario = context.scenario();
    this.writer = context.writer();
    this.progress = context.progress();
    this.customerTruth = context.truth("customer_truth");
  }

  /** Runs the stage; returns rows written per table. */
  public Map<String, Long> run() {
    Map<String, Long> written = new LinkedHashMap<>();
    Dataset<Row> merchants = writer.read("merchants");
    Map<String, Double> marginRates = scenario.cash().marginRates(MerchantIndustries.of(merchants));
    Map<String, double[]> daily =
        writer.exists("industry_index")
            ? ControlSeries.daily(
                writer.read("industry_index"),
                scenario.analysis().historyStart(),
                DefectionCalendar.day(
                    scenario.analysis().historyStart(), scenario.analysis().horizonEnd()))
            : Map.of();
    DefectionCalendar cal = DefectionCalendar.of(scenario, daily);
    // the other reading of demand, for the clock's share of the uncertainty
    DefectionCalendar alternative =
        DefectionCalendar.of(
            scenario, DefectionCalendar.alternativeIndex(daily, marginRates.keySet()));
    Column windowStart = lit(cal.windowStartDay());
    Dataset<Row> histories =
        CustomerHistories.of(
                writer.read("orders"), merchants, cal, scenario.outage().start(), windowStart)
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      // the customer summaries, computed once and kept: every later step reads them
      progress.stage("defection: customer histories", histories::count);
      CustomerModels models =
          progress.stage("defection: customer models", () -> CustomerModels.fit(histories, cal));
      written.put("bgnbd_fits", writer.result("bgnbd_fits", models.table(spark)));
      Dataset<Row> active =
          histories.filter(
              col("last_day").geq(cal.outageDay() - scenario.defection().lookbackDays()));
      Dataset<Row> scored = score(withConfirmed(active), models, cal, alternative);
      List<Row> binned =
          progress.stage(
              "defection: score customers",
              () ->
                  ScoreSums.binned(scored).collectAsList().stream()
                      .map(ScoreSums::collected)
                      .toList());
      Map<String, Double> cancelRates = cancelRates(active);
      double cancelDays =
          java.time.Duration.between(scenario.outage().start(), scenario.horizonEndExclusive())
                  .toHours()
              / 24.0;
      DefectionTables tables =
          progress.stage(
              "defection: estimate",
              () ->
                  new DefectionTables(
                      spark, cal, models, marginRates, binned, cancelRates, cancelDays));
      Dataset<Row> memberLoss = memberLoss();
      written.put("customer_defection", writer.result("customer_defection", tables.segmentTable()));
      written.put(
          "merchant_defection",
          writer.result("merchant_defection", tables.merchantTable(merchants, memberLoss)));
      written.put(
          "defection_totals",
          writer.result("defection_totals", tables.totals(writer.read("merchant_defection"))));
      if (customerTruth.isPresent()) {
        Dataset<Row> truthByMerchant =
            DefectionEvaluation.truthByMerchant(active, spark.read().parquet(customerTruth.get()));
        written.put(
            "defection_evaluation",
            writer.result(
                "defection_evaluation",
                DefectionEvaluation.evaluate(
                    spark,
                    writer.read("merchant_defection"),
                    writer.read("defection_totals"),
                    truthByMerchant,
                    merchants)));
      }
    } finally {
      histories.unpersist();
    }
    return written;
  }

  /** Active customers with a member_cancel signal after the outage started: confirmed. */
  private Dataset<Row> withConfirmed(Dataset<Row> active) {
    if (!writer.exists("churn_signals")) {
      return active.withColumn("confirmed", lit(false));
    }
    Dataset<Row> cancels =
        writer
            .read("churn_signals")
            .filter(col("signal").equalTo("member_cancel"))
            .filter(col("customer_id").isNotNull())
            .filter(col("ts").geq(lit(scenario.outage().start())))
            .filter(col("ts").lt(lit(scenario.horizonEndExclusive())))
            .select("merchant_id", "customer_id")
            .distinct()
            .withColumn("confirmed", lit(true));
    return active
        .join(cancels, ColumnNames.of("merchant_id", "customer_id"), "left")
        .withColumn("confirmed", col("confirmed").isNotNull());
  }

  /** What a score's model part depends on, besides the models. */
  record HistoryKey(
      String industry,
      int x,
      int firstDay,
      int lastDay,
      int originDay,
      int windowStartDay,
      int windowEndDay) {}

  static final int SCORE_CACHE_ENTRIES = 200_000;

  /**
   * A scored customer: its keys, its no-return bin (−1 for a returner), its value, and the small
   * values in {@link ScoreSums}' two columns each.
   */
  static final StructType SCORED = ScoreSums.withSmallColumns(ScoreSums.KEYS_AND_VALUE);

  private Dataset<Row> score(
      Dataset<Row> active,
      CustomerModels models,
      DefectionCalendar cal,
      DefectionCalendar alternative) {
    var terms = scenario.defection();
    MapPartitionsFunction<Row, Row> scorer =
        rows -> {
          BetaQuadrature quadrature = new BetaQuadrature();
          // customers with the same history (common among one-time buyers) share a score's model
          // part: computed once per partition, the cache bounded
          Map<HistoryKey, CustomerScore.Base> cache = new HashMap<>();
          Map<HistoryKey, Double> otherClock = new HashMap<>();
          // one row out per row in, as they are asked for: a partition is never held whole
          java.util.function.Function<Row, Row> scoreOne =
              r -> {
                String industry = r.getAs("industry");
                CustomerModels.Models m = models.of(industry);
                int x = r.<Integer>getAs("x");
                HistoryKey key =
                    new HistoryKey(
                        industry,
                        x,
                        r.<Integer>getAs("first_day"),
                        r.<Integer>getAs("last_day"),
                        r.<Integer>getAs("origin_day"),
                        r.<Integer>getAs("window_start_day"),
                        r.<Integer>getAs("window_end_day"));
                CustomerScore.Base base = cache.get(key);
                if (base == null) {
                  double[] h =
                      cal.history(industry, x, key.firstDay(), key.lastDay(), key.originDay());
                  base =
                      CustomerScore.base(
                          m.purchases().model(),
                          terms,
                          cal.gap(industry, key.windowStartDay()),
                          cal.window(industry, key.windowStartDay(), key.windowEndDay()),
                          h,
                          m.shift(),
                          quadrature);
                  if (cache.size() >= SCORE_CACHE_ENTRIES) {
                    cache.clear();
                    otherClock.clear();
                  }
                  cache.put(key, base);
                  double[] h2 =
                      alternative.history(
                          industry, x, key.firstDay(), key.lastDay(), key.originDay());
                  otherClock.put(
                      key,
                      Calibration.apply(
                          m.purchases()
                              .model()
                              .probabilityNoPurchase(
                                  alternative.gap(industry, key.windowStartDay()),
                                  alternative.window(
                                      industry, key.windowStartDay(), key.windowEndDay()),
                                  h2[0],
                                  h2[1],
                                  h2[2],
                                  h2[3],
                                  quadrature),
                          m.shift()));
                }
                CustomerScore s =
                    CustomerScore.of(
                        base,
                        m.spend() == null ? null : m.spend().params(),
                        x,
                        r.<Double>getAs("monetary"));
                boolean returned = r.getAs("returned");
                double noReturn = s.noReturn();
                Object[] cells = new Object[SCORED.size()];
                cells[0] = r.getAs("merchant_id");
                cells[1] = industry;
                cells[2] = CustomerScore.segment(x);
                cells[3] = returned;
                cells[4] = r.getAs("confirmed");
                cells[5] = returned ? -1 : ScoreSums.bin(noReturn);
                cells[6] = s.value();
                double[] g = s.gradient();
                ScoreSums.putSmall(
                    cells,
                    7,
                    new double[] {
                      noReturn,
                      noReturn * (1 - noReturn),
                      s.alive(),
                      otherClock.get(key),
                      g[0],
                      g[1],
                      g[2],
                      g[3],
                      g[4]
                    });
                return RowFactory.create(cells);
              };
          return mapped(rows, scoreOne);
        };
    return active.mapPartitions(scorer, Encoders.row(SCORED));
  }

  /** {@code f} applied to each row of {@code rows} as it is asked for. */
  private static java.util.Iterator<Row> mapped(
      java.util.Iterator<Row> rows, java.util.function.Function<Row, Row> f) {
    return new java.util.Iterator<Row>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        return f.apply(rows.next());
      }
    };
  }

  /**
   * Per industry, member cancellations per active customer and day in the look-back before the
   * outage: the rate that would have continued without it.
   */
  private Map<String, Double> cancelRates(Dataset<Row> active) {
    Map<String, Double> rates = new java.util.TreeMap<>();
    if (!writer.exists("churn_signals")) {
      return rates;
    }
    int lookback = scenario.defection().lookbackDays();
    Map<String, Long> customers = new java.util.TreeMap<>();
    for (Row r : active.groupBy("industry").count().collectAsList()) {
      customers.put(r.getString(0), r.getLong(1));
    }
    for (Row r :
        writer
            .read("churn_signals")
            .filter(col("signal").equalTo("member_cancel"))
            .filter(col("customer_id").isNotNull())
            .filter(col("ts").lt(lit(scenario.outage().start())))
            .filter(col("ts").geq(lit(scenario.outage().start().minusDays(lookback))))
            .join(writer.read("merchants").select("merchant_id", "industry"), "merchant_id")
            .groupBy("industry")
            .count()
            .collectAsList()) {
      long n = customers.getOrDefault(r.getString(0), 0L);
      if (n > 0) {
        rates.put(r.getString(0), (double) r.getLong(1) / n / lookback);
      }
    }
    return rates;
  }

  private Dataset<Row> memberLoss() {
    if (!writer.exists("members")) {
      return null;
    }
    return writer
        .read("members")
        .filter(col("recovered").equalTo(false))
        .groupBy("merchant_id")
        .agg(
            sum("balance").cast(DataTypes.DoubleType).as("lost_member_balances"),
            sum("points").cast(DataTypes.DoubleType).as("lost_member_points"));
  }
}

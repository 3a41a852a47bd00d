package dev.aftermath.impact;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.aftermath.scenario.Scenario;
import dev.aftermath.spark.ColumnNames;
import dev.aftermath.spark.ExactSum;
import dev.aftermath.spark.Sorted;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The stage's result tables, built from the per-merchant estimates: {@code merchant_loss}, {@code
 * impact_totals} (sums of draws per industry and platform, so that errors shared within an industry
 * add up), {@code baseline_comparison} and {@code merchant_day_counterfactual}.
 */
final class ImpactTables {
  /** The revenue columns merchant rows and totals share, in this order. */
  private static final String[] LOSS_COLUMNS = {
    "counterfactual_revenue",
    "actual_revenue",
    "lost_revenue",
    "lost_revenue_low",
    "lost_revenue_high",
    "lost_revenue_outage",
    "lost_revenue_after"
  };

  private final SparkSession spark;
  private final Scenario scenario;
  private final Optional<String> truthPath;
  private final Function<String, Dataset<Row>> table;

  ImpactTables(
      SparkSession spark,
      Scenario scenario,
      Optional<String> truthPath,
      Function<String, Dataset<Row>> table) {
    this.spark = spark;
    this.scenario = scenario;
    this.truthPath = truthPath;
    this.table = table;
  }

  /**
   * The direct estimates of the merchants whose loss rate is pooled (existing merchants with a
   * forecast from their own history), with the variance of their rate from their own draws.
   */
  static LossRatePooling pooling(
      Dataset<Row> estimates, Dataset<Row> merchants, ForecastError forecast) {
    StructType schema =
        new StructType()
            .add("merchant_id", DataTypes.StringType)
            .add("industry", DataTypes.StringType)
            .add("quality", DataTypes.StringType)
            .add("recovered", DataTypes.DoubleType)
            .add("counterfactual", DataTypes.DoubleType)
            .add("actual", DataTypes.DoubleType)
            .add("variance", DataTypes.DoubleType);
    List<LossRatePooling.Direct> direct = new ArrayList<>();
    for (Row r :
        estimates
            .filter(col("existing").and(col("estimate_quality").notEqual("new_merchant")))
            .join(
                merchants.select(
                    col("merchant_id"),
                    col("data_recovered_pct").cast(DataTypes.DoubleType).as("recovered")),
                ColumnNames.of("merchant_id"),
                "left")
            .map(
                (MapFunction<Row, Row>)
                    r -> {
                      double actual =
                          r.<Double>getAs("actual_outage") + r.<Double>getAs("actual_after");
                      List<Double> d = r.getList(r.fieldIndex("draws"));
                      double[] draws = d.stream().mapToDouble(Double::doubleValue).toArray();
                      Double recovered = r.getAs("recovered");
                      return RowFactory.create(
                          r.<String>getAs("merchant_id"),
                          r.<String>getAs("industry"),
                          r.<String>getAs("estimate_quality"),
                          recovered == null ? Double.NaN : recovered,
                          r.<Double>getAs("counterfactual_outage")
                              + r.<Double>getAs("counterfactual_after"),
                          actual,
                          LossRatePooling.variance(actual, draws));
                    },
                Encoders.row(schema))
            .collectAsList()) {
      direct.add(
          new LossRatePooling.Direct(
              r.getString(0),
              r.getString(1),
              r.getString(2),
              r.getDouble(3),
              r.getDouble(4),
              r.getDouble(5),
              r.getDouble(6)));
    }
    return LossRatePooling.fit(direct, forecast);
  }

  Dataset<Row> merchantLoss(Dataset<Row> estimates, LossRatePooling pooling, SharedError error) {
    Map<String, Double> rates = new HashMap<>();
    for (Row r : estimates.select("industry").distinct().collectAsList()) {
      rates.put(r.getString(0), scenario.cash().marginRate(r.getString(0)).orElseThrow());
    }
    StructType schema =
        doubles(
                new StructType()
                    .add("merchant_id", DataTypes.StringType)
                    .add("industry", DataTypes.StringType)
                    .add("existing", DataTypes.BooleanType),
                LOSS_COLUMNS)
            .add("margin_rate", DataTypes.DoubleType)
            .add("lost_margin", DataTypes.DoubleType)
            .add("lost_margin_low", DataTypes.DoubleType)
            .add("lost_margin_high", DataTypes.DoubleType)
            .add("naive_lost_revenue", DataTypes.DoubleType)
            .add("estimate_quality", DataTypes.StringType)
            .add("direct_lost_revenue", DataTypes.DoubleType)
            .add("pooling_weight", DataTypes.DoubleType)
            .add("fit_mape", DataTypes.DoubleType);
    return estimates
        .map(
            (MapFunction<Row, Row>)
                r -> {
                  String id = r.getString(0);
                  String industry = r.getString(1);
                  double cfO = r.getDouble(4);
                  double cfA = r.getDouble(5);
                  double actual = r.getDouble(6) + r.getDouble(7);
                  double direct = cfO + cfA - actual;
                  double[] own = r.<Double>getList(9).stream().mapToDouble(x -> x).toArray();
                  double[] f = error.factors(industry);
                  LossRatePooling.Pooled pooled = pooling.of(id);
                  double point;
                  double weight;
                  double[] lost = new double[own.length];
                  if (pooled == null) {
                    point = direct;
                    weight = 1;
                    for (int k = 0; k < lost.length; k++) {
                      lost[k] = own[k] * f[k] - actual;
                    }
                  } else {
                    // a counterfactual is not negative: the loss is at least −actual
                    point = Math.max(-actual, pooled.rate() * (cfO + cfA));
                    weight = pooled.weight();
                    lost = pooledDraws(id, pooled, own, f, actual);
                  }
                  double scale = cfO + cfA > 0 ? (actual + point) / (cfO + cfA) : 1;
                  double rate = rates.get(industry);
                  double[] interval = Quantiles.around(point, lost);
                  double low = Math.min(point, Math.max(-actual, interval[0]));
                  double high = Math.max(point, interval[1]);
                  return RowFactory.create(
                      id,
                      industry,
                      r.getBoolean(2),
                      round(actual + point),
                      round(actual),
                      round(point),
                      round(low),
                      round(high),
                      round(cfO * scale - r.getDouble(6)),
                      round(cfA * scale - r.getDouble(7)),
                      rate,
                      round(point * rate),
                      round(low * rate),
                      round(high * rate),
                      round(r.getDouble(8) - actual),
                      r.getString(3),
                      round(direct),
                      weight,
                      fitMape(r.<Double>getList(12), r.<Double>getList(13)));
                },
            Encoders.row(schema))
        .orderBy("merchant_id");
  }

  /**
   * How well the merchant's model fitted its last four pre-outage weeks: the mean over those weeks
   * of |observed − fitted| ÷ observed, weekly sums (weeks with no sales left out); null where the
   * model was not fitted to history.
   */
  static Double fitMape(List<Double> residuals, List<Double> fitted) {
    double sum = 0;
    int weeks = 0;
    for (int w = 0; w * 7 < residuals.size(); w++) {
      double res = 0;
      double fit = 0;
      int days = 0;
      for (int k = w * 7; k < Math.min(residuals.size(), w * 7 + 7); k++) {
        if (!Double.isNaN(residuals.get(k))) {
          res += residuals.get(k);
          fit += fitted.get(k);
          days++;
        }
      }
      double observed = fit + res;
      if (days == 7 && observed > 0) {
        sum += Math.abs(res) / observed;
        weeks++;
      }
    }
    return weeks == 0 ? null : sum / weeks;
  }

  /**
   * Draws of a pooled merchant's loss: its rate from N(pooled rate, MSE) moved by the industry's
   * shared error, times its own counterfactual draw; never below −actual (a counterfactual is not
   * negative).
   */
  static double[] pooledDraws(
      String id, LossRatePooling.Pooled pooled, double[] own, double[] shared, double actual) {
    org.apache.commons.rng.UniformRandomProvider rng =
        org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(
            new long[] {LostRevenueJob.SEED, id.hashCode() * 0x632BE59BD9B4E019L});
    org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian gauss =
        org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(rng);
    double sd = Math.sqrt(Math.max(pooled.mse(), 0));
    double[] out = new double[own.length];
    for (int k = 0; k < out.length; k++) {
      double rate = pooled.rate() + sd * gauss.sample();
      rate = Math.min(1, 1 - (1 - rate) / shared[k]);
      out[k] = Math.max(-actual, rate * own[k] * shared[k]);
    }
    return out;
  }

  Dataset<Row> totals(Dataset<Row> estimates, SharedError error) {
    // Σ over merchants per industry and draw, on the executors; the rest is small. The points are
    // the merchants' rows as written (pooled), the spread that of their summed draws
    Map<String, double[]> drawSums = new TreeMap<>();
    Map<String, double[]> points = new TreeMap<>();
    for (Row r :
        estimates
            .select(
                col("industry"),
                org.apache.spark.sql.functions.posexplode(col("draws")).as(new String[] {"k", "v"}))
            .groupBy("industry", "k")
            .agg(ExactSum.of("v").as("v"))
            .orderBy("industry", "k")
            .collectAsList()) {
      drawSums.computeIfAbsent(r.getString(0), k -> new double[LostRevenueJob.DRAWS])[r.getInt(1)] =
          r.getDouble(2);
    }
    drawSums.replaceAll(
        (industry, sums) -> error.apply(industry, java.util.Arrays.stream(sums).boxed().toList()));
    for (Row r :
        table
            .apply("merchant_loss")
            .groupBy("industry")
            .agg(
                org.apache.spark.sql.functions.count(lit(1)).as("n"),
                ExactSum.of("counterfactual_revenue"),
                ExactSum.of("actual_revenue"),
                ExactSum.of("lost_revenue_outage"),
                ExactSum.of("lost_revenue_after"))
            .collectAsList()) {
      points.put(
          r.getString(0),
          new double[] {
            r.getLong(1), r.getDouble(2), r.getDouble(3), r.getDouble(4), r.getDouble(5)
          });
    }
    StructType schema =
        doubles(
                new StructType()
                    .add("scope", DataTypes.StringType)
                    .add("industry", DataTypes.StringType)
                    .add("merchants", DataTypes.LongType),
                LOSS_COLUMNS)
            .add("lost_margin", DataTypes.DoubleType)
            .add("lost_margin_low", DataTypes.DoubleType)
            .add("lost_margin_high", DataTypes.DoubleType);
    List<Row> rows = new ArrayList<>();
    double[] platformDraws = new double[LostRevenueJob.DRAWS];
    double[] platformMarginDraws = new double[LostRevenueJob.DRAWS];
    double[] platform = new double[7];
    for (String industry : points.keySet()) {
      double[] p = points.get(industry);
      double rate = scenario.cash().marginRate(industry).orElseThrow();
      double actual = p[2];
      double point = p[3] + p[4];
      double[] lost = new double[LostRevenueJob.DRAWS];
      double[] margin = new double[LostRevenueJob.DRAWS];
      for (int k = 0; k < LostRevenueJob.DRAWS; k++) {
        lost[k] = drawSums.get(industry)[k] - actual;
        margin[k] = lost[k] * rate;
        platformDraws[k] += lost[k];
        platformMarginDraws[k] += margin[k];
      }
      rows.add(
          total(
              "industry",
              industry,
              (long) p[0],
              p[1],
              actual,
              point,
              lost,
              p[3],
              p[4],
              point * rate,
              margin,
              actual * rate));
      platform[0] += p[0];
      platform[1] += p[1];
      platform[2] += actual;
      platform[3] += p[3];
      platform[4] += p[4];
      platform[5] += point * rate;
      platform[6] += actual * rate;
    }
    rows.add(
        0,
        total(
            "platform",
            null,
            (long) platform[0],
            platform[1],
            platform[2],
            platform[1] - platform[2],
            platformDraws,
            platform[3],
            platform[4],
            platform[5],
            platformMarginDraws,
            platform[6]));
    return spark.createDataFrame(rows, schema);
  }

  private static Row total(
      String scope,
      String industry,
      long n,
      double cf,
      double actual,
      double lost,
      double[] lostDraws,
      double outage,
      double after,
      double margin,
      double[] marginDraws,
      double actualMargin) {
    double[] lostInterval = Quantiles.around(lost, lostDraws);
    double[] marginInterval = Quantiles.around(margin, marginDraws);
    // a counterfactual is not negative: no loss below −actual (margin: −actual × margin rate)
    lostInterval[0] = Math.max(-actual, lostInterval[0]);
    marginInterval[0] = Math.max(-actualMargin, marginInterval[0]);
    return RowFactory.create(
        scope,
        industry,
        n,
        round(cf),
        round(actual),
        round(lost),
        round(lostInterval[0]),
        round(lostInterval[1]),
        round(outage),
        round(after),
        round(margin),
        round(marginInterval[0]),
        round(marginInterval[1]));
  }

  /**
   * Per industry: this model's lost revenue against the one-week-average baseline, and truth when
   * known.
   */
  Dataset<Row> baselineComparison() {
    Dataset<Row> impact = table.apply("merchant_loss");
    Dataset<Row> joined = impact;
    boolean withTruth = truthPath.isPresent();
    if (withTruth) {
      Dataset<Row> truth =
          spark
              .read()
              .parquet(truthPath.get())
              .select(col("merchant_id"), col("true_lost_revenue"));
      joined = impact.join(truth, ColumnNames.of("merchant_id"), "left");
    } else {
      joined = impact.withColumn("true_lost_revenue", lit(null).cast(DataTypes.DoubleType));
    }
    return joined
        .groupBy("industry")
        .agg(
            org.apache.spark.sql.functions.count(lit(1)).as("merchants"),
            ExactSum.of("lost_revenue").as("lost_revenue"),
            ExactSum.of("naive_lost_revenue").as("naive_lost_revenue"),
            ExactSum.of("true_lost_revenue").as("true_lost_revenue"),
            ExactSum.of(
                    org.apache.spark.sql.functions.abs(
                        col("lost_revenue").minus(col("true_lost_revenue"))))
                .as("model_abs_error"),
            ExactSum.of(
                    org.apache.spark.sql.functions.abs(
                        col("naive_lost_revenue").minus(col("true_lost_revenue"))))
                .as("naive_abs_error"))
        .orderBy("industry");
  }

  Dataset<Row> dailyPath(Dataset<Row> estimates, ImpactSettings settings) {
    LocalDate origin = settings.origin();
    int outageDay = settings.outageDay();
    int endDay = settings.endDay();
    // the pooled counterfactual scales the merchant's path from the outage on
    Dataset<Row> scaled =
        estimates
            .join(
                table.apply("merchant_loss").select("merchant_id", "counterfactual_revenue"),
                ColumnNames.of("merchant_id"))
            .withColumn(
                "scale",
                when(
                        col("counterfactual_outage").plus(col("counterfactual_after")).gt(0),
                        col("counterfactual_revenue")
                            .divide(col("counterfactual_outage").plus(col("counterfactual_after"))))
                    .otherwise(1.0));
    Dataset<Row> path =
        scaled.select(
            col("merchant_id"),
            col("scale"),
            org.apache
                .spark
                .sql
                .functions
                .posexplode(col("path"))
                .as(new String[] {"offset", "counterfactual_revenue"}),
            col("path_start"));
    Dataset<Row> days =
        path.withColumn("day", col("path_start").plus(col("offset")))
            .withColumn("date", org.apache.spark.sql.functions.date_add(lit(origin), col("day")))
            .withColumn(
                "period",
                when(col("day").lt(outageDay), "before")
                    .when(col("day").leq(endDay), "outage")
                    .otherwise("after"));
    Dataset<Row> actual =
        table
            .apply("merchant_day")
            .select(
                col("merchant_id"),
                col("date"),
                col("net_revenue").cast(DataTypes.DoubleType).as("actual_revenue"));
    Dataset<Row> joined =
        days.join(actual, ColumnNames.of("merchant_id", "date"), "left")
            .select(
                col("merchant_id"),
                col("date"),
                col("period"),
                col("actual_revenue"),
                org.apache
                    .spark
                    .sql
                    .functions
                    .round(
                        col("counterfactual_revenue")
                            .multiply(when(col("day").geq(outageDay), col("scale")).otherwise(1.0)),
                        2)
                    .as("counterfactual_revenue"));
    return Sorted.by(joined, "merchant_id", "date");
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static StructType doubles(StructType start, String... names) {
    StructType out = start;
    for (String name : names) {
      out = out.add(name, DataTypes.DoubleType);
    }
    return out;
  }
}

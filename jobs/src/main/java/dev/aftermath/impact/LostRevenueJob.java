package dev.aftermath.impact;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.aftermath.casedata.ControlSeries;
import dev.aftermath.casedata.MerchantIndustries;
import dev.aftermath.io.TableWriter;
import dev.aftermath.scenario.Scenario;
import dev.aftermath.spark.ColumnNames;
import dev.aftermath.spark.Progress;
import dev.aftermath.spark.Sorted;
import dev.aftermath.stage.StageContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Lost revenue and margin per merchant (METHODS.md): fits each merchant's counterfactual in Spark
 * (grouped by merchant, one model per group in the JVM), then derives intervals and totals from the
 * simulated counterfactuals with an industry-level shared error. Writes {@code merchant_loss},
 * {@code impact_totals}, {@code merchant_day_counterfactual} and {@code baseline_comparison}.
 */
public final class LostRevenueJob {
  static final int DRAWS = 200;

  /** Seed of the simulation draws (the same draws on every run). */
  public static final long SEED = 20200223L;

  static final int FIT_DAYS = 112;

  /** Priors of the industry-aggregate fit: trend ~ N(0, 1/yr), control ~ N(1, 0.25). */
  static final double AGGREGATE_TREND_SD = 1.0;

  static final double AGGREGATE_CONTROL_SD = 0.25;

  /** Below this many fitted merchants an industry's priors come from the whole platform. */
  static final int MIN_POOLED_MERCHANTS = 30;

  private final SparkSession spark;
  private final Scenario scenario;
  private final TableWriter writer;
  private final Progress progress;
  private final Optional<String> truthPath;

  /** The stage over {@code context}: its session, scenario, scoped tables and progress. */
  public LostRevenueJob(StageContext context) {
    this.spark = context.spark();
    this.scenario = context.scenario();
    this.writer = context.writer();
    this.progress = context.progress();
    this.truthPath = context.truth("merchant_truth");
  }

  /** Runs the stage; returns rows written per table. */
  public Map<String, Long> run() {
    Map<String, Long> written = new LinkedHashMap<>();
    Dataset<Row> merchants = table("merchants");
    scenario.cash().marginRates(MerchantIndustries.of(merchants));
    ImpactSettings settings =
        progress.stage("lost revenue: settings", () -> settings(scenario, merchants));
    ImpactSettings pooled =
        progress.stage(
            "lost revenue: pooled priors",
            () ->
                settings.withPriors(
                    PooledPriors.of(
                        estimate(settings.withoutDraws(), merchants),
                        industryCoefficients(settings, merchants))));
    Dataset<Row> estimates =
        progress.stage(
            "lost revenue: fit",
            () -> estimate(pooled, merchants).persist(StorageLevel.MEMORY_AND_DISK()));
    try {
      ImpactTables tables = new ImpactTables(spark, scenario, truthPath, this::table);
      written.put(
          "impact_priors",
          writer.result("impact_priors", PooledPriors.table(spark, pooled.priors())));
      Map<String, Double> shared =
          progress.stage("lost revenue: shared error", () -> sharedError(estimates));
      SharedError error = new SharedError(shared, settings.draws(), settings.seed());
      Optional<Scenario> held = Backtest.scenario(scenario);
      Backtest.Result backtest =
          progress.stage(
              "lost revenue: backtest",
              () ->
                  held.isPresent()
                      ? backtest(held.get(), merchants, pooled.priors())
                      : new Backtest.Result(
                          spark.createDataFrame(List.of(), Backtest.SCHEMA),
                          ForecastError.UNMEASURED,
                          1));
      written.put("backtest", writer.result("backtest", backtest.table()));
      progress.stage(
          "lost revenue: merchant_loss",
          () -> {
            written.put(
                "merchant_loss",
                writer.result(
                    "merchant_loss",
                    tables.merchantLoss(
                        estimates,
                        ImpactTables.pooling(estimates, merchants, backtest.forecastError())
                            .widened(backtest.widthFactor()),
                        error)));
          });
      progress.stage(
          "lost revenue: totals",
          () -> {
            written.put(
                "impact_totals", writer.result("impact_totals", tables.totals(estimates, error)));
            written.put(
                "baseline_comparison",
                writer.result("baseline_comparison", tables.baselineComparison()));
            if (truthPath.isPresent()) {
              written.put(
                  "impact_evaluation",
                  writer.result(
                      "impact_evaluation",
                      TruthEvaluation.evaluate(
                          spark,
                          table("merchant_loss"),
                          table("impact_totals"),
                          table("backtest"),
                          truthPath.get())));
            }
          });
      progress.stage(
          "lost revenue: daily path",
          () -> {
            written.put(
                "merchant_day_counterfactual",
                writer.result(
                    "merchant_day_counterfactual", tables.dailyPath(estimates, settings)));
          });
    } finally {
      estimates.unpersist();
    }
    return written;
  }

  /**
   * The method (settings, fit, shared error) on the backtest's scenario, and its comparison with
   * what happened in the held-out weeks. The pooled priors are the real run's: learnt from the
   * industries' pre-outage history, they are part of the method's set-up, not of a merchant's fit.
   */
  private Backtest.Result backtest(
      Scenario held, Dataset<Row> merchants, Map<String, double[]> priors) {
    ImpactSettings settings = settings(held, merchants);
    ImpactSettings pooled = settings.withPriors(priors);
    Dataset<Row> estimates = estimate(pooled, merchants).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      SharedError error =
          new SharedError(sharedError(estimates), settings.draws(), settings.seed());
      Backtest.Result result = Backtest.of(spark, estimates, error);
      return result.withWidthFactor(
          ImpactTables.pooling(estimates, merchants, result.forecastError()).widthForCoverage());
    } finally {
      estimates.unpersist();
    }
  }

  private Dataset<Row> table(String name) {
    return writer.read(name);
  }

  /** Calendar, control series and hour shares shared by all merchant models. */
  ImpactSettings settings(Scenario scenario, Dataset<Row> merchants) {
    LocalDate origin = scenario.analysis().historyStart();
    int outageDay = day(origin, scenario.outage().start().toLocalDate());
    int endDay = day(origin, scenario.outage().end().toLocalDate());
    int horizonDay = day(origin, scenario.analysis().horizonEnd());
    Map<String, double[]> control =
        writer.exists("industry_index")
            ? ControlSeries.daily(table("industry_index"), origin, horizonDay)
            : Map.of();
    Map<String, double[]> hourShares = new HashMap<>();
    LocalDate to = scenario.outage().start().toLocalDate();
    Dataset<Row> byHour =
        table("orders")
            .filter(col("status").equalTo("PAID"))
            .filter(col("local_date").geq(lit(to.minusDays(28))).and(col("local_date").lt(lit(to))))
            .join(merchants.select("merchant_id", "industry"), "merchant_id")
            .groupBy(col("industry"), hour(col("created_at")).as("hour"))
            .agg(sum("revenue").cast(DataTypes.DoubleType).as("revenue"));
    for (Row r : byHour.collectAsList()) {
      hourShares.computeIfAbsent(r.getString(0), k -> new double[24])[r.getInt(1)] +=
          r.getDouble(2);
    }
    hourShares
        .values()
        .forEach(
            h -> {
              double total = java.util.Arrays.stream(h).sum();
              for (int i = 0; i < 24; i++) {
                h[i] = total > 0 ? h[i] / total : 1 / 24.0;
              }
            });
    return new ImpactSettings(
        origin,
        outageDay,
        scenario.outage().start().getHour(),
        endDay,
        scenario.outage().end().getHour(),
        horizonDay,
        control,
        hourShares,
        levelDrift(merchants, outageDay, origin, control, to),
        FIT_DAYS,
        DRAWS,
        SEED,
        Map.of(),
        RampUp.learn(
            table("merchant_day")
                .filter(col("on_platform").and(col("date").lt(lit(to))))
                .join(merchants.select("merchant_id", "industry", "signup_date"), "merchant_id")
                .select(
                    col("merchant_id"),
                    col("industry"),
                    col("signup_date"),
                    col("date"),
                    col("net_revenue").as("revenue")),
            origin,
            control));
  }

  /**
   * Per industry with a control series, {trend, control coefficient} of the same regression fitted
   * to the industry's total daily revenue over the fit window, summed over the merchants on the
   * platform on every day of it (industries with at least {@link #MIN_POOLED_MERCHANTS} of them):
   * the peers' common movement, estimated with little noise.
   */
  private Map<String, double[]> industryCoefficients(
      ImpactSettings settings, Dataset<Row> merchants) {
    if (settings.outageDay() < settings.fitDays()) {
      return Map.of(); // less history than one fit window: too little to learn an industry's slope
    }
    LocalDate from = settings.origin().plusDays(settings.outageDay() - settings.fitDays());
    LocalDate to = settings.origin().plusDays(settings.outageDay());
    long days = ChronoUnit.DAYS.between(from, to);
    Dataset<Row> window =
        table("merchant_day")
            .filter(col("date").geq(lit(from)).and(col("date").lt(lit(to))))
            .filter(col("on_platform"));
    Dataset<Row> full =
        window
            .groupBy("merchant_id")
            .count()
            .filter(col("count").equalTo(days))
            .select("merchant_id");
    Map<String, TreeMap<Integer, Double>> byIndustry = new TreeMap<>();
    for (Row r :
        window
            .join(full, "merchant_id")
            .join(merchants.select("merchant_id", "industry"), "merchant_id")
            .groupBy("industry", "date")
            .agg(
                sum("net_revenue").cast(DataTypes.DoubleType).as("revenue"),
                countDistinct("merchant_id").as("merchants"))
            .filter(col("merchants").geq(MIN_POOLED_MERCHANTS))
            .collectAsList()) {
      byIndustry
          .computeIfAbsent(r.getString(0), k -> new TreeMap<>())
          .put(day(settings.origin(), r.<LocalDate>getAs(1)), r.getDouble(2));
    }
    Map<String, double[]> out = new TreeMap<>();
    byIndustry.forEach(
        (industry, series) -> {
          double[] control = settings.control().get(industry);
          if (control == null || series.size() < CounterfactualModel.TREND_MIN_DAYS) {
            return;
          }
          double[][] x = new double[series.size()][];
          double[] y = new double[series.size()];
          int i = 0;
          for (var e : series.entrySet()) {
            x[i] = CounterfactualModel.design(settings, e.getKey(), control, true, false);
            y[i++] = e.getValue();
          }
          double[] w = new double[y.length];
          java.util.Arrays.fill(w, 1);
          // weakly informative priors: where the index hardly moved in the window (no shock to
          // learn from) the aggregate's sensitivity stays near proportional co-movement
          double[] mean = new double[x[0].length];
          double[] precision = new double[x[0].length];
          mean[2] = 1;
          precision[1] = 1 / (AGGREGATE_TREND_SD * AGGREGATE_TREND_SD);
          precision[2] = 1 / (AGGREGATE_CONTROL_SD * AGGREGATE_CONTROL_SD);
          PoissonRegression.Fit fit = PoissonRegression.fit(x, y, w, mean, precision);
          if (fit.converged() && java.util.Arrays.stream(y).sum() > 0) {
            out.put(industry, new double[] {fit.beta()[1], fit.beta()[2]});
          }
        });
    return out;
  }

  /**
   * The peers' fallback: per industry, the sd of the week-to-week log change of the industry's
   * total revenue (divided by the control series where there is one) over the weeks before the
   * outage.
   */
  private Map<String, Double> levelDrift(
      Dataset<Row> merchants,
      int outageDay,
      LocalDate origin,
      Map<String, double[]> control,
      LocalDate to) {
    Map<String, double[]> weekly = new TreeMap<>();
    int weeks = Math.max(1, outageDay / 7);
    Dataset<Row> byDay =
        table("merchant_day")
            .filter(col("date").lt(lit(to)))
            .join(merchants.select("merchant_id", "industry"), "merchant_id")
            .groupBy("industry", "date")
            .agg(sum("net_revenue").cast(DataTypes.DoubleType).as("revenue"))
            // in day order: the weeks are summed from these rows
            .orderBy("industry", "date");
    for (Row r : byDay.collectAsList()) {
      int d = day(origin, r.<LocalDate>getAs(1));
      int w = (outageDay - 1 - d) / 7;
      if (d < 0 || w >= weeks) {
        continue;
      }
      double[] c = control.get(r.getString(0));
      weekly.computeIfAbsent(r.getString(0), k -> new double[weeks])[w] +=
          c == null ? r.getDouble(2) : r.getDouble(2) / c[d];
    }
    Map<String, Double> drift = new TreeMap<>();
    weekly.forEach(
        (industry, v) -> {
          List<Double> changes = new ArrayList<>();
          for (int w = 0; w + 1 < v.length; w++) {
            if (v[w] > 0 && v[w + 1] > 0) {
              changes.add(Math.log(v[w] / v[w + 1]));
            }
          }
          double mean = changes.stream().mapToDouble(Double::doubleValue).average().orElse(0);
          double var =
              changes.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum()
                  / Math.max(1, changes.size() - 1);
          drift.put(industry, Math.sqrt(var));
        });
    return drift;
  }

  private static int day(LocalDate origin, LocalDate d) {
    return (int) ChronoUnit.DAYS.between(origin, d);
  }

  static final StructType ESTIMATE =
      new StructType()
          .add("merchant_id", DataTypes.StringType)
          .add("industry", DataTypes.StringType)
          .add("existing", DataTypes.BooleanType)
          .add("estimate_quality", DataTypes.StringType)
          .add("counterfactual_outage", DataTypes.DoubleType)
          .add("counterfactual_after", DataTypes.DoubleType)
          .add("actual_outage", DataTypes.DoubleType)
          .add("actual_after", DataTypes.DoubleType)
          .add("naive_counterfactual", DataTypes.DoubleType)
          .add("draws", DataTypes.createArrayType(DataTypes.DoubleType))
          .add("path_start", DataTypes.IntegerType)
          .add("path", DataTypes.createArrayType(DataTypes.DoubleType))
          .add("residuals", DataTypes.createArrayType(DataTypes.DoubleType))
          .add("fitted", DataTypes.createArrayType(DataTypes.DoubleType))
          .add("coefficients", DataTypes.createArrayType(DataTypes.DoubleType));

  /** One estimate row per merchant, fitted inside the Spark task that holds its days. */
  Dataset<Row> estimate(ImpactSettings settings, Dataset<Row> merchants) {
    LocalDate origin = settings.origin();
    LocalDate first = origin.plusDays(settings.outageDay());
    LocalDate last = origin.plusDays(settings.endDay());
    Dataset<Row> hourly =
        table("merchant_hour")
            .groupBy("merchant_id")
            .agg(
                sum(when(
                        col("date").equalTo(lit(first)).and(col("hour").geq(settings.startHour())),
                        col("net_revenue")))
                    .cast(DataTypes.DoubleType)
                    .as("after_start"),
                sum(when(
                        col("date").equalTo(lit(last)).and(col("hour").lt(settings.endHour())),
                        col("net_revenue")))
                    .cast(DataTypes.DoubleType)
                    .as("before_end"));
    Dataset<Row> days =
        table("merchant_day")
            .filter(col("on_platform"))
            // a merchant with no day in the examined span has nothing to estimate
            .filter(
                col("date")
                    .geq(lit(origin))
                    .and(col("date").leq(lit(origin.plusDays(settings.horizonDay())))))
            .select(
                col("merchant_id"),
                col("date"),
                col("net_revenue").cast(DataTypes.DoubleType).as("revenue"))
            .join(
                merchants.select(
                    "merchant_id", "industry", "is_new", "signup_date", "left_platform_at"),
                "merchant_id")
            .join(hourly, ColumnNames.of("merchant_id"), "left");
    MapGroupsFunction<String, Row, Row> fit =
        (id, rows) ->
            toRow(new CounterfactualModel(settings).estimate(series(id, rows, settings, origin)));
    return days.groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
        .mapGroups(fit, Encoders.row(ESTIMATE));
  }

  private static MerchantSeries series(
      String id, Iterator<Row> rows, ImpactSettings s, LocalDate origin) {
    double[] revenue = new double[s.horizonDay() + 1];
    java.util.Arrays.fill(revenue, Double.NaN);
    String industry = null;
    boolean isNew = false;
    boolean left = false;
    int firstDay = Integer.MAX_VALUE;
    int lastDay = -1;
    double afterStart = 0;
    double beforeEnd = 0;
    while (rows.hasNext()) {
      Row r = rows.next();
      int d = (int) ChronoUnit.DAYS.between(origin, r.<LocalDate>getAs("date"));
      if (d < 0 || d > s.horizonDay()) {
        continue;
      }
      revenue[d] = r.<Double>getAs("revenue");
      firstDay = Math.min(firstDay, d);
      lastDay = Math.max(lastDay, d);
      industry = r.getAs("industry");
      isNew = r.<Boolean>getAs("is_new");
      left = r.getAs("left_platform_at") != null;
      Double a = r.getAs("after_start");
      Double b = r.getAs("before_end");
      afterStart = a == null ? 0 : a;
      beforeEnd = b == null ? 0 : b;
    }
    return new MerchantSeries(
        id, industry, isNew, left, firstDay, lastDay, revenue, afterStart, beforeEnd);
  }

  private static Row toRow(MerchantEstimate e) {
    return RowFactory.create(
        e.merchantId(),
        e.industry(),
        e.existing(),
        e.quality(),
        e.counterfactualOutage(),
        e.counterfactualAfter(),
        e.actualOutage(),
        e.actualAfter(),
        e.naiveCounterfactual(),
        list(e.counterfactualDraws()),
        e.pathStart(),
        list(e.path()),
        list(e.residuals()),
        list(e.fitted()),
        list(e.coefficients()));
  }

  private static scala.collection.immutable.Seq<Object> list(double[] a) {
    List<Object> out = new ArrayList<>(a.length);
    for (double v : a) {
      out.add(v);
    }
    return scala.jdk.javaapi.CollectionConverters.asScala(out).toList();
  }

  /**
   * The industry-level relative error shared by all its merchants, from the pre-outage residuals of
   * the last days: on day k, the common part of the merchants' residuals is what their cross-
   * products hold, (Σᵢ rᵢₖ)² − Σᵢ rᵢₖ² (each merchant's own noise, already in its draws, drops
   * out), relative to (Σᵢ fittedᵢₖ)², pooled over the days weighted by that volume so that days of
   * a collapsed demand, whose few orders make a relative residual mostly noise, weigh little. The
   * daily variance is scaled to a week-long persistent level error (÷ 7). An assumption, documented
   * in METHODS.md.
   */
  Map<String, Double> sharedError(Dataset<Row> estimates) {
    Map<String, double[][]> sums = new TreeMap<>();
    // in merchant order: sums must not depend on the order partitions arrive in
    for (Row r :
        Sorted.collected(
            estimates.select("merchant_id", "industry", "residuals", "fitted"), "merchant_id")) {
      List<Double> res = r.getList(2);
      List<Double> fit = r.getList(3);
      double[][] acc = sums.computeIfAbsent(r.getString(1), k -> new double[3][res.size()]);
      for (int k = 0; k < res.size(); k++) {
        if (!Double.isNaN(res.get(k))) {
          acc[0][k] += res.get(k);
          acc[1][k] += fit.get(k);
          acc[2][k] += res.get(k) * res.get(k);
        }
      }
    }
    Map<String, Double> out = new TreeMap<>();
    sums.forEach((industry, acc) -> out.put(industry, sharedSigma(acc[0], acc[1], acc[2])));
    return out;
  }

  /**
   * σ of the shared relative error from the days' residual sums, fitted sums and sums of squared
   * residuals (see {@link #sharedError}).
   */
  static double sharedSigma(double[] residualSum, double[] fittedSum, double[] squaredSum) {
    double common = 0;
    double volume = 0;
    for (int k = 0; k < residualSum.length; k++) {
      if (fittedSum[k] > 0) {
        common += residualSum[k] * residualSum[k] - squaredSum[k];
        volume += fittedSum[k] * fittedSum[k];
      }
    }
    return volume > 0 ? Math.sqrt(Math.max(0, common / volume) / 7) : 0;
  }

  /** The priors as a table: part of the method's record. */
}

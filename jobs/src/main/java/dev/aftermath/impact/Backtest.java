package dev.aftermath.impact;

import static org.apache.spark.sql.functions.col;

import dev.aftermath.scenario.Scenario;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The validation a real case can have: the same method fitted on the history up to {@link
 * #HELD_OUT_DAYS} days before the outage, predicting those days, when nothing happened. Per
 * merchant, industry and platform: predicted and actual revenue, the error, and whether the 90%
 * interval held the actual; per industry and platform the median absolute percentage error and the
 * share of merchants covered. Its errors also measure how far a forecast misses beyond what its
 * draws say ({@link ForecastError}), which the pooling of loss rates needs.
 */
final class Backtest {
  /** The held-out weeks: the last four before the outage. */
  static final int HELD_OUT_DAYS = 28;

  static final StructType SCHEMA =
      new StructType()
          .add("scope", DataTypes.StringType)
          .add("merchant_id", DataTypes.StringType)
          .add("industry", DataTypes.StringType)
          .add("merchants", DataTypes.LongType)
          .add("predicted_revenue", DataTypes.DoubleType)
          .add("actual_revenue", DataTypes.DoubleType)
          .add("error", DataTypes.DoubleType)
          .add("predicted_low", DataTypes.DoubleType)
          .add("predicted_high", DataTypes.DoubleType)
          .add("covered", DataTypes.BooleanType)
          .add("abs_pct_error", DataTypes.DoubleType)
          .add("median_abs_pct_error", DataTypes.DoubleType)
          .add("coverage", DataTypes.DoubleType);

  private Backtest() {}

  /**
   * The backtest's scenario: the outage moved {@link #HELD_OUT_DAYS} days earlier, the horizon the
   * day before the real outage; empty where the history is too short for it.
   */
  static Optional<Scenario> scenario(Scenario real) {
    LocalDateTime start = real.outage().start().minusDays(HELD_OUT_DAYS);
    try {
      return Optional.of(real.placebo(start));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** One merchant's backtest. */
  private record Merchant(
      String id,
      String industry,
      boolean pooled,
      double predicted,
      double actual,
      double[] draws,
      double[] own,
      double[] interval) {
    boolean covered() {
      return Backtest.covered(actual, interval);
    }
  }

  /** The table and the forecast error it measures. */
  /**
   * The table, the forecast error it measures and the factor on pooled intervals that makes 90% of
   * them hold the backtest's zero loss.
   */
  record Result(Dataset<Row> table, ForecastError forecastError, double widthFactor) {
    Result withWidthFactor(double factor) {
      return new Result(table, forecastError, factor);
    }
  }

  static Result of(SparkSession spark, Dataset<Row> estimates, SharedError error) {
    List<Merchant> merchants = new ArrayList<>();
    for (Row r :
        estimates
            .select(
                col("merchant_id"),
                col("industry"),
                col("existing"),
                col("estimate_quality"),
                col("counterfactual_outage"),
                col("counterfactual_after"),
                col("actual_outage"),
                col("actual_after"),
                col("draws"))
            .orderBy("merchant_id")
            .collectAsList()) {
      double predicted = r.getDouble(4) + r.getDouble(5);
      double actual = r.getDouble(6) + r.getDouble(7);
      if (predicted <= 0 && actual <= 0) {
        continue; // nothing to predict: not on the platform in the held-out weeks
      }
      double[] own = r.<Double>getList(8).stream().mapToDouble(Double::doubleValue).toArray();
      double[] f = error.factors(r.getString(1));
      double[] draws = new double[own.length];
      for (int k = 0; k < own.length; k++) {
        draws[k] = own[k] * f[k];
      }
      boolean pooled = r.getBoolean(2) && !"new_merchant".equals(r.getString(3)) && predicted > 0;
      merchants.add(
          new Merchant(
              r.getString(0),
              r.getString(1),
              pooled,
              predicted,
              actual,
              draws,
              own,
              interval(predicted, draws)));
    }
    List<Row> rows = new ArrayList<>();
    Map<String, List<Merchant>> byIndustry = new TreeMap<>();
    for (Merchant m : merchants) {
      byIndustry.computeIfAbsent(m.industry(), k -> new ArrayList<>()).add(m);
    }
    rows.add(scopeRow("platform", null, merchants));
    byIndustry.forEach((industry, list) -> rows.add(scopeRow("industry", industry, list)));
    for (Merchant m : merchants) {
      double[] interval = m.interval();
      double err = m.actual() - m.predicted();
      rows.add(
          RowFactory.create(
              "merchant",
              m.id(),
              m.industry(),
              1L,
              round(m.predicted()),
              round(m.actual()),
              round(err),
              round(interval[0]),
              round(interval[1]),
              m.covered(),
              m.actual() > 0 ? Math.abs(err) / m.actual() : null,
              null,
              null));
    }
    return new Result(spark.createDataFrame(rows, SCHEMA), forecastError(byIndustry), 1);
  }

  /**
   * The rate errors of the pooled merchants (truth: no loss), each less its industry's weighted
   * mean (in the real run the industry's own level absorbs that part), against their draws'
   * variance.
   */
  private static ForecastError forecastError(Map<String, List<Merchant>> byIndustry) {
    List<double[]> points = new ArrayList<>();
    byIndustry.forEach(
        (industry, list) -> {
          List<double[]> own = new ArrayList<>();
          double sw = 0;
          double swr = 0;
          for (Merchant m : list) {
            if (!m.pooled()) {
              continue;
            }
            double rate = LossRatePooling.bounded(1 - m.actual() / m.predicted());
            double v = LossRatePooling.variance(m.actual(), m.own());
            if (!(v > 0) || !Double.isFinite(v)) {
              continue;
            }
            double w = 1 / (0.01 + v);
            sw += w;
            swr += w * rate;
            own.add(new double[] {rate, v});
          }
          double mean = sw > 0 ? swr / sw : 0;
          own.forEach(p -> points.add(new double[] {p[0] - mean, p[1]}));
        });
    return ForecastError.fit(
        points.stream().mapToDouble(p -> p[0]).toArray(),
        points.stream().mapToDouble(p -> p[1]).toArray());
  }

  private static Row scopeRow(String scope, String industry, List<Merchant> list) {
    double predicted = 0;
    double actual = 0;
    int draws = list.isEmpty() ? 0 : list.get(0).draws().length;
    double[] sum = new double[draws];
    int covered = 0;
    List<Double> ape = new ArrayList<>();
    for (Merchant m : list) {
      predicted += m.predicted();
      actual += m.actual();
      for (int k = 0; k < draws; k++) {
        sum[k] += m.draws()[k];
      }
      if (m.covered()) {
        covered++;
      }
      if (m.actual() > 0) {
        ape.add(Math.abs(m.actual() - m.predicted()) / m.actual());
      }
    }
    double[] interval = interval(predicted, sum);
    return RowFactory.create(
        scope,
        null,
        industry,
        (long) list.size(),
        round(predicted),
        round(actual),
        round(actual - predicted),
        round(interval[0]),
        round(interval[1]),
        covered(actual, interval),
        actual > 0 ? Math.abs(actual - predicted) / actual : null,
        ape.isEmpty() ? null : Quantiles.of(ape.stream().mapToDouble(d -> d).toArray(), 0.5),
        list.isEmpty() ? null : (double) covered / list.size());
  }

  /** The 90% interval of revenue around {@code point}, never below zero. */
  static double[] interval(double point, double[] draws) {
    double[] i = Quantiles.around(point, draws);
    return new double[] {Math.max(0, i[0]), Math.max(0, i[1])};
  }

  private static boolean covered(double actual, double[] interval) {
    return actual >= interval[0] - 0.005 && actual <= interval[1] + 0.005;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}

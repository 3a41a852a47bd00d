package dev.aftermath.impact;

import dev.aftermath.spark.Sorted;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The empirical-Bayes priors of the merchants' trend and control coefficients, per industry. */
final class PooledPriors {
  private PooledPriors() {}

  /**
   * Empirical-Bayes priors per industry: a merchant's trend and control coefficients are taken to
   * scatter as N(m, τ²) around its industry's centre m (the industry aggregate's coefficient), with
   * τ the robust spread of the first-pass estimates across the platform less their estimation
   * noise. Values: {trend m, trend τ, control m, control τ, 1 if m is the industry aggregate's}.
   */
  static Map<String, double[]> of(
      Dataset<Row> firstPass, Map<String, double[]> industryCoefficients) {
    Map<String, List<double[]>> byIndustry = new TreeMap<>();
    for (Row r :
        Sorted.collected(
            firstPass.select("merchant_id", "industry", "coefficients"), "merchant_id")) {
      List<Double> c = r.getList(2);
      if (!Double.isNaN(c.get(0))) {
        byIndustry
            .computeIfAbsent(r.getString(1), k -> new ArrayList<>())
            .add(new double[] {c.get(0), c.get(1), c.get(2), c.get(3)});
      }
    }
    Map<String, double[]> priors = new TreeMap<>();
    List<double[]> everyone = byIndustry.values().stream().flatMap(List::stream).toList();
    if (everyone.size() < 10) {
      return priors;
    }
    // the spread of merchants around their industry's centre is measured over the whole platform
    // (robust to an industry's handful of fast growers); the centre is the industry aggregate's
    // coefficient where there is one, else no trend beyond the index and proportional co-movement
    // with it (β = 1: what a control series is for), not the medians of weakly identified
    // first-pass estimates: with trend and index moving together (a declining cohort and an index
    // of its like), the first-pass trends take up part of the index's movement, and centring the
    // prior there counts that movement twice
    double[] trend = moments(everyone, 0);
    double[] control = moments(everyone, 2);
    byIndustry
        .keySet()
        .forEach(
            industry -> {
              double[] aggregate = industryCoefficients.get(industry);
              priors.put(
                  industry,
                  aggregate == null
                      ? new double[] {0.0, trend[1], 1.0, control[1], 0}
                      : new double[] {aggregate[0], trend[1], aggregate[1], control[1], 1});
            });
    return priors;
  }

  static Dataset<Row> table(SparkSession spark, Map<String, double[]> priors) {
    StructType schema =
        new StructType()
            .add("industry", DataTypes.StringType)
            .add("trend_mean", DataTypes.DoubleType)
            .add("trend_sd", DataTypes.DoubleType)
            .add("control_mean", DataTypes.DoubleType)
            .add("control_sd", DataTypes.DoubleType)
            .add("centre_from", DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    priors.forEach(
        (industry, p) ->
            rows.add(
                RowFactory.create(
                    industry,
                    p[0],
                    p[1],
                    p[2],
                    p[3],
                    p[4] > 0 ? "industry_aggregate" : "platform")));
    return spark.createDataFrame(rows, schema).orderBy("industry");
  }

  /**
   * {centre, sd} of the coefficient at {@code at} (its variance at {@code at + 1}) across
   * merchants, robustly: median, and the median absolute deviation (×1.4826) less the typical
   * estimation noise, so a few degenerate fits (small merchants with weeks of zeros) do not move
   * the prior.
   */
  private static double[] moments(List<double[]> all, int at) {
    double[] v = all.stream().mapToDouble(c -> c[at]).sorted().toArray();
    double median = Quantiles.of(v, 0.5);
    // the spread between merchants, read off the most precisely estimated quarter (large
    // merchants),
    // whose estimation noise does not swamp it
    double cut = Quantiles.of(all.stream().mapToDouble(c -> c[at + 1]).toArray(), 0.25);
    List<double[]> precise = all.stream().filter(c -> c[at + 1] <= cut).toList();
    double[] pv = precise.stream().mapToDouble(c -> c[at]).toArray();
    double pm = Quantiles.of(pv, 0.5);
    double[] dev = java.util.Arrays.stream(pv).map(x -> Math.abs(x - pm)).toArray();
    double spread = Math.pow(1.4826 * Quantiles.of(dev, 0.5), 2);
    double noise = Quantiles.of(precise.stream().mapToDouble(c -> c[at + 1]).toArray(), 0.5);
    double tau2 = Math.max(spread - noise, 0.05 * spread + 1e-4);
    return new double[] {median, Math.sqrt(tau2)};
  }
}

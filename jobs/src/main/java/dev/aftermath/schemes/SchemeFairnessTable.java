package dev.aftermath.schemes;

import dev.aftermath.scenario.BuiltInScheme;
import dev.aftermath.stats.NormalLoss;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code scheme_summary} (per scheme, and {@code chosen} for the merchants' choices) and {@code
 * scheme_fairness} (per scheme and group of merchants: by industry, size decile of pre-outage daily
 * revenue, data recovery and existing or new), each with the {@link Fairness} measures.
 */
final class SchemeFairnessTable {
  static final String CHOSEN = "chosen";

  private final List<String> schemes;
  private final List<PayoutSchemesJob.Payout> payouts;
  private final Map<String, Integer> decile = new LinkedHashMap<>();

  SchemeFairnessTable(
      List<String> schemes, List<PayoutSchemesJob.Payout> payouts, Map<String, Double> size) {
    this.schemes = measured(schemes);
    this.payouts = payouts;
    decile.putAll(deciles(size));
  }

  /**
   * Each merchant's decile (1–10) of {@code size}: merchants ranked by size, ties by id, cut into
   * ten groups of equal count.
   */
  static Map<String, Integer> deciles(Map<String, Double> size) {
    List<String> bySize = new ArrayList<>(size.keySet());
    bySize.sort(Comparator.<String>comparingDouble(size::get).thenComparing(m -> m));
    Map<String, Integer> out = new LinkedHashMap<>();
    for (int i = 0; i < bySize.size(); i++) {
      out.put(bySize.get(i), 1 + i * 10 / bySize.size());
    }
    return out;
  }

  /**
   * The rows of each group, in order: every scheme but the yardstick ({@link
   * BuiltInScheme#ACTUAL_LOSS}, which the others are measured against), then {@link #CHOSEN}.
   */
  static List<String> measured(List<String> schemes) {
    List<String> out = new ArrayList<>(schemes);
    out.remove(BuiltInScheme.ACTUAL_LOSS.schemeName());
    out.add(CHOSEN);
    return out;
  }

  private static double payout(PayoutSchemesJob.Payout p, String scheme) {
    return (CHOSEN.equals(scheme) ? p.chosenPayout() : p.values().get(scheme)).doubleValue();
  }

  private static double loss(PayoutSchemesJob.Payout p) {
    return p.values().get(BuiltInScheme.ACTUAL_LOSS.schemeName()).doubleValue();
  }

  private Fairness fairness(List<PayoutSchemesJob.Payout> group, String scheme) {
    List<double[]> lp = new ArrayList<>(group.size());
    for (PayoutSchemesJob.Payout p : group) {
      double paid = payout(p, scheme);
      NormalLoss l = p.input().loss();
      lp.add(new double[] {loss(p), paid, l.probabilityAtMost(paid), l.mean()});
    }
    return Fairness.of(lp);
  }

  static String recovery(Double pct) {
    if (pct == null) {
      return "unknown";
    }
    return pct <= 0 ? "0%" : pct < 50 ? "1-49%" : pct < 100 ? "50-99%" : "100%";
  }

  private Map<String, Function<PayoutSchemesJob.Payout, String>> dimensions() {
    Map<String, Function<PayoutSchemesJob.Payout, String>> d = new LinkedHashMap<>();
    d.put("industry", p -> p.input().industry());
    d.put("size_decile", p -> String.format("%02d", decile.get(p.input().merchantId())));
    d.put("data_recovery", p -> recovery(p.input().dataRecoveredPct()));
    d.put("merchant_type", p -> p.input().existing() ? "existing" : "new");
    return d;
  }

  private Map<String, List<PayoutSchemesJob.Payout>> groups(
      Function<PayoutSchemesJob.Payout, String> key) {
    Map<String, List<PayoutSchemesJob.Payout>> g = new TreeMap<>();
    for (PayoutSchemesJob.Payout p : payouts) {
      g.computeIfAbsent(key.apply(p), k -> new ArrayList<>()).add(p);
    }
    return g;
  }

  private static void addMeasures(List<Object> row, Fairness f) {
    row.add(f.merchants());
    row.add(f.merchantsWithLoss());
    row.add(f.shareMadeWhole());
    row.add(f.medianCoverage());
    row.add(round(f.totalLoss()));
    row.add(round(f.totalPayout()));
    row.add(round(f.totalShortfall()));
    row.add(f.giniShortfall());
  }

  /** The measures added after the first ones, at the end of either table. */
  private static void addLaterMeasures(List<Object> row, Fairness f) {
    row.add(f.expectedShareMadeWhole());
    row.add(round(f.totalLossEstimate()));
  }

  private static StructType withLaterMeasures(StructType s) {
    return s.add("expected_share_made_whole", DataTypes.DoubleType)
        .add("total_loss_estimate", DataTypes.DoubleType);
  }

  private static StructType withMeasures(StructType s) {
    return s.add("merchants", DataTypes.LongType)
        .add("merchants_with_loss", DataTypes.LongType)
        .add("share_made_whole", DataTypes.DoubleType)
        .add("median_coverage", DataTypes.DoubleType)
        .add("total_loss", DataTypes.DoubleType)
        .add("total_payout", DataTypes.DoubleType)
        .add("total_shortfall", DataTypes.DoubleType)
        .add("gini_shortfall", DataTypes.DoubleType);
  }

  Dataset<Row> table(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    dimensions()
        .forEach(
            (dimension, key) ->
                groups(key)
                    .forEach(
                        (group, members) -> {
                          for (String scheme : schemes) {
                            List<Object> row = new ArrayList<>(List.of(dimension, group, scheme));
                            Fairness f = fairness(members, scheme);
                            addMeasures(row, f);
                            addLaterMeasures(row, f);
                            rows.add(RowFactory.create(row.toArray()));
                          }
                        }));
    StructType schema =
        withLaterMeasures(
            withMeasures(
                new StructType()
                    .add("dimension", DataTypes.StringType)
                    .add("group", DataTypes.StringType)
                    .add("scheme", DataTypes.StringType)));
    return spark.createDataFrame(rows, schema).coalesce(1);
  }

  /**
   * Per scheme over all merchants: the measures, whether it is offered, how many merchants would
   * choose it, and the industry it serves worst (lowest share made whole among merchants with a
   * loss; ties by the larger total shortfall).
   */
  Dataset<Row> summary(SparkSession spark, List<String> offered) {
    Map<String, List<PayoutSchemesJob.Payout>> byIndustry = groups(p -> p.input().industry());
    List<Row> rows = new ArrayList<>();
    for (String scheme : schemes) {
      long chosenBy =
          CHOSEN.equals(scheme)
              ? payouts.size()
              : payouts.stream().filter(p -> p.chosen().equals(scheme)).count();
      List<Object> row =
          new ArrayList<>(
              List.of(scheme, CHOSEN.equals(scheme) || offered.contains(scheme), chosenBy));
      Fairness all = fairness(payouts, scheme);
      addMeasures(row, all);
      Map<String, Fairness> industries = new LinkedHashMap<>();
      byIndustry.forEach(
          (industry, members) -> industries.put(industry, fairness(members, scheme)));
      Map.Entry<String, Fairness> worst = Fairness.worst(industries);
      row.add(worst == null ? null : worst.getKey());
      row.add(worst == null ? null : worst.getValue().shareMadeWhole());
      addLaterMeasures(row, all);
      rows.add(RowFactory.create(row.toArray()));
    }
    StructType schema =
        withLaterMeasures(
            withMeasures(
                    new StructType()
                        .add("scheme", DataTypes.StringType)
                        .add("offered", DataTypes.BooleanType)
                        .add("chosen_by", DataTypes.LongType))
                .add("worst_served_industry", DataTypes.StringType)
                .add("worst_served_industry_share_made_whole", DataTypes.DoubleType));
    return spark.createDataFrame(rows, schema).coalesce(1);
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}

package dev.aftermath.exposure;

import dev.aftermath.io.TableWriter;
import dev.aftermath.liability.ClaimPropensity;
import dev.aftermath.liability.ClaimSensitivity;
import dev.aftermath.liability.ExposureDistribution;
import dev.aftermath.liability.ExposureInput;
import dev.aftermath.liability.ExposureInputs;
import dev.aftermath.liability.ExposureModel;
import dev.aftermath.scenario.LiabilityTerms;
import dev.aftermath.scenario.Scenario;
import dev.aftermath.spark.Progress;
import dev.aftermath.stage.StageContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Liability exposure (METHODS.md "Liability exposure"): per merchant the claimable amount under
 * each liability regime, the exposure left after the payout it accepted, its claim probability and
 * expected exposure ({@code merchant_exposure}, joined into {@code merchant_impact} by the
 * merchant-impact stage); the Monte Carlo distribution of the total per regime ({@code
 * exposure_distribution}, {@code loss_exceedance}); and the merchants that carry most of it ({@code
 * top_exposures}).
 */
public final class LiabilityExposureJob {
  static final int CURVE_POINTS = 101;

  private final SparkSession spark;
  private final Scenario scenario;
  private final TableWriter writer;
  private final Progress progress;

  /** The stage over {@code context}: its session, scenario, scoped tables and progress. */
  public LiabilityExposureJob(StageContext context) {
    this.spark = context.spark();
    this.scenario = context.scenario();
    this.writer = context.writer();
    this.progress = context.progress();
  }

  public Map<String, Long> run() {
    LiabilityTerms terms = scenario.liability();
    List<ExposureInput> merchants =
        progress.stage(
            "exposure: merchant inputs", () -> ExposureInputs.merchants(writer, scenario));
    ClaimPropensity claims = new ClaimPropensity(terms);
    int primary = LiabilityTerms.REGIMES.indexOf(terms.primaryRegime());
    List<Row> columns = new ArrayList<>();
    double[] claim = new double[merchants.size()];
    double[] expected = new double[merchants.size()];
    for (int i = 0; i < merchants.size(); i++) {
      ExposureInput m = merchants.get(i);
      double[] e = m.exposure(terms.contractCapMonths());
      claim[i] = claims.of(m.shortfall(), m.dailyRevenue(), m.signals());
      expected[i] = claim[i] * e[primary];
      columns.add(
          RowFactory.create(
              m.merchantId(), round(e[0]), round(e[1]), round(e[2]), claim[i], round(expected[i])));
    }
    double[][] totals =
        progress.stage("exposure: Monte Carlo", () -> simulate(merchants, claim, terms));
    Map<String, Long> written = new LinkedHashMap<>();
    StructType schema =
        new StructType()
            .add("merchant_id", DataTypes.StringType)
            .add("exposure_contract_cap", DataTypes.DoubleType)
            .add("exposure_foreseeable", DataTypes.DoubleType)
            .add("exposure_full", DataTypes.DoubleType)
            .add("claim_probability", DataTypes.DoubleType)
            .add("expected_exposure", DataTypes.DoubleType);
    written.put(
        "merchant_exposure",
        writer.result(
            "merchant_exposure", spark.createDataFrame(columns, schema).orderBy("merchant_id")));
    Double remaining = remainingFund();
    ExposureTables tables = new ExposureTables(spark, totals, remaining);
    written.put(
        "exposure_distribution", writer.result("exposure_distribution", tables.distribution()));
    written.put(
        "loss_exceedance", writer.result("loss_exceedance", tables.exceedance(CURVE_POINTS)));
    written.put(
        "exposure_sensitivity",
        writer.result(
            "exposure_sensitivity",
            progress.stage("exposure: sensitivity", () -> sensitivity(merchants, terms, primary))));
    written.put(
        "top_exposures",
        writer.result("top_exposures", tables.top(merchants, claim, expected, terms)));
    return written;
  }

  /** Draws of each variant of the claim-weight sensitivity (the first ones of the full run). */
  static final int SENSITIVITY_DRAWS = 2_000;

  /**
   * {@code exposure_sensitivity}: the primary regime's mean and P90 with each claim weight set low
   * and high ({@link ClaimSensitivity}), all variants in one Spark job on the same draws.
   */
  private Dataset<Row> sensitivity(
      List<ExposureInput> merchants, LiabilityTerms terms, int primary) {
    List<ClaimSensitivity.Variant> variants = ClaimSensitivity.of(terms);
    List<LiabilityTerms> sets = new ArrayList<>();
    sets.add(terms);
    for (ClaimSensitivity.Variant v : variants) {
      sets.add(v.lowTerms());
      sets.add(v.highTerms());
    }
    double[] payout = new double[merchants.size()];
    for (int i = 0; i < payout.length; i++) {
      payout[i] = merchants.get(i).payout();
    }
    List<double[]> payouts = new ArrayList<>();
    List<double[]> claims = new ArrayList<>();
    for (LiabilityTerms t : sets) {
      ClaimPropensity model = new ClaimPropensity(t);
      double[] p = new double[merchants.size()];
      for (int i = 0; i < p.length; i++) {
        ExposureInput m = merchants.get(i);
        p[i] = model.of(m.shortfall(), m.dailyRevenue(), m.signals());
      }
      payouts.add(payout);
      claims.add(p);
    }
    int draws = Math.min(terms.draws(), SENSITIVITY_DRAWS);
    List<double[][]> totals =
        new ExposureModel(spark, writer, terms, merchants).totals(payouts, claims, draws, true);
    ExposureDistribution base = ExposureDistribution.of(totals.get(0)[primary]);
    List<Row> rows = new ArrayList<>();
    for (int k = 0; k < variants.size(); k++) {
      ClaimSensitivity.Variant v = variants.get(k);
      ExposureDistribution low = ExposureDistribution.of(totals.get(1 + 2 * k)[primary]);
      ExposureDistribution high = ExposureDistribution.of(totals.get(2 + 2 * k)[primary]);
      rows.add(
          RowFactory.create(
              v.parameter(),
              v.value(),
              v.low(),
              v.high(),
              round(low.mean()),
              round(high.mean()),
              round(low.quantile(0.9)),
              round(high.quantile(0.9)),
              round(base.mean()),
              round(base.quantile(0.9)),
              draws));
    }
    StructType schema =
        new StructType()
            .add("parameter", DataTypes.StringType)
            .add("value", DataTypes.DoubleType)
            .add("value_low", DataTypes.DoubleType)
            .add("value_high", DataTypes.DoubleType)
            .add("mean_low", DataTypes.DoubleType)
            .add("mean_high", DataTypes.DoubleType)
            .add("p90_low", DataTypes.DoubleType)
            .add("p90_high", DataTypes.DoubleType)
            .add("mean_base", DataTypes.DoubleType)
            .add("p90_base", DataTypes.DoubleType)
            .add("draws", DataTypes.IntegerType);
    return spark.createDataFrame(rows, schema).coalesce(1);
  }

  /** Totals per regime of every draw: [regime][draw], on the payouts merchants chose. */
  private double[][] simulate(List<ExposureInput> merchants, double[] claim, LiabilityTerms terms) {
    double[] payout = new double[merchants.size()];
    for (int i = 0; i < payout.length; i++) {
      payout[i] = merchants.get(i).payout();
    }
    return new ExposureModel(spark, writer, terms, merchants).totals(payout, claim, terms.draws());
  }

  /** The fund left after the payouts merchants chose, if the scenario has a fund. */
  private Double remainingFund() {
    if (!writer.exists("fund_allocation")) {
      return null;
    }
    for (Row r : writer.read("fund_allocation").collectAsList()) {
      if ("fund_remaining".equals(r.getString(0)) && !r.isNullAt(1)) {
        return r.getDouble(1);
      }
    }
    return null;
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}

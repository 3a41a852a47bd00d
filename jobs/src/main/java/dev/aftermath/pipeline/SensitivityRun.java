package dev.aftermath.pipeline;

import dev.aftermath.io.OutputLayout;
import dev.aftermath.io.TableWriter;
import dev.aftermath.scenario.DefectionTerms;
import dev.aftermath.scenario.Scenario;
import dev.aftermath.stage.Stage;
import dev.aftermath.stage.StageContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The assumptions' sensitivity in the same run ({@code run --with-sensitivity}): for each setting
 * that moves the totals (the margin rates, the defection grace period, the value horizon), the
 * stages that read it run again with the setting low and with it high, reading the run's tables and
 * writing their own under {@code OUT/sensitivity/PARAMETER-low|high/}. The totals of each variant
 * (the merchants' loss, the chosen payouts, the exposure's mean and P90) become table {@code
 * assumption_sensitivity}, beside the run's own. The claim weights, which move only the exposure,
 * are varied in the exposure stage itself ({@code exposure_sensitivity}).
 */
public final class SensitivityRun {
  /** Where the variants' own tables go, under the run's output. */
  static final String FOLDER = "sensitivity";

  static final StructType SCHEMA =
      new StructType()
          .add("parameter", DataTypes.StringType)
          .add("value", DataTypes.DoubleType)
          .add("value_low", DataTypes.DoubleType)
          .add("value_high", DataTypes.DoubleType)
          .add("loss_low", DataTypes.DoubleType)
          .add("loss_base", DataTypes.DoubleType)
          .add("loss_high", DataTypes.DoubleType)
          .add("payout_low", DataTypes.DoubleType)
          .add("payout_base", DataTypes.DoubleType)
          .add("payout_high", DataTypes.DoubleType)
          .add("exposure_mean_low", DataTypes.DoubleType)
          .add("exposure_mean_base", DataTypes.DoubleType)
          .add("exposure_mean_high", DataTypes.DoubleType)
          .add("exposure_p90_low", DataTypes.DoubleType)
          .add("exposure_p90_base", DataTypes.DoubleType)
          .add("exposure_p90_high", DataTypes.DoubleType)
          .add("stages_rerun", DataTypes.StringType);

  private SensitivityRun() {}

  /**
   * One setting varied: its key, its value in the run and at its low and high setting, the scenario
   * at each, and the stages that read it (in run order).
   */
  public record Variant(
      String parameter,
      double value,
      double low,
      double high,
      Scenario lowScenario,
      Scenario highScenario,
      List<Stage> stages) {}

  /**
   * The settings varied: every margin rate ×0.8 and ×1.2 (value 1: a factor); the grace days halved
   * and doubled; the value horizon halved (at least one month) and doubled.
   */
  public static List<Variant> of(Scenario s) {
    List<Variant> out = new ArrayList<>();
    List<Stage> fromDefection = List.of(Stages.DEFECTION, Stages.SCHEMES, Stages.EXPOSURE);
    out.add(
        new Variant(
            "cash_plan.margin_rates",
            1,
            0.8,
            1.2,
            s.withMarginRatesScaled(0.8),
            s.withMarginRatesScaled(1.2),
            List.of(Stages.LOST_REVENUE, Stages.DEFECTION, Stages.SCHEMES, Stages.EXPOSURE)));
    DefectionTerms d = s.defection();
    int grace = d.graceDays();
    out.add(
        new Variant(
            "defection.grace_days",
            grace,
            grace / 2,
            Math.max(1, 2 * grace),
            s.withDefection(
                new DefectionTerms(
                    d.lookbackDays(), grace / 2, d.valueHorizonMonths(), d.annualDiscountRate())),
            s.withDefection(
                new DefectionTerms(
                    d.lookbackDays(),
                    Math.max(1, 2 * grace),
                    d.valueHorizonMonths(),
                    d.annualDiscountRate())),
            fromDefection));
    int months = d.valueHorizonMonths();
    int shorter = Math.max(1, months / 2);
    out.add(
        new Variant(
            "defection.value_horizon_months",
            months,
            shorter,
            2 * months,
            s.withDefection(
                new DefectionTerms(d.lookbackDays(), grace, shorter, d.annualDiscountRate())),
            s.withDefection(
                new DefectionTerms(d.lookbackDays(), grace, 2 * months, d.annualDiscountRate())),
            fromDefection));
    return out;
  }

  /** Runs {@code variants} and writes {@code assumption_sensitivity} of the run. */
  static Map<String, Long> run(StageContext context, List<Variant> variants) {
    Totals base = Totals.of(context.writer(), context.scenario());
    List<Row> rows = new ArrayList<>();
    for (Variant v : variants) {
      context.progress().note("sensitivity: " + v.parameter() + " = " + fmt(v.low()));
      Totals low = variant(context, v, "low", v.lowScenario());
      context.progress().note("sensitivity: " + v.parameter() + " = " + fmt(v.high()));
      Totals high = variant(context, v, "high", v.highScenario());
      rows.add(
          RowFactory.create(
              v.parameter(),
              v.value(),
              v.low(),
              v.high(),
              low.loss,
              base.loss,
              high.loss,
              low.payout,
              base.payout,
              high.payout,
              low.exposureMean,
              base.exposureMean,
              high.exposureMean,
              low.exposureP90,
              base.exposureP90,
              high.exposureP90,
              String.join(", ", v.stages().stream().map(Stage::name).toList())));
    }
    Map<String, Long> written = new LinkedHashMap<>();
    written.put(
        "assumption_sensitivity",
        context
            .writer()
            .result("assumption_sensitivity", context.spark().createDataFrame(rows, SCHEMA)));
    return written;
  }

  private static Totals variant(StageContext context, Variant v, String side, Scenario scenario) {
    OutputLayout own =
        new OutputLayout(context.out().root() + "/" + FOLDER + "/" + v.parameter() + "-" + side);
    TableWriter writer = new TableWriter(context.spark(), own).readingInputsFrom(context.out());
    StageContext inner =
        new StageContext(
            context.spark(),
            context.layout().withScenario(scenario),
            context.casePath(),
            writer,
            context.progress(),
            context.maxQuarantinedPct(),
            new StageContext.RunRecord());
    for (Stage stage : v.stages()) {
      stage.run(inner.forStage(stage));
    }
    return Totals.of(writer, scenario);
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  /** The totals a variant is judged by, read from its tables. */
  private record Totals(double loss, double payout, double exposureMean, double exposureP90) {
    static Totals of(TableWriter tables, Scenario scenario) {
      Row chosen =
          tables
              .read("scheme_summary")
              .filter("scheme = 'chosen'")
              .select("total_loss_estimate", "total_payout")
              .first();
      Row exposure =
          tables
              .read("exposure_distribution")
              .filter(
                  org.apache
                      .spark
                      .sql
                      .functions
                      .col("regime")
                      .equalTo(scenario.liability().primaryRegime()))
              .select("mean", "p90")
              .first();
      return new Totals(
          chosen.getDouble(0), chosen.getDouble(1), exposure.getDouble(0), exposure.getDouble(1));
    }
  }
}

package dev.aftermath.pipeline;

import dev.aftermath.io.OutputLayout;
import dev.aftermath.io.TableWriter;
import dev.aftermath.scenario.Scenario;
import dev.aftermath.stage.StageContext;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The placebo in the same run ({@code run --with-placebo}): the lost-revenue and defection stages
 * again, on the outage timeline moved to a time when nothing happened, reading the run's ingested
 * tables and writing their own under {@code OUT/placebo/}; their totals, with intervals, become
 * table {@code placebo_totals} of the run, so that a report can cite them. A sound estimator finds
 * no loss there: every interval should contain zero.
 */
final class PlaceboRun {
  /** Where the placebo's own tables go, under the run's output. */
  static final String FOLDER = "placebo";

  /** By default the outage moved this many days earlier (seven weeks: the same weekdays). */
  static final int DEFAULT_DAYS_EARLIER = 49;

  static final StructType SCHEMA =
      new StructType()
          .add("measure", DataTypes.StringType)
          .add("scope", DataTypes.StringType)
          .add("industry", DataTypes.StringType)
          .add("estimate", DataTypes.DoubleType)
          .add("low", DataTypes.DoubleType)
          .add("high", DataTypes.DoubleType)
          .add("contains_zero", DataTypes.BooleanType)
          .add("placebo_at", DataTypes.StringType);

  private PlaceboRun() {}

  /** The default placebo start: the outage start moved {@link #DEFAULT_DAYS_EARLIER} days. */
  static LocalDateTime defaultStart(Scenario scenario) {
    return scenario.outage().start().minusDays(DEFAULT_DAYS_EARLIER);
  }

  static Map<String, Long> run(StageContext context, LocalDateTime at) {
    Scenario placebo = context.scenario().placebo(at);
    OutputLayout own = new OutputLayout(context.out().root() + "/" + FOLDER);
    TableWriter writer = new TableWriter(context.spark(), own).readingInputsFrom(context.out());
    StageContext inner =
        new StageContext(
            context.spark(),
            context.layout().withScenario(placebo),
            context.casePath(),
            writer,
            context.progress(),
            context.maxQuarantinedPct(),
            new StageContext.RunRecord());
    Stages.LOST_REVENUE.run(inner.forStage(Stages.LOST_REVENUE));
    Stages.DEFECTION.run(inner.forStage(Stages.DEFECTION));
    List<Row> rows = new ArrayList<>();
    rows.addAll(
        totals(
            writer.read("impact_totals"),
            "lost_revenue",
            "lost_revenue",
            "lost_revenue_low",
            "lost_revenue_high",
            at));
    rows.addAll(
        totals(
            writer.read("defection_totals"),
            "defected_customers",
            "defected_customers",
            "defected_customers_low",
            "defected_customers_high",
            at));
    Map<String, Long> written = new LinkedHashMap<>();
    written.put(
        "placebo_totals",
        context.writer().result("placebo_totals", context.spark().createDataFrame(rows, SCHEMA)));
    return written;
  }

  private static List<Row> totals(
      Dataset<Row> table,
      String measure,
      String estimate,
      String low,
      String high,
      LocalDateTime at) {
    List<Row> rows = new ArrayList<>();
    for (Row r : table.orderBy("scope", "industry").collectAsList()) {
      double e = r.getDouble(r.fieldIndex(estimate));
      double lo = r.getDouble(r.fieldIndex(low));
      double hi = r.getDouble(r.fieldIndex(high));
      rows.add(
          RowFactory.create(
              measure,
              r.getString(r.fieldIndex("scope")),
              r.getString(r.fieldIndex("industry")),
              e,
              lo,
              hi,
              lo <= 0 && hi >= 0,
              at.toString()));
    }
    rows.sort(
        java.util.Comparator.comparing((Row r) -> !"platform".equals(r.getString(1)))
            .thenComparing(r -> r.getString(2) == null ? "" : r.getString(2)));
    return rows;
  }
}

package dev.aftermath.pipeline;

import dev.aftermath.scenario.Outage;
import dev.aftermath.scenario.Scenario;
import dev.aftermath.scenario.ScenarioAssumptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The scenario as tables for the reports: {@code scenario_assumptions} (every value the scenario
 * sets, with the comment beside it, which says whether it is an assumption or names its source) and
 * {@code incident_timeline} (the outage's phases).
 */
final class ScenarioTables {
  private ScenarioTables() {}

  static Dataset<Row> assumptions(SparkSession spark, String scenarioText) {
    List<Row> rows = new ArrayList<>();
    for (ScenarioAssumptions.Entry e : ScenarioAssumptions.of(scenarioText)) {
      rows.add(RowFactory.create(e.key(), e.value(), e.note(), e.assumption()));
    }
    StructType schema =
        new StructType()
            .add("key", DataTypes.StringType)
            .add("value", DataTypes.StringType)
            .add("note", DataTypes.StringType)
            .add("assumption", DataTypes.BooleanType);
    return spark.createDataFrame(rows, schema).coalesce(1);
  }

  static Dataset<Row> timeline(SparkSession spark, Scenario scenario) {
    List<Row> rows = new ArrayList<>();
    Outage o = scenario.outage();
    rows.add(
        RowFactory.create(
            0, o.start(), o.end(), Duration.between(o.start(), o.end()).toMinutes() / 60.0, ""));
    int i = 1;
    for (Outage.Phase p : o.phases()) {
      rows.add(
          RowFactory.create(
              i++,
              p.from(),
              p.to(),
              Duration.between(p.from(), p.to()).toMinutes() / 60.0,
              p.label()));
    }
    StructType schema =
        new StructType()
            .add("phase", DataTypes.IntegerType)
            .add("from", DataTypes.TimestampNTZType)
            .add("to", DataTypes.TimestampNTZType)
            .add("hours", DataTypes.DoubleType)
            .add("label", DataTypes.StringType);
    return spark.createDataFrame(rows, schema).coalesce(1);
  }
}

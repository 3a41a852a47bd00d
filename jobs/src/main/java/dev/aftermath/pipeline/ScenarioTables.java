package dev.aftermath.pipeline;

import dev.aftermath.scenario.Outage;
import dev.aftermath.scenario.Scenario;
import dev.aftermath.scenario.ScenarioAssumptions;
import dev.aftermath.spark.SmallTable;
import java.time.Duration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The scenario as tables for the reports: {@code scenario_assumptions} (every value the scenario
 * sets, with the comment beside it, which says whether it is an assumption or names its source,
 * then the engine's defaults the run used for what the scenario leaves out) and {@code
 * incident_timeline} (the outage's phases).
 */
final class ScenarioTables {
  private ScenarioTables() {}

  static Dataset<Row> assumptions(SparkSession spark, String scenarioText, Scenario scenario) {
    return SmallTable.<ScenarioAssumptions.Entry>mapping()
        .string("key", ScenarioAssumptions.Entry::key)
        .string("value", ScenarioAssumptions.Entry::value)
        .string("note", ScenarioAssumptions.Entry::note)
        .bool("assumption", ScenarioAssumptions.Entry::assumption)
        .string("origin", ScenarioAssumptions.Entry::origin)
        .string("note_zh", ScenarioAssumptions.Entry::noteZh)
        .table(ScenarioAssumptions.of(scenarioText, scenario))
        .dataset(spark);
  }

  static Dataset<Row> timeline(SparkSession spark, Scenario scenario) {
    SmallTable t =
        SmallTable.columns()
            .integer("phase")
            .timestamp("from")
            .timestamp("to")
            .number("hours")
            .string("label")
            .string("label_zh")
            .table();
    Outage o = scenario.outage();
    t.row(0, o.start(), o.end(), Duration.between(o.start(), o.end()).toMinutes() / 60.0, "", "");
    int i = 1;
    for (Outage.Phase p : o.phases()) {
      t.row(
          i++,
          p.from(),
          p.to(),
          Duration.between(p.from(), p.to()).toMinutes() / 60.0,
          p.label(),
          p.labelZh());
    }
    return t.dataset(spark);
  }
}

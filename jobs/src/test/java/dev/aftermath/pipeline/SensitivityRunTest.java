package dev.aftermath.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aftermath.GeneratedRuns;
import dev.aftermath.SparkTestBase;
import dev.aftermath.generate.DemoCase;
import dev.aftermath.ingest.CaseLayout;
import dev.aftermath.io.OutputLayout;
import dev.aftermath.io.TableWriter;
import dev.aftermath.scenario.Scenario;
import dev.aftermath.scenario.ScenarioLoader;
import dev.aftermath.spark.Progress;
import dev.aftermath.stage.StageContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assumptions' sensitivity ({@code run --with-sensitivity}): which settings it varies, and on
 * the generated run, that a variant's stages really run again with the setting changed (a longer
 * value horizon raises the merchants' loss, a shorter one lowers it) while the base is the run's.
 */
class SensitivityRunTest extends SparkTestBase {
  @TempDir Path tmp;

  @Test
  void theMarginRatesAreScaledAndTheGraceDaysAndHorizonHalvedAndDoubled() throws Exception {
    Scenario s = ScenarioLoader.parse(DemoCase.bundledScenario(), "scenario.yaml");
    List<SensitivityRun.Variant> variants = SensitivityRun.of(s);
    assertThat(variants)
        .extracting(SensitivityRun.Variant::parameter)
        .containsExactly(
            "cash_plan.margin_rates", "defection.grace_days", "defection.value_horizon_months");
    SensitivityRun.Variant margin = variants.get(0);
    s.cash()
        .marginRates()
        .forEach(
            (industry, rate) -> {
              assertThat(margin.lowScenario().cash().marginRates().get(industry))
                  .isCloseTo(0.8 * rate, within(1e-12));
              assertThat(margin.highScenario().cash().marginRates().get(industry))
                  .isCloseTo(1.2 * rate, within(1e-12));
            });
    assertThat(margin.stages()).first().isEqualTo(Stages.LOST_REVENUE);
    SensitivityRun.Variant grace = variants.get(1);
    int g = s.defection().graceDays();
    assertThat(grace.lowScenario().defection().graceDays()).isEqualTo(g / 2);
    assertThat(grace.highScenario().defection().graceDays()).isEqualTo(2 * g);
    assertThat(grace.lowScenario().defection().valueHorizonMonths())
        .isEqualTo(s.defection().valueHorizonMonths());
    SensitivityRun.Variant horizon = variants.get(2);
    int h = s.defection().valueHorizonMonths();
    assertThat(horizon.lowScenario().defection().valueHorizonMonths()).isEqualTo(h / 2);
    assertThat(horizon.highScenario().defection().valueHorizonMonths()).isEqualTo(2 * h);
    assertThat(horizon.stages()).containsExactly(Stages.DEFECTION, Stages.SCHEMES, Stages.EXPOSURE);
  }

  @Test
  void aLongerValueHorizonRaisesTheLossAgainstTheRunsOwnTotals() throws Exception {
    Path runs = GeneratedRuns.dir(spark);
    // a copy of the generated run's tables: the variants write beside them, not into the shared run
    Path out = tmp.resolve("out");
    copy(runs.resolve("out").resolve("tables"), out.resolve("tables"));
    String casePath = runs.resolve("case").toString();
    CaseLayout layout = CaseLayout.inspect(casePath, new Configuration());
    SensitivityRun.Variant horizon = SensitivityRun.of(layout.scenario()).get(2);
    try (Progress quiet =
        new Progress(
            spark, new PrintStream(OutputStream.nullOutputStream()), Duration.ofHours(1))) {
      OutputLayout own = new OutputLayout(out.toString());
      StageContext context =
          new StageContext(
              spark,
              layout,
              casePath,
              new TableWriter(spark, own),
              quiet,
              5,
              new StageContext.RunRecord());
      SensitivityRun.run(context.forStage(Stages.sensitivity()), List.of(horizon));
    }
    Row r = spark.read().parquet(out.resolve("tables/assumption_sensitivity").toString()).first();
    assertThat(r.getString(r.fieldIndex("parameter"))).isEqualTo("defection.value_horizon_months");
    Row chosen =
        spark
            .read()
            .parquet(out.resolve("tables/scheme_summary").toString())
            .filter("scheme = 'chosen'")
            .first();
    double base = chosen.getDouble(chosen.fieldIndex("total_loss_estimate"));
    assertThat(r.getDouble(r.fieldIndex("loss_base"))).isEqualTo(base);
    assertThat(r.getDouble(r.fieldIndex("loss_low"))).isLessThan(base);
    assertThat(r.getDouble(r.fieldIndex("loss_high"))).isGreaterThan(base);
    // the variants' own tables are kept beside the run's
    assertThat(out.resolve("sensitivity/defection.value_horizon_months-high/tables/scheme_summary"))
        .isDirectory();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}

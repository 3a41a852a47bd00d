package dev.aftermath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aftermath.GeneratedRuns;
import dev.aftermath.SparkTestBase;
import dev.aftermath.pipeline.RunManifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code rerun --from schemes} on a copy of the generated run ({@link GeneratedRuns}): with the
 * same scenario every table is the full run's (manifest content hashes); with another custom scheme
 * only the tables from the schemes stage on change; a scenario that changes what an earlier stage
 * read is refused before anything is touched.
 */
class RerunCommandTest extends SparkTestBase {
  @TempDir static Path tmp;
  static Path runs;

  /** The tables a change of scheme may change: the scenario's record and every later stage's. */
  static final Set<String> DOWNSTREAM_OF_SCHEMES =
      Set.of(
          "scenario_assumptions",
          "merchant_payout",
          "scheme_summary",
          "scheme_fairness",
          "fund_allocation",
          "scheme_frontier",
          "merchant_exposure",
          "exposure_distribution",
          "loss_exceedance",
          "top_exposures",
          "merchant_impact",
          "company_impact",
          "event_study",
          "share_path");

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void generate() throws Exception {
    runs = GeneratedRuns.dir(spark);
  }

  private int rerun(String... args) {
    CommandLine cli = AftermathCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 1];
    all[0] = "rerun";
    System.arraycopy(args, 0, all, 1, args.length);
    return cli.execute(all);
  }

  private static Path copyOfTheRun(String name) throws IOException {
    Path from = runs.resolve("out");
    Path to = tmp.resolve(name);
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }

  private static JsonNode json(Path file) throws IOException {
    return new ObjectMapper().readTree(file.toFile());
  }

  /** The tables whose content differs between two manifests. */
  private static Set<String> changed(JsonNode a, JsonNode b) {
    Set<String> changed = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = a.get("tables").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> t = it.next();
      if (!t.getValue().equals(b.get("tables").get(t.getKey()))) {
        changed.add(t.getKey());
      }
    }
    return changed;
  }

  @Test
  void aRerunFromSchemesGivesTheFullRunsTablesAndSaysItWasResumed() throws Exception {
    Path copy = copyOfTheRun("same");
    byte[] before = Files.readAllBytes(copy.resolve("manifest.json"));
    assertThat(rerun("--out", copy.toString(), "--from", "schemes")).as(err.toString()).isZero();
    JsonNode expected = json(runs.resolve("out/manifest.json"));
    JsonNode actual = json(copy.resolve("manifest.json"));
    assertThat(actual.get("tables")).isEqualTo(expected.get("tables"));
    assertThat(actual.get("inputs")).isEqualTo(expected.get("inputs"));
    assertThat(actual.get("resumed_from").get("stage").asText()).isEqualTo("schemes");
    assertThat(actual.get("resumed_from").get("previous_manifest_sha256").asText())
        .isEqualTo(RunManifest.sha256(before));
    JsonNode summary = json(copy.resolve("run-summary.json"));
    assertThat(summary.get("resumed_from").get("stage").asText()).isEqualTo("schemes");
    assertThat(summary.get("rows_read").asLong())
        .isEqualTo(json(runs.resolve("out/run-summary.json")).get("rows_read").asLong());
    assertThat(summary.get("stages").toString())
        .contains("schemes: merchant inputs")
        .doesNotContain("ingest orders")
        .doesNotContain("lost revenue");
    assertThat(out.toString()).contains("resumed from stage schemes");
    assertThat(copy.resolve("reports/index.html")).exists();
  }

  @Test
  void anotherCustomSchemeChangesOnlyTheTablesFromTheSchemesOn() throws Exception {
    Path copy = copyOfTheRun("floor");
    String scenario = Files.readString(runs.resolve("case/scenario.yaml"));
    assertThat(scenario).contains("floor: 300");
    Path changedScenario = tmp.resolve("floor-500.yaml");
    Files.writeString(changedScenario, scenario.replace("floor: 300", "floor: 500"));
    assertThat(
            rerun(
                "--out",
                copy.toString(),
                "--from",
                "schemes",
                "--scenario",
                changedScenario.toString()))
        .as(err.toString())
        .isZero();
    JsonNode expected = json(runs.resolve("out/manifest.json"));
    JsonNode actual = json(copy.resolve("manifest.json"));
    Set<String> changed = changed(expected, actual);
    assertThat(changed).contains("merchant_payout", "scheme_summary");
    assertThat(DOWNSTREAM_OF_SCHEMES).containsAll(changed);
    assertThat(actual.get("resumed_from").get("scenario").asText())
        .isEqualTo(changedScenario.toString());
    // the new floor reached the payouts
    double lowest =
        spark
            .read()
            .parquet(copy.resolve("tables/merchant_payout").toString())
            .agg(org.apache.spark.sql.functions.min("cash_floor_payout"))
            .first()
            .getDouble(0);
    assertThat(lowest).isEqualTo(500.0);
  }

  @Test
  void aScenarioChangingWhatEarlierStagesReadIsRefusedBeforeAnythingIsTouched() throws Exception {
    Path copy = copyOfTheRun("refused");
    byte[] before = Files.readAllBytes(copy.resolve("manifest.json"));
    String scenario = Files.readString(runs.resolve("case/scenario.yaml"));
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(
        bad,
        scenario
            .replace("end: 2020-03-03T09:00:00", "end: 2020-03-04T09:00:00")
            .replace("retail: 0.", "retail: 0.0"));
    assertThat(rerun("--out", copy.toString(), "--from", "schemes", "--scenario", bad.toString()))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("outage.end")
        .contains("schemes.cash.margin_rates.retail")
        .contains("may change only schemes, fund, liability, event_study, share");
    assertThat(Files.readAllBytes(copy.resolve("manifest.json"))).isEqualTo(before);

    assertThat(rerun("--out", copy.toString(), "--from", "nowhere")).isEqualTo(2);
    assertThat(err.toString()).contains("--from: no stage 'nowhere'");
    assertThat(rerun("--out", tmp.resolve("empty").toString(), "--from", "schemes")).isEqualTo(2);
    assertThat(err.toString()).contains("holds no finished run");
  }
}

package dev.aftermath.generate;

import dev.aftermath.scenario.BundledScenario;
import dev.aftermath.scenario.Scenario;
import dev.aftermath.scenario.ScenarioLoader;
import dev.aftermath.spark.Progress;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.spark.sql.SparkSession;

/**
 * The demo case that {@code aftermath run} uses by default: the Weimob scenario at 2,000 merchants,
 * seed 2020, generated into {@code notebooks-data/demo/} on first use.
 */
public final class DemoCase {
  public static final int MERCHANTS = 2000;
  public static final long SEED = 2020;

  private final Path dir;

  public DemoCase(Path dir) {
    this.dir = dir;
  }

  /** The demo under the project's home ({@code -Daftermath.home}, set by the launcher). */
  public static DemoCase standard() {
    Path home = Path.of(System.getProperty("aftermath.home", "."));
    return new DemoCase(home.resolve("notebooks-data").resolve("demo"));
  }

  /** The case folder. */
  public String casePath() {
    return dir.resolve("case").toString();
  }

  /** Whether a complete demo case is there (the generator moves it into place only when done). */
  public boolean exists() {
    return Files.isRegularFile(dir.resolve("case").resolve("scenario.yaml"))
        && Files.isDirectory(dir.resolve("truth"));
  }

  /** Generates the demo case. */
  public GenerateResult generate(SparkSession spark, PrintStream err) {
    err.println(
        "aftermath: generating the demo case (" + MERCHANTS + " merchants) into " + dir + " ...");
    String yaml = bundledScenario();
    Scenario scenario = ScenarioLoader.parse(yaml, "scenario.yaml");
    try (Progress progress = new Progress(spark, err, Duration.ofSeconds(10))) {
      return new DemoCaseGenerator(
              spark, scenario, yaml, MERCHANTS, SEED, CaseFormat.PARQUET, dir.toString(), progress)
          .run();
    }
  }

  /** The text of the bundled Weimob scenario. */
  public static String bundledScenario() {
    return BundledScenario.scenarioText();
  }

  /** The quoted public figures about the Weimob incident (notebooks-data/facts.yaml). */
  public static String bundledFacts() {
    return BundledScenario.factsText();
  }
}

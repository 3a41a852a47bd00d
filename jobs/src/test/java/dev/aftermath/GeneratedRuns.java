package dev.aftermath;

import dev.aftermath.generate.CaseFormat;
import dev.aftermath.generate.DemoCase;
import dev.aftermath.generate.DemoCaseGenerator;
import dev.aftermath.ingest.CaseLayout;
import dev.aftermath.io.OutputLayout;
import dev.aftermath.pipeline.Pipeline;
import dev.aftermath.pipeline.Stages;
import dev.aftermath.scenario.Scenario;
import dev.aftermath.scenario.ScenarioLoader;
import dev.aftermath.spark.Progress;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One small generated case (400 merchants, seed 2020) run through the whole pipeline ({@code out/})
 * with the placebo in the same run ({@code run --with-placebo}): lost revenue and defection with
 * the outage moved to 2020-01-05 19:00 ({@code out/placebo/}, read as run {@code placebo}). Made
 * once per build (or per test JVM) and shared by the stage tests that judge estimates against its
 * truth ({@code truth/}).
 */
public final class GeneratedRuns {
  public static final String PLACEBO_AT = "2020-01-05T19:00:00";

  /** The mark of a folder whose runs are complete. */
  private static final String COMPLETE = "complete";

  private static Path dir;

  private GeneratedRuns() {}

  /** Table {@code name} of run {@code run} ({@code out} or {@code placebo}), once made. */
  public static synchronized Dataset<Row> table(SparkSession spark, String run, String name) {
    if (dir == null) {
      throw new IllegalStateException("call GeneratedRuns.dir first");
    }
    Path root = "placebo".equals(run) ? dir.resolve("out").resolve("placebo") : dir.resolve(run);
    return spark.read().parquet(root.resolve("tables").resolve(name).toString());
  }

  public static synchronized Path dir(SparkSession spark) throws Exception {
    if (dir != null) {
      return dir;
    }
    String shared = System.getProperty("aftermath.generatedRuns", "");
    if (shared.isBlank()) {
      dir = make(spark, Files.createTempDirectory("aftermath-generated"));
      return dir;
    }
    // test JVMs of one build that run at the same time (forks, modules built in parallel) take
    // turns: the first makes the runs, the others wait for it and then find them complete
    Path d = Path.of(shared).toAbsolutePath();
    Files.createDirectories(d.getParent());
    try (FileChannel lock =
            FileChannel.open(
                d.getParent().resolve(".lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock held = lock.lock()) {
      if (!Files.exists(d.resolve(COMPLETE))) {
        clearFor(d);
        make(spark, d);
      }
    }
    dir = d;
    return dir;
  }

  /** Generates the case into {@code d}, runs it, and marks {@code d} complete. */
  private static Path make(SparkSession spark, Path d) throws Exception {
    Scenario scenario = ScenarioLoader.parse(DemoCase.bundledScenario(), "scenario.yaml");
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    try (Progress p = new Progress(spark, quiet, Duration.ofMinutes(5))) {
      new DemoCaseGenerator(
              spark,
              scenario,
              DemoCase.bundledScenario(),
              400,
              2020,
              CaseFormat.PARQUET,
              d.toString(),
              p)
          .run();
    }
    String casePath = d.resolve("case").toString();
    CaseLayout layout = CaseLayout.inspect(casePath, new Configuration());
    // the placebo runs in the same run (run --with-placebo): its tables go to out/placebo/
    List<dev.aftermath.stage.Stage> stages = new java.util.ArrayList<>(Stages.analysis());
    stages.add(Stages.placebo(LocalDateTime.parse(PLACEBO_AT)));
    new Pipeline(spark, layout, new OutputLayout(d.resolve("out").toString()), 5, quiet)
        .run(casePath, stages);
    Files.writeString(d.resolve(COMPLETE), "");
    return d;
  }

  /**
   * Makes way for this build's runs in {@code d}, the folder the build names ({@code
   * aftermath.generatedRuns}, one per build, so the modules' test JVMs of one {@code mvn verify}
   * make them once): a half-made {@code d} goes, and so do earlier builds' runs finished more than
   * two hours ago (a build still making or using its own is left alone).
   */
  private static void clearFor(Path d) throws IOException {
    try (Stream<Path> old = Files.list(d.getParent())) {
      for (Path p : old.toList()) {
        if (Files.isDirectory(p)
            && (p.equals(d) || finishedBefore(p, Instant.now().minus(Duration.ofHours(2))))) {
          deleteRecursively(p);
        }
      }
    }
    Files.createDirectories(d);
  }

  private static boolean finishedBefore(Path runs, Instant time) throws IOException {
    Path mark = runs.resolve(COMPLETE);
    return Files.exists(mark) && Files.getLastModifiedTime(mark).toInstant().isBefore(time);
  }

  private static void deleteRecursively(Path p) throws IOException {
    try (Stream<Path> all = Files.walk(p)) {
      for (Path q : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }
}

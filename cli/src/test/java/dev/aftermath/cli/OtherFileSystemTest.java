package dev.aftermath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aftermath.GeneratedRuns;
import dev.aftermath.SparkTestBase;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The case and the output on another Hadoop file system, configured only through {@code
 * spark.hadoop.*} settings (a {@code viewfs://} mount table, as {@code spark-submit --conf} passes
 * it), in a JVM of its own whose Spark splits the work differently from the reference run (three
 * local cores, 37 shuffle partitions, 1 MiB file splits, adaptive execution off): {@code validate}
 * succeeds and writes the reference run's tables. The whole run on the same mount and settings is
 * {@link InterruptedRunTest}'s rerun, whose tables and reports equal the reference run's.
 */
class OtherFileSystemTest extends SparkTestBase {
  static final String MOUNT = "spark.hadoop.fs.viewfs.mounttable.aftermath.link.";

  @TempDir static Path tmp;
  static Path runs;

  @BeforeAll
  static void generate() throws Exception {
    runs = GeneratedRuns.dir(spark);
  }

  /**
   * JVM arguments that mount {@code caseDir} at viewfs://aftermath/case and {@code outDir} at
   * viewfs://aftermath/out, and make Spark split the work differently from the default.
   */
  static List<String> otherSplitOnViewfs(Path caseDir, Path outDir) {
    return List.of(
        "-D" + MOUNT + "/case=" + caseDir.toAbsolutePath().toUri(),
        "-D" + MOUNT + "/out=" + outDir.toAbsolutePath().toUri(),
        "-Daftermath.master=local[3]",
        "-Dspark.sql.shuffle.partitions=37",
        "-Dspark.sql.files.maxPartitionBytes=1048576",
        "-Dspark.sql.adaptive.enabled=false");
  }

  @Test
  void validateWithCaseAndOutputOnAViewfsMountWritesTheLocalRunsTables() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Path log = tmp.resolve("validate.log");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-") || arg.startsWith("-XX:+IgnoreUnrecognized")) {
        cmd.add(arg);
      }
    }
    cmd.add("-Xmx2g");
    cmd.addAll(otherSplitOnViewfs(runs.resolve("case"), out));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(AftermathCli.class.getName());
    cmd.addAll(
        List.of(
            "validate",
            "--case",
            "viewfs://aftermath/case",
            "--out",
            "viewfs://aftermath/out/validated"));
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("validate ended").isTrue();
    assertThat(p.exitValue()).as(Files.readString(log)).isZero();

    JsonNode expected = InterruptedRunTest.manifest(runs.resolve("out"));
    JsonNode actual = InterruptedRunTest.manifest(out.resolve("validated"));
    List<String> written = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = actual.get("tables").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> table = it.next();
      written.add(table.getKey());
      assertThat(table.getValue())
          .as(table.getKey())
          .isEqualTo(expected.get("tables").get(table.getKey()));
    }
    assertThat(written).contains("orders", "quarantine", "duplicates", "merchants");
    assertThat(actual.get("inputs")).isEqualTo(expected.get("inputs"));
    // the generator's seed is read from the truth beside a case on another file system too
    assertThat(actual.get("seeds").get("case_generator").asLong()).isEqualTo(2020);
  }
}

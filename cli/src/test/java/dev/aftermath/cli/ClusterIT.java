package dev.aftermath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aftermath.GeneratedRuns;
import dev.aftermath.SparkTestBase;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster jar on a real Spark standalone cluster (a master and two one-core workers on
 * 127.0.0.1, {@link StandaloneCluster}), submitted through {@code SparkSubmit} from a folder that
 * holds nothing but that jar: the run ends with exit 0, every table's content hash equals the local
 * run's on the same case ({@link GeneratedRuns}), the reports are rendered on the driver, and the
 * executors on the workers did the tasks. Runs after {@code package} (it needs the cluster jar), in
 * {@code mvn verify}.
 */
class ClusterIT extends SparkTestBase {
  @TempDir static Path tmp;

  @Test
  void theClusterJarAloneOnAStandaloneClusterGivesTheLocalTables() throws Exception {
    Path runs = GeneratedRuns.dir(spark);
    Path target = Path.of(System.getProperty("aftermath.target", "target"));
    Path clusterJar;
    try (Stream<Path> jars = Files.list(target)) {
      clusterJar =
          jars.filter(p -> p.getFileName().toString().endsWith("-cluster.jar"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no cluster jar in " + target));
    }
    // the jar alone: nothing beside it that a Class-Path could reach
    Path submitDir = Files.createDirectories(tmp.resolve("submit"));
    Path alone = Files.copy(clusterJar, submitDir.resolve("aftermath-cluster.jar"));

    List<String> flags = new ArrayList<>();
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-") || arg.startsWith("-XX:+IgnoreUnrecognized")) {
        flags.add(arg);
      }
    }
    flags.add("-Dio.netty.tryReflectionSetAccessible=true");
    Path home = StandaloneCluster.sparkHome(tmp.resolve("spark"), target.resolve("lib"), flags);
    Path out = tmp.resolve("out");
    Path log = tmp.resolve("submit.log");
    try (StandaloneCluster cluster = StandaloneCluster.start(home, tmp.resolve("cluster"), 2)) {
      List<String> jvm = new ArrayList<>(flags);
      jvm.add("-Xmx2g");
      Process submit =
          cluster
              .java(
                  jvm,
                  "org.apache.spark.deploy.SparkSubmit",
                  List.of(
                      "--master",
                      cluster.url(),
                      "--deploy-mode",
                      "client",
                      "--conf",
                      "spark.executor.memory=1g",
                      "--conf",
                      "spark.executor.cores=1",
                      "--conf",
                      "spark.driver.host=127.0.0.1",
                      // more shuffle partitions than the local run's 8, fewer than Spark's 200
                      // (whose hundreds of tiny tasks would make this test slow): another split
                      "--conf",
                      "spark.sql.shuffle.partitions=16",
                      // two cores for master, workers, executors and a driver fitting the customer
                      // models: heartbeats may wait longer than Spark's default 120 s allows
                      "--conf",
                      "spark.network.timeout=600s",
                      "--class",
                      "dev.aftermath.cli.AftermathCli",
                      alone.toString(),
                      "run",
                      "--case",
                      runs.resolve("case").toString(),
                      "--out",
                      out.toString()))
              .directory(submitDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      try {
        assertThat(submit.waitFor(15, TimeUnit.MINUTES)).as("the submission ended").isTrue();
      } finally {
        submit.descendants().forEach(ProcessHandle::destroyForcibly);
        submit.destroyForcibly();
      }
      String text = Files.readString(log);
      assertThat(submit.exitValue()).as(text).isZero();

      // the executors on the workers ran the tasks
      String executors = cluster.executorLogs();
      assertThat(executors)
          .as("executor logs under " + cluster.workDirs())
          .contains("Finished task");
      assertThat(cluster.masterJson()).contains("aftermath run");
    }

    JsonNode expected = InterruptedRunTest.manifest(runs.resolve("out"));
    JsonNode actual = InterruptedRunTest.manifest(out);
    // the reference run carries the placebo in the same run (run --with-placebo); this one not
    ObjectNode expectedTables = expected.get("tables").deepCopy();
    expectedTables.remove("placebo_totals");
    assertThat(actual.get("tables")).isEqualTo(expectedTables);
    assertThat(actual.get("inputs")).isEqualTo(expected.get("inputs"));
    // the reports, rendered on the driver from the cluster jar's own libraries
    assertThat(out.resolve("reports/index.html")).isRegularFile();
    try (Stream<Path> files = Files.walk(out.resolve("reports"))) {
      assertThat(files.map(Path::toString).filter(p -> p.endsWith(".pdf")).count())
          .isGreaterThanOrEqualTo(6);
    }
  }
}

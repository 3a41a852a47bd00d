package dev.aftermath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aftermath.GeneratedRuns;
import dev.aftermath.SparkTestBase;
import dev.aftermath.ingest.CaseLayout;
import dev.aftermath.io.OutputLayout;
import dev.aftermath.pipeline.Pipeline;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.hdfs.MiniDFSCluster;
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

  /** The HDFS client's first wait before asking whether a file's last block is in place. */
  static final String FIRST_POLL = "dfs.client.block.write.locateFollowingBlock.initial.delay.ms";

  static final String FIRST_POLL_MS = "20";

  @Test
  void theClusterJarAloneOnAStandaloneClusterGivesTheLocalTables() throws Exception {
    Path runs = GeneratedRuns.dir(spark);
    Path target = Path.of(System.getProperty("aftermath.target", "target"));
    Path clusterJar = clusterJar(target);
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
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("hdfs").toString());
    conf.set(FIRST_POLL, FIRST_POLL_MS);
    MiniDFSCluster dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    Path log = tmp.resolve("submit.log");
    try (StandaloneCluster cluster = StandaloneCluster.start(home, tmp.resolve("cluster"), 2)) {
      dfs.waitActive();
      FileSystem hdfs = dfs.getFileSystem();
      String root = hdfs.getUri().toString();
      for (String folder : new String[] {"case", "truth"}) {
        hdfs.copyFromLocalFile(
            false,
            true,
            new org.apache.hadoop.fs.Path(runs.resolve(folder).toUri()),
            new org.apache.hadoop.fs.Path(root + "/cases/demo/" + folder));
      }
      String casePath = root + "/cases/demo/case";
      String out = root + "/out/run";
      JsonNode expected = InterruptedRunTest.manifest(runs.resolve("out"));

      // validate, in this JVM's local Spark, with case and output on HDFS
      spark.sparkContext().hadoopConfiguration().set(FIRST_POLL, FIRST_POLL_MS);
      new Pipeline(
              spark,
              CaseLayout.inspect(casePath, spark.sparkContext().hadoopConfiguration()),
              new OutputLayout(root + "/out/validated"),
              5,
              new PrintStream(OutputStream.nullOutputStream()))
          .validate(casePath);
      JsonNode validated = manifest(hdfs, root + "/out/validated/manifest.json");
      for (Iterator<Map.Entry<String, JsonNode>> it = validated.get("tables").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> table = it.next();
        assertThat(table.getValue())
            .as("validate: " + table.getKey())
            .isEqualTo(expected.get("tables").get(table.getKey()));
      }
      assertThat(validated.get("tables").has("orders")).isTrue();

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
                      // the HDFS client polls the name node until a written file's last block is
                      // reported, first after 400 ms: with one local data node that reports at
                      // once, a shorter first wait (the retries still double) saves that wait on
                      // each of the run's hundreds of files
                      "--conf",
                      "spark.hadoop." + FIRST_POLL + "=" + FIRST_POLL_MS,
                      "--class",
                      "dev.aftermath.cli.AftermathCli",
                      alone.toString(),
                      "run",
                      "--case",
                      casePath,
                      "--out",
                      out))
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

      JsonNode actual = manifest(hdfs, out + "/manifest.json");
      // the reference run carries the placebo in the same run (run --with-placebo); this one not
      ObjectNode expectedTables = expected.get("tables").deepCopy();
      expectedTables.remove("placebo_totals");
      assertThat(actual.get("tables")).isEqualTo(expectedTables);
      assertThat(actual.get("inputs")).isEqualTo(expected.get("inputs"));
      assertThat(actual.get("seeds").get("case_generator").asLong()).isEqualTo(2020);
      // the reports, rendered on the driver from the cluster jar's own libraries and copied to
      // HDFS,
      // with the case's input lineage read there
      int pdfs = 0;
      RemoteIterator<LocatedFileStatus> files =
          hdfs.listFiles(new org.apache.hadoop.fs.Path(out + "/reports"), false);
      while (files.hasNext()) {
        pdfs += files.next().getPath().getName().endsWith(".pdf") ? 1 : 0;
      }
      assertThat(pdfs).isGreaterThanOrEqualTo(6);
      assertThat(text(hdfs, out + "/reports/index.html")).contains("legal");
      assertThat(text(hdfs, out + "/reports/legal.en-GB.html"))
          .contains(expected.get("inputs").get(0).get("sha256").asText());
    } finally {
      dfs.shutdown();
    }
  }

  /** The cluster jar the build packaged into {@code target}. */
  static Path clusterJar(Path target) throws java.io.IOException {
    try (Stream<Path> jars = Files.list(target)) {
      return jars.filter(p -> p.getFileName().toString().endsWith("-cluster.jar"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no cluster jar in " + target));
    }
  }

  private static JsonNode manifest(FileSystem fs, String path) throws Exception {
    try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(path))) {
      return new ObjectMapper().readTree(in);
    }
  }

  private static String text(FileSystem fs, String path) throws Exception {
    try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(path))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

package dev.aftermath.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on 127.0.0.1 for tests: a master and one-core workers, each a JVM of
 * its own, run from a minimal Spark home whose {@code jars/} are the Spark jars Maven resolved (the
 * standalone jar's {@code lib/} without aftermath's own modules and the libraries the cluster jar
 * carries). Closing it stops exactly the processes it started.
 */
final class StandaloneCluster implements AutoCloseable {
  /** File-name prefixes of the jars that are not Spark's: the cluster jar brings them. */
  static final List<String> NOT_SPARK =
      List.of(
          "aftermath-",
          "batik-",
          "classgraph-",
          "commons-csv-",
          "commons-rng-",
          "duckdb_jdbc-",
          "fastutil-",
          "fontbox-",
          "freemarker-",
          "graphics2d-",
          "hipparchus-",
          "jfreechart-",
          "openhtmltopdf-",
          "org.jfree.",
          "pdfbox-",
          "picocli-",
          "snakeyaml-engine-",
          "tablesaw-",
          "xml-apis",
          "xmlgraphics-");

  private static final Pattern WORKER_STATE = Pattern.compile("\"state\"\\s*:\\s*\"ALIVE\"");

  private final Path home;
  private final Path logs;
  private final List<Process> started = new ArrayList<>();
  private final List<Path> workDirs = new ArrayList<>();
  private int masterPort;
  private int uiPort;

  private StandaloneCluster(Path home, Path logs) {
    this.home = home;
    this.logs = logs;
  }

  /** A Spark home under {@code dir}: {@code jars/} linked from {@code lib}, the JVM flags. */
  static Path sparkHome(Path dir, Path lib, List<String> javaFlags) throws IOException {
    Path jars = Files.createDirectories(dir.resolve("jars"));
    try (Stream<Path> all = Files.list(lib)) {
      for (Path jar : all.sorted().toList()) {
        String name = jar.getFileName().toString();
        if (name.endsWith(".jar") && NOT_SPARK.stream().noneMatch(name::startsWith)) {
          Files.createSymbolicLink(jars.resolve(name), jar.toAbsolutePath());
        }
      }
    }
    // a RELEASE file marks a distribution: Spark's launcher then takes its class path from jars/
    Files.writeString(dir.resolve("RELEASE"), "Spark (test distribution)\n");
    Path conf = Files.createDirectories(dir.resolve("conf"));
    String flags = String.join(" ", javaFlags);
    Files.writeString(
        conf.resolve("spark-defaults.conf"),
        "spark.driver.extraJavaOptions "
            + flags
            + "\nspark.executor.extraJavaOptions "
            + flags
            + "\n");
    return dir;
  }

  /** Starts a master and {@code workers} one-core workers; returns once all are registered. */
  static StandaloneCluster start(Path home, Path logs, int workers) throws Exception {
    StandaloneCluster c = new StandaloneCluster(home, Files.createDirectories(logs));
    try {
      c.masterPort = freePort();
      c.uiPort = freePort();
      c.launch(
          "master",
          "org.apache.spark.deploy.master.Master",
          "--host",
          "127.0.0.1",
          "--port",
          String.valueOf(c.masterPort),
          "--webui-port",
          String.valueOf(c.uiPort));
      c.await(
          json -> json.contains("\"status\" : \"ALIVE\"") || json.contains("\"status\":\"ALIVE\""));
      for (int i = 0; i < workers; i++) {
        Path work = Files.createDirectories(logs.resolve("worker-" + i));
        c.workDirs.add(work);
        c.launch(
            "worker-" + i,
            "org.apache.spark.deploy.worker.Worker",
            "--host",
            "127.0.0.1",
            "--cores",
            "1",
            "--memory",
            "1536m",
            "--webui-port",
            String.valueOf(freePort()),
            "--work-dir",
            work.toString(),
            c.url());
      }
      c.await(json -> count(WORKER_STATE.matcher(json)) >= workers);
      return c;
    } catch (Exception | AssertionError e) {
      c.close();
      throw e;
    }
  }

  /** The master's URL. */
  String url() {
    return "spark://127.0.0.1:" + masterPort;
  }

  /** The master's state as JSON (its web UI's {@code /json/}). */
  String masterJson() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + uiPort + "/json/"))
            .timeout(Duration.ofSeconds(5))
            .build();
    return http.send(req, HttpResponse.BodyHandlers.ofString()).body();
  }

  /** The workers' folders, where each executor writes its {@code app-*}/N/stderr. */
  List<Path> workDirs() {
    return workDirs;
  }

  /** A Java command on the Spark home's class path, with the environment the cluster uses. */
  ProcessBuilder java(List<String> jvmArgs, String mainClass, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmArgs);
    cmd.add("-cp");
    cmd.add(home.resolve("conf") + "/:" + home.resolve("jars") + "/*");
    cmd.add(mainClass);
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    Map<String, String> env = pb.environment();
    env.put("SPARK_HOME", home.toString());
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    // what a distribution's load-spark-env.sh sets: the workers' executor launcher needs it
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.remove("SPARK_CONF_DIR");
    return pb;
  }

  private void launch(String name, String mainClass, String... args) throws IOException {
    ProcessBuilder pb = java(List.of("-Xmx512m"), mainClass, List.of(args));
    pb.redirectErrorStream(true).redirectOutput(logs.resolve(name + ".log").toFile());
    started.add(pb.start());
  }

  private void await(java.util.function.Predicate<String> ready) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    String last = "";
    while (System.nanoTime() < deadline) {
      for (Process p : started) {
        if (!p.isAlive()) {
          throw new AssertionError("a cluster process ended early; logs in " + logs);
        }
      }
      try {
        last = masterJson();
        if (ready.test(last)) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the cluster did not come up in 90 s; master said " + last);
  }

  private static int count(Matcher m) {
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** The text of every executor's stderr under the workers' folders. */
  String executorLogs() throws IOException {
    StringBuilder out = new StringBuilder();
    for (Path w : workDirs) {
      try (Stream<Path> files = Files.walk(w)) {
        for (Path f : files.filter(p -> p.getFileName().toString().equals("stderr")).toList()) {
          try (InputStream in = Files.newInputStream(f)) {
            out.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
    }
    return out.toString();
  }

  @Override
  public void close() {
    // workers first (they stop their executors), then the master
    for (int i = started.size() - 1; i >= 0; i--) {
      Process p = started.get(i);
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
      try {
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
    }
  }
}

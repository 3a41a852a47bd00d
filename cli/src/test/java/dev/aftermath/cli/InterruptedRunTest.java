package dev.aftermath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aftermath.GeneratedRuns;
import dev.aftermath.SparkTestBase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs killed with SIGKILL (the process gets no chance to clean up) at a few points, then run again
 * into the same folder: no killed run looks complete (no manifest, no run summary, no table half in
 * place), and the re-run's tables are identical, by content hash, to those of an uninterrupted run
 * made in another JVM — which also shows that results do not depend on the JVM they were computed
 * in. The rerun reads the case and writes the output through a {@code viewfs://} mount given only
 * as {@code spark.hadoop.*} settings, with Spark splitting the work differently: the tables and the
 * reports (rendered in a local staging folder and copied through the mount) are still the same. The
 * rerun's log lines are kept for the privacy scan. With {@code -Daftermath.longTests=true} the
 * kills come at ten seeded random moments instead of two fixed stages.
 */
class InterruptedRunTest extends SparkTestBase {
  /** The generated-at stamp as a PDF's text shows it, in either language. */
  private static final Pattern STAGE = Pattern.compile("(?m)^\\[([^\\]]+)\\]");

  private static final Pattern GENERATED_AT =
      Pattern.compile(
          "(Generated:|生成时间[:：])\\s*\\d{4}-\\d{2}-\\d{2}\\s+\\d{2}:\\d{2}:\\d{2}\\s*[+-]\\d{2}:\\d{2}");

  @TempDir static Path tmp;
  static Path runs;
  static String casePath;

  @BeforeAll
  static void generate() throws Exception {
    runs = GeneratedRuns.dir(spark);
    RenderedReports.of(runs.resolve("out"));
    casePath = runs.resolve("case").toString();
  }

  static final String MOUNT = "spark.hadoop.fs.viewfs.mounttable.aftermath.link.";

  /**
   * JVM arguments that mount {@code caseDir} at viewfs://aftermath/case, the generator's truth
   * beside it at viewfs://aftermath/truth and {@code outDir} at viewfs://aftermath/out, given only
   * as spark.hadoop.* settings (what spark-submit --conf passes), and make Spark split the work
   * differently from the default: three local cores and 37 shuffle partitions. (Two one-core
   * executors with 16 partitions, on another file system, are {@code ClusterIT}'s split.)
   */
  static List<String> otherSplitOnViewfs(Path caseDir, Path outDir) {
    Path truth = caseDir.toAbsolutePath().getParent().resolve("truth");
    return List.of(
        "-D" + MOUNT + "/case=" + caseDir.toAbsolutePath().toUri(),
        "-D" + MOUNT + "/truth=" + truth.toUri(),
        "-D" + MOUNT + "/out=" + outDir.toAbsolutePath().toUri(),
        "-Daftermath.master=local[3]",
        "-Dspark.sql.shuffle.partitions=37");
  }

  /** The aftermath CLI in a JVM of its own, with this JVM's class path and module flags. */
  static Process start(Path out, Path log) throws IOException {
    return start(out.toString(), log, List.of(), casePath);
  }

  /** The same with extra JVM arguments, the case at {@code casePath}, the output at {@code out}. */
  static Process start(String out, Path log, List<String> jvmArgs, String casePath)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-") || arg.startsWith("-XX:+IgnoreUnrecognized")) {
        cmd.add(arg);
      }
    }
    cmd.add("-Xmx2g");
    cmd.addAll(jvmArgs);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(AftermathCli.class.getName());
    cmd.addAll(List.of("run", "--case", casePath, "--out", out));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /**
   * Starts a run and kills it {@code extraMillis} after its log holds {@code marker}; returns the
   * stage it was in (the last {@code [stage]} its log named), or null if it ended first.
   */
  static String killWhen(Path out, String marker, long extraMillis) throws Exception {
    Path log = Files.createTempFile(tmp, "killed", ".log");
    Process p = start(out, log);
    CountDownLatch seen = new CountDownLatch(1);
    Thread watcher =
        new Thread(
            () -> {
              while (p.isAlive()) {
                try {
                  if (Files.readString(log).contains(marker)) {
                    seen.countDown();
                    return;
                  }
                  Thread.sleep(50);
                } catch (IOException | InterruptedException e) {
                  return;
                }
              }
            });
    watcher.start();
    boolean marked = seen.await(10, TimeUnit.MINUTES);
    Thread.sleep(extraMillis);
    boolean alive = p.isAlive();
    p.destroyForcibly(); // SIGKILL on Linux
    p.waitFor();
    return marked && alive ? lastStage(Files.readString(log)) : null;
  }

  private static String lastStage(String log) {
    Matcher stage = STAGE.matcher(log);
    String last = "(before the first stage)";
    while (stage.find()) {
      last = stage.group(1);
    }
    return last;
  }

  static JsonNode manifest(Path out) throws IOException {
    return new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
  }

  /** What a consumer sees of a killed run: never a complete-looking result. */
  static void assertLooksIncomplete(Path out) throws IOException {
    assertThat(out.resolve("manifest.json")).doesNotExist();
    assertThat(out.resolve("run-summary.json")).doesNotExist();
    Path tables = out.resolve("tables");
    if (Files.isDirectory(tables)) {
      try (Stream<Path> all = Files.walk(tables)) {
        assertThat(all.map(Path::toString))
            .as("no half-written table under its final name")
            .noneMatch(p -> p.contains("_temporary"));
      }
    }
  }

  @Test
  void aRunKilledAtAnyStageThenRunAgainGivesTheUninterruptedTables() throws Exception {
    Path out = tmp.resolve("killed-out");
    List<String[]> kills = new ArrayList<>();
    if (Boolean.getBoolean("aftermath.longTests")) {
      Random random = new Random(2020);
      // moments spread over a whole run (60–90 s after ingestion starts, in this JVM)
      for (int i = 0; i < 10; i++) {
        kills.add(new String[] {"[ingest merchants]", String.valueOf(random.nextInt(80_000))});
      }
    } else {
      kills.add(new String[] {"[ingest orders]", "0"});
      kills.add(new String[] {"[merchant_hour]", "0"});
    }
    List<String> killedIn = new ArrayList<>();
    for (String[] k : kills) {
      String stage = killWhen(out, k[0], Long.parseLong(k[1]));
      if (stage != null) {
        assertLooksIncomplete(out);
        killedIn.add(stage);
      }
    }
    System.out.println(
        "killed " + killedIn.size() + " of " + kills.size() + " runs in: " + killedIn);
    assertThat(killedIn).isNotEmpty();
    Path log = tmp.resolve("rerun.log");
    // the rerun reads the case from and writes into the same folder through another file system,
    // a viewfs:// mount given only as spark.hadoop.* settings, with Spark splitting the work
    // differently from the reference run: the reports are rendered in a local staging folder and
    // copied there
    Process rerun =
        start(
            "viewfs://aftermath/out",
            log,
            otherSplitOnViewfs(Path.of(casePath), out),
            "viewfs://aftermath/case");
    assertThat(rerun.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(rerun.exitValue()).as(Files.readString(log)).isZero();
    // the terminal shows the run's progress and results; what the libraries logged (PDFBox's font
    // fallbacks while the PDFs render, openhtmltopdf's lines) is in the run's library log
    assertThat(Files.readString(log))
        .doesNotContain(" WARN ")
        .doesNotContain(" INFO ")
        .doesNotContain("com.openhtmltopdf")
        .contains("library log: viewfs://aftermath/out/logs/library.log");
    assertThat(Files.readString(out.resolve("logs").resolve("library.log"))).contains("WARN");

    JsonNode expected = manifest(runs.resolve("out"));
    JsonNode actual = manifest(out);
    // the reference run carries the placebo in the same run (run --with-placebo); this one not
    com.fasterxml.jackson.databind.node.ObjectNode expectedTables =
        expected.get("tables").deepCopy();
    expectedTables.remove("placebo_totals");
    assertThat(actual.get("tables")).isEqualTo(expectedTables);
    assertThat(actual.get("inputs")).isEqualTo(expected.get("inputs"));
    assertThat(actual.get("scenario_sha256")).isEqualTo(expected.get("scenario_sha256"));
    assertThat(actual.get("seeds").get("case_generator").asLong()).isEqualTo(2020);
    assertThat(out.resolve(".staging")).doesNotExist();

    // the reports (and statements, when the run writes them): the same but for the line that says
    // when they were
    // generated (HTML source; the PDFs' text, page by page)
    // the generated run also ran the placebo (run --with-placebo), which the trust section of
    // every report shows; the killed runs did not: compare with the reports of its tables without
    // the placebo's
    Path expectedReports = withoutPlacebo(runs).resolve("out/reports");
    List<Path> reports;
    try (Stream<Path> files = Files.walk(expectedReports)) {
      reports =
          files
              .filter(p -> p.toString().endsWith(".html") || p.toString().endsWith(".pdf"))
              .sorted()
              .toList();
    }
    assertThat(reports).anyMatch(p -> p.toString().endsWith(".pdf"));
    for (Path a : reports) {
      Path b = out.resolve("reports").resolve(expectedReports.relativize(a));
      assertThat(withoutGeneratedAt(b))
          .as(expectedReports.relativize(a).toString())
          .isEqualTo(withoutGeneratedAt(a));
    }
    // the rerun's own log: the privacy scan reads it with the outputs
    PrivacyScan.assertNoCustomerIdentifiers(spark, casePath, List.of(log));
  }

  /**
   * A copy of the generated run's output without the placebo's table and tables, its reports
   * rendered again from it with the same case.
   */
  private static Path withoutPlacebo(Path runs) throws Exception {
    Path root = tmp.resolve("expected-without-placebo");
    Path out = root.resolve("out");
    Path from = runs.resolve("out");
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path rel = from.relativize(p);
        String first = rel.getNameCount() > 0 ? rel.getName(0).toString() : "";
        if (first.equals("reports")
            || first.equals("placebo")
            || rel.startsWith(Path.of("tables", "placebo_totals"))
            || rel.toString().equals("tables/placebo_totals.csv")) {
          continue;
        }
        Path target = out.resolve(rel.toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    RenderedReports.render(out, runs.resolve("case"));
    return root;
  }

  /** HTML: its lines but the meta one; PDF: each page's text with the generation time blanked. */
  private static List<String> withoutGeneratedAt(Path file) throws IOException {
    if (file.toString().endsWith(".pdf")) {
      List<String> pages = new ArrayList<>();
      try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
        PDFTextStripper text = new PDFTextStripper();
        for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
          text.setStartPage(page);
          text.setEndPage(page);
          pages.add(GENERATED_AT.matcher(text.getText(pdf)).replaceAll("$1 <time>"));
        }
      }
      return pages;
    }
    List<String> lines = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.contains("<div class=\"meta\">")) {
          lines.add(line);
        }
      }
    }
    return lines;
  }
}

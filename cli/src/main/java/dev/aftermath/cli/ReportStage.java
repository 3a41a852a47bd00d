package dev.aftermath.cli;

import dev.aftermath.pipeline.Pipeline;
import dev.aftermath.reports.Reports;
import dev.aftermath.reports.RunInfo;
import dev.aftermath.scenario.Scenario;
import dev.aftermath.stage.Stage;
import dev.aftermath.stage.StageContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * The last stage of {@code run}: renders the reports from the run's tables into {@code
 * OUT/reports/}. It lives here, where the jobs and the reports meet, so that neither module depends
 * on the other. The reports read the tables from local disk: with {@code OUT} on another file
 * system (HDFS, S3) the stage says so and renders nothing; {@code aftermath report} renders them
 * from a local copy.
 */
final class ReportStage implements Stage {
  @Override
  public String name() {
    return "reports";
  }

  @Override
  public List<String> reads() {
    return Reports.TABLES_READ;
  }

  @Override
  public List<String> readsIfPresent() {
    return Reports.TABLES_READ_IF_PRESENT;
  }

  @Override
  public List<String> writes() {
    return List.of();
  }

  @Override
  public Map<String, Long> run(StageContext c) {
    String root = c.out().root();
    if (!onLocalDisk(root, c.spark().sparkContext().hadoopConfiguration())) {
      c.progress()
          .note(
              "reports not rendered: "
                  + root
                  + " is not on this machine's disk, and the reports read the tables from local"
                  + " disk. Copy the run's folder to a local disk and run `aftermath report --out"
                  + " DIR` there.");
      return Map.of();
    }
    String index =
        c.progress()
            .stage("reports", () -> render(Path.of(c.out().root()), c.scenario(), c.casePath()));
    c.reportIndex(index);
    return Map.of();
  }

  /**
   * Whether {@code root} is on the local file system: a {@code file:} path, or a path without a
   * scheme when the default file system is local.
   */
  static boolean onLocalDisk(String root, Configuration conf) {
    String scheme = new org.apache.hadoop.fs.Path(root).toUri().getScheme();
    if (scheme == null) {
      scheme = FileSystem.getDefaultUri(conf).getScheme();
    }
    return scheme == null || scheme.equals("file");
  }

  /** Renders the reports of the run in {@code out} on {@code casePath}; returns the index. */
  static String render(Path out, Scenario scenario, String casePath) {
    return new Reports()
        .renderAll(
            out,
            new RunInfo(
                scenario.name(),
                casePath,
                scenario.currency(),
                Pipeline.generatedAt(scenario.timezone()),
                Pipeline.engineVersion()))
        .toString();
  }
}

package dev.aftermath.cli;

import dev.aftermath.pipeline.Pipeline;
import dev.aftermath.reports.CaseFiles;
import dev.aftermath.reports.Reports;
import dev.aftermath.reports.RunInfo;
import dev.aftermath.scenario.Scenario;
import dev.aftermath.stage.Stage;
import dev.aftermath.stage.StageContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;

/**
 * The last stage of {@code run}: renders the reports from the run's tables into {@code
 * OUT/reports/}. It lives here, where the jobs and the reports meet, so that neither module depends
 * on the other. The reports read tables from local disk: with {@code OUT} on another file system
 * (HDFS, S3, a mount) the tables they read are copied to a local staging folder and the rendered
 * reports copied back; a case on another file system is read through Hadoop's FileSystem.
 */
final class ReportStage implements Stage {
  private final boolean placebo;
  private final boolean sensitivity;

  /** The report stage of a run without a placebo or sensitivity stage before it. */
  ReportStage() {
    this(false, false);
  }

  /**
   * The report stage; {@code placebo}, {@code sensitivity}: whether the run has a placebo stage, a
   * sensitivity stage, whose tables the reports then read (a table an earlier run left is not).
   */
  ReportStage(boolean placebo, boolean sensitivity) {
    this.placebo = placebo;
    this.sensitivity = sensitivity;
  }

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
    return Reports.TABLES_READ_IF_PRESENT.stream()
        .filter(t -> placebo || !Reports.PLACEBO_TABLE.equals(t))
        .filter(t -> sensitivity || !Reports.SENSITIVITY_TABLE.equals(t))
        .toList();
  }

  @Override
  public List<String> writes() {
    return List.of();
  }

  @Override
  public Map<String, Long> run(StageContext c) {
    String root = c.out().root();
    Configuration conf = c.spark().sparkContext().hadoopConfiguration();
    CaseFiles caseFiles =
        onLocalDisk(c.casePath(), conf)
            ? CaseFiles.local(localPath(c.casePath()))
            : new HadoopCaseFiles(c.casePath(), conf);
    String index =
        c.progress()
            .stage(
                "reports",
                () ->
                    onLocalDisk(root, conf)
                        ? render(Path.of(localPath(root)), c.scenario(), c.casePath(), caseFiles)
                        : renderElsewhere(c, conf, caseFiles));
    c.reportIndex(index);
    return Map.of();
  }

  /**
   * Reports for an output on another file system: the tables they read are copied to a local
   * staging folder, the reports rendered there and copied to {@code OUT/reports} through Hadoop's
   * FileSystem; returns the index's path there.
   */
  private static String renderElsewhere(StageContext c, Configuration conf, CaseFiles caseFiles) {
    org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(c.out().root());
    Path staging = null;
    try {
      staging = Files.createTempDirectory("aftermath-reports-");
      FileSystem fs = root.getFileSystem(conf);
      FileSystem local = FileSystem.getLocal(conf);
      org.apache.hadoop.fs.Path tables = new org.apache.hadoop.fs.Path(staging.toUri());
      tables = new org.apache.hadoop.fs.Path(tables, "tables");
      List<String> read = new ArrayList<>(Reports.TABLES_READ);
      read.addAll(Reports.TABLES_READ_IF_PRESENT);
      read.add("reconciliation.json");
      for (String name : read) {
        org.apache.hadoop.fs.Path src = new org.apache.hadoop.fs.Path(c.out().tables(), name);
        if (fs.exists(src)) {
          FileUtil.copy(fs, src, local, new org.apache.hadoop.fs.Path(tables, name), false, conf);
        }
      }
      render(staging, c.scenario(), c.casePath(), caseFiles);
      org.apache.hadoop.fs.Path reports = new org.apache.hadoop.fs.Path(root, "reports");
      fs.delete(reports, true);
      FileUtil.copy(
          local,
          new org.apache.hadoop.fs.Path(staging.resolve("reports").toUri()),
          fs,
          reports,
          false,
          true,
          conf);
      return new org.apache.hadoop.fs.Path(reports, "index.html").toString();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot render the reports for " + root, e);
    } finally {
      if (staging != null) {
        FileUtil.fullyDelete(staging.toFile());
      }
    }
  }

  /** A local path as a plain path (a {@code file:} URI's path). */
  private static String localPath(String path) {
    java.net.URI uri = new org.apache.hadoop.fs.Path(path).toUri();
    return "file".equals(uri.getScheme()) ? uri.getPath() : path;
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
    return render(out, scenario, casePath, CaseFiles.local(casePath));
  }

  /** The same, reading the case's files through {@code caseFiles}. */
  static String render(Path out, Scenario scenario, String casePath, CaseFiles caseFiles) {
    return new Reports()
        .renderAll(
            out,
            new RunInfo(
                scenario.name(),
                casePath,
                caseFiles,
                scenario.currency(),
                Pipeline.generatedAt(scenario.timezone()),
                Pipeline.engineVersion()))
        .toString();
  }
}

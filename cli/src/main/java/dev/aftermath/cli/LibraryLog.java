package dev.aftermath.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;

/**
 * The libraries' log of one command (Spark, Hadoop, PDFBox…; see {@code log4j2.properties}): a file
 * of this process, copied at the end of a run into {@code OUT/logs/library.log}, on whatever file
 * system the output is.
 */
final class LibraryLog {
  static final String PROPERTY = "aftermath.log";

  private LibraryLog() {}

  /** Points the libraries' log at a file of this process; call before anything logs. */
  static void toProcessFile() {
    if (System.getProperty(PROPERTY) != null) {
      return;
    }
    try {
      File f = File.createTempFile("aftermath-" + ProcessHandle.current().pid() + "-", ".log");
      f.deleteOnExit();
      System.setProperty(PROPERTY, f.getAbsolutePath());
    } catch (IOException e) {
      // no temp folder: the log configuration's default file is used
    }
  }

  /**
   * Copies this process's library log to {@code OUT/logs/library.log}; returns where, or null when
   * the libraries logged nothing.
   */
  static String keep(String outRoot, Configuration conf) {
    String file = System.getProperty(PROPERTY);
    if (file == null) {
      return null;
    }
    File log = new File(file);
    try {
      if (!log.isFile() || Files.size(log.toPath()) == 0) {
        return null;
      }
      Path dst = new Path(new Path(outRoot, "logs"), "library.log");
      FileSystem local = FileSystem.getLocal(conf);
      FileUtil.copy(local, new Path(log.toURI()), dst.getFileSystem(conf), dst, false, true, conf);
      return dst.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot copy the library log to " + outRoot, e);
    }
  }
}

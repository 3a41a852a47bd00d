package dev.aftermath.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The truth a generated case carries beside it ({@code ../truth/NAME} next to the case folder), on
 * whatever file system the case lives (local disk, {@code hdfs://}, {@code s3a://}, a mount).
 */
public final class CaseTruth {
  private CaseTruth() {}

  /** {@code ../truth/name} beside {@code casePath}, qualified, if it exists. */
  public static Optional<Path> find(String casePath, String name, Configuration conf) {
    try {
      Path dir = new Path(casePath);
      FileSystem fs = dir.getFileSystem(conf);
      Path parent = fs.makeQualified(dir).getParent();
      if (parent == null) {
        return Optional.empty();
      }
      Path truth = new Path(new Path(parent, "truth"), name);
      return fs.exists(truth) ? Optional.of(truth) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot look for the truth beside " + casePath, e);
    }
  }
}

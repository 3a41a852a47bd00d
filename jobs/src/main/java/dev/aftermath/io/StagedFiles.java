package dev.aftermath.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Moving finished output into place: whatever was staged replaces the previous version only once it
 * is complete, so a reader never sees a half-written file or folder under the final name.
 */
public final class StagedFiles {
  private StagedFiles() {}

  /** Replaces {@code target} (file or folder) with {@code staged}. */
  public static void replace(FileSystem fs, Path staged, Path target) {
    try {
      fs.mkdirs(target.getParent());
      if (fs.exists(target) && !fs.delete(target, true)) {
        throw new IOException("cannot remove the previous " + target);
      }
      if (!fs.rename(staged, target)) {
        throw new IOException("rename " + staged + " -> " + target + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot move " + target.getName() + " into place", e);
    }
  }

  /**
   * Replaces {@code target} with the single {@code part-*SUFFIX} file Spark wrote into {@code
   * folder}, then removes the folder.
   */
  public static void replaceWithSinglePart(FileSystem fs, Path folder, String suffix, Path target) {
    try {
      FileStatus[] parts =
          fs.listStatus(
              folder, p -> p.getName().startsWith("part-") && p.getName().endsWith(suffix));
      if (parts.length != 1) {
        throw new IOException(
            "expected one part file in " + folder + ", found " + Arrays.toString(parts));
      }
      replace(fs, parts[0].getPath(), target);
      fs.delete(folder, true);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + target, e);
    }
  }

  /**
   * Replaces {@code target} with one file: {@code header}, then the {@code part-*SUFFIX} files
   * Spark wrote into {@code folder} in the order of their names (the order of the partitions, so
   * the rows come out in the order they were written); then removes the folder.
   */
  public static void replaceWithConcatenatedParts(
      FileSystem fs, Path folder, String suffix, String header, Path target) {
    try {
      FileStatus[] parts =
          fs.listStatus(
              folder, p -> p.getName().startsWith("part-") && p.getName().endsWith(suffix));
      Arrays.sort(parts, java.util.Comparator.comparing(f -> f.getPath().getName()));
      Path joined = new Path(folder, "joined" + suffix);
      try (java.io.OutputStream out = fs.create(joined, false)) {
        out.write(header.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (FileStatus part : parts) {
          try (java.io.InputStream in = fs.open(part.getPath())) {
            in.transferTo(out);
          }
        }
      }
      replace(fs, joined, target);
      fs.delete(folder, true);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + target, e);
    }
  }
}

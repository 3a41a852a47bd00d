package dev.aftermath.cli;

import dev.aftermath.reports.CaseFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * A case folder on any Hadoop file system (HDFS, S3, a mount), read as the reports read a local one
 * ({@link CaseFiles#local}): the same files, names, sizes and hashes.
 */
final class HadoopCaseFiles implements CaseFiles {
  private final Path root;
  private final Configuration conf;
  private List<InputFile> listed;

  HadoopCaseFiles(String casePath, Configuration conf) {
    this.root = new Path(casePath);
    this.conf = conf;
  }

  @Override
  public synchronized List<InputFile> files() {
    if (listed != null) {
      return listed;
    }
    List<InputFile> out = new ArrayList<>();
    try {
      FileSystem fs = root.getFileSystem(conf);
      String prefix = fs.makeQualified(root).toUri().getPath();
      prefix = prefix.endsWith("/") ? prefix : prefix + "/";
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
      List<LocatedFileStatus> files = new ArrayList<>();
      while (it.hasNext()) {
        LocatedFileStatus f = it.next();
        if (f.isFile() && !CaseFiles.hidden(f.getPath().getName())) {
          files.add(f);
        }
      }
      files.sort(Comparator.comparing(f -> f.getPath().toUri().getPath()));
      for (LocatedFileStatus f : files) {
        String name = f.getPath().toUri().getPath().substring(prefix.length());
        try (InputStream in = fs.open(f.getPath())) {
          out.add(new InputFile(name, f.getLen(), CaseFiles.sha256(in)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the case folder " + root, e);
    }
    listed = List.copyOf(out);
    return listed;
  }

  @Override
  public Optional<String> text(String name) {
    Path file = new Path(root, name);
    try {
      FileSystem fs = file.getFileSystem(conf);
      if (!fs.isFile(file)) {
        return Optional.empty();
      }
      try (InputStream in = fs.open(file)) {
        return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}

package dev.aftermath.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * Where one input table of a case is: its format and its files (one, or the part files of a
 * folder), as absolute paths, plus the name each file is called by in messages and tables; for a
 * table read from the platform's database ({@code sources.yaml}), the database table, and once
 * read, the Parquet snapshot of what was read.
 */
public record TableSource(
    TableSpec spec,
    SourceFormat format,
    List<String> files,
    List<String> labels,
    DatabaseTable database)
    implements Serializable {
  public TableSource {
    files = List.copyOf(files);
    labels = List.copyOf(labels);
  }

  /** A table stored in files. */
  public TableSource(TableSpec spec, SourceFormat format, List<String> files, List<String> labels) {
    this(spec, format, files, labels, null);
  }

  /** The label of a file path or URI (its name relative to the case folder). */
  public String labelOf(String file) {
    int i = files.indexOf(file);
    if (i >= 0) {
      return labels.get(i);
    }
    String path = new org.apache.hadoop.fs.Path(file).toUri().getPath();
    for (int j = 0; j < files.size(); j++) {
      if (new org.apache.hadoop.fs.Path(files.get(j)).toUri().getPath().equals(path)) {
        return labels.get(j);
      }
    }
    return file;
  }
}

package dev.aftermath.io;

import org.apache.hadoop.fs.Path;

/**
 * Where tables are written: {@code ROOT/TABLES/NAME} (Parquet folder) and {@code NAME.csv}; a run
 * uses {@code OUT/tables}, the generator's truth uses its folder directly (empty tables folder).
 */
public record OutputLayout(String root, String tablesFolder) {
  /** A run's layout: tables under {@code root/tables}. */
  public OutputLayout(String root) {
    this(root, "tables");
  }

  /** Folder of all tables. */
  public Path tables() {
    return tablesFolder.isEmpty() ? new Path(root) : new Path(root, tablesFolder);
  }

  /** Parquet folder of a table. */
  public Path table(String name) {
    return new Path(tables(), name);
  }

  /** CSV twin of a result table. */
  public Path csv(String name) {
    return new Path(tables(), name + ".csv");
  }

  /** Scratch folder where tables are written before being moved into place. */
  public Path staging() {
    return new Path(root, ".staging");
  }

  /** The run manifest (inputs, settings, every table's hash), written after every table. */
  public Path manifest() {
    return new Path(root, "manifest.json");
  }

  /** The run summary, written last: its presence marks a complete run. */
  public Path runSummary() {
    return new Path(root, "run-summary.json");
  }
}

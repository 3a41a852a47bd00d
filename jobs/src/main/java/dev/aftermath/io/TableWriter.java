package dev.aftermath.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Writes tables so that an interrupted run never leaves one that looks complete: each is written to
 * a staging folder and moved into place only when finished, replacing the previous version.
 */
public final class TableWriter {
  private final SparkSession spark;
  private final OutputLayout out;
  private final FileSystem fs;

  public TableWriter(SparkSession spark, OutputLayout out) {
    this.spark = spark;
    this.out = out;
    try {
      this.fs = new Path(out.root()).getFileSystem(spark.sparkContext().hadoopConfiguration());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open output folder " + out.root(), e);
    }
  }

  /** The output layout written to. */
  public OutputLayout layout() {
    return out;
  }

  /** Writes {@code df} as the Parquet table {@code name}; returns its row count as written. */
  public long parquet(String name, Dataset<Row> df) {
    Path staged = stage(name);
    df.write().mode(SaveMode.ErrorIfExists).parquet(staged.toString());
    StagedFiles.replace(fs, staged, out.table(name));
    return spark.read().parquet(out.table(name).toString()).count();
  }

  /**
   * Writes a result table: Parquet, then a single-file CSV twin (formula-safe) read back from the
   * Parquet so both hold the same rows. Returns the row count.
   */
  public long result(String name, Dataset<Row> df) {
    long rows = parquet(name, df);
    Dataset<Row> written = spark.read().parquet(out.table(name).toString());
    Path staged = stage(name + "-csv");
    CsvSafety.safeStrings(written)
        .coalesce(1)
        .write()
        .option("header", "true")
        .option("quote", "\"")
        .option("escape", "\"")
        .option("nullValue", "")
        .option("emptyValue", "")
        .option("timestampNTZFormat", "yyyy-MM-dd'T'HH:mm:ss")
        .option("dateFormat", "yyyy-MM-dd")
        .csv(staged.toString());
    StagedFiles.replaceWithSinglePart(fs, staged, ".csv", out.csv(name));
    return rows;
  }

  /** Writes a small text file (JSON) atomically. */
  public void text(Path target, String content) {
    Path staged = stage(target.getName());
    try {
      try (OutputStream o = fs.create(staged, false)) {
        o.write(content.getBytes(StandardCharsets.UTF_8));
      }
      StagedFiles.replace(fs, staged, target);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + target, e);
    }
  }

  /** Removes {@code target} if present (e.g. the run summary at the start of a run). */
  public void remove(Path target) {
    try {
      fs.delete(target, true);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove " + target, e);
    }
  }

  /** Removes the staging folder once a run is done with it. */
  public void cleanStaging() {
    remove(out.staging());
  }

  private Path stage(String name) {
    return new Path(out.staging(), name + "-" + UUID.randomUUID());
  }
}

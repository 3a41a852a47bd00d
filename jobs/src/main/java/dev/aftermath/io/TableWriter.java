package dev.aftermath.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Writes tables so that an interrupted run never leaves one that looks complete: each is written to
 * a staging folder and moved into place only when finished, replacing the previous version. Every
 * table is first held against its contract ({@link OutputContract}); one that departs from it is
 * not written.
 */
public final class TableWriter {
  private final SparkSession spark;
  private final OutputLayout out;
  private final FileSystem fs;
  private final Scope scope;
  private final boolean contracted;
  private final OutputLayout inputs;
  private final Map<String, Map<String, Object>> contents;

  /** What one stage may touch: the tables it declares (null: anything). */
  private record Scope(String stage, Set<String> readable, Set<String> writable) {}

  /** A writer of the output tables under {@code out}, each checked against its contract. */
  public TableWriter(SparkSession spark, OutputLayout out) {
    this(spark, out, true);
  }

  /**
   * A writer of tables outside the output contract: a generated case's truth tables (described in
   * the data dictionary's truth section), and tests of the writing itself.
   */
  public static TableWriter uncontracted(SparkSession spark, OutputLayout out) {
    return new TableWriter(spark, out, false);
  }

  private TableWriter(SparkSession spark, OutputLayout out, boolean contracted) {
    this.spark = spark;
    this.contracted = contracted;
    this.out = out;
    try {
      this.fs = new Path(out.root()).getFileSystem(spark.sparkContext().hadoopConfiguration());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open output folder " + out.root(), e);
    }
    this.scope = null;
    this.inputs = null;
    this.contents = new ConcurrentHashMap<>();
  }

  private TableWriter(TableWriter base, Scope scope, OutputLayout inputs) {
    this.spark = base.spark;
    this.out = base.out;
    this.fs = base.fs;
    this.scope = scope;
    this.contracted = base.contracted;
    this.inputs = inputs;
    this.contents = base.contents;
  }

  /**
   * This writer, reading every table it has not written itself from {@code from}: a second analysis
   * of the same case (a placebo) shares the first one's ingested tables instead of ingesting them
   * again.
   */
  public TableWriter readingInputsFrom(OutputLayout from) {
    return new TableWriter(this, scope, from);
  }

  private org.apache.hadoop.fs.Path located(String name) throws IOException {
    if (inputs != null && !fs.exists(out.table(name))) {
      return inputs.table(name);
    }
    return out.table(name);
  }

  /**
   * This writer limited to what stage {@code stage} declares: it may read the tables it needs,
   * those it may read and its own, and write only its own. Anything else is a programming error and
   * throws {@link IllegalStateException} naming the stage and the table.
   */
  public TableWriter scoped(
      String stage, List<String> reads, List<String> readsIfPresent, List<String> writes) {
    Set<String> readable = new HashSet<>(reads);
    readable.addAll(readsIfPresent);
    readable.addAll(writes);
    return new TableWriter(this, new Scope(stage, readable, Set.copyOf(writes)), inputs);
  }

  private void checkRead(String name) {
    if (scope != null && !scope.readable().contains(name)) {
      throw new IllegalStateException(
          "stage '" + scope.stage() + "' reads table " + name + " without declaring it");
    }
  }

  private void checkWrite(String name) {
    if (scope != null && !scope.writable().contains(name)) {
      throw new IllegalStateException(
          "stage '" + scope.stage() + "' writes table " + name + " without declaring it");
    }
  }

  /** The output layout written to. */
  public OutputLayout layout() {
    return out;
  }

  /** Whether the table {@code name} has been written. */
  public boolean exists(String name) {
    checkRead(name);
    try {
      return fs.exists(located(name));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot look for table " + out.table(name), e);
    }
  }

  /** The written table {@code name}. */
  public Dataset<Row> read(String name) {
    checkRead(name);
    try {
      return spark.read().parquet(located(name).toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot look for table " + out.table(name), e);
    }
  }

  /**
   * Writes {@code df} as the Parquet table {@code name}; returns its row count as written. Throws
   * {@link IllegalStateException} naming the table and the column when {@code df} departs from the
   * table's contract, or when the contract has no such table; nothing is written then.
   */
  public long parquet(String name, Dataset<Row> df) {
    checkWrite(name);
    if (contracted) {
      OutputContract.check(name, df.schema());
    }
    Path staged = stage(name);
    // the manifest's row count and content hash, observed as the rows go by: no second read
    Observation seen = new Observation("content of " + name + " " + UUID.randomUUID());
    Column[] aggregates = TableContent.aggregates(df);
    df.observe(seen, aggregates[0], aggregates[1])
        .write()
        .mode(SaveMode.ErrorIfExists)
        .parquet(staged.toString());
    StagedFiles.replace(fs, staged, out.table(name));
    Map<String, Object> content =
        TableContent.of(spark.read().parquet(out.table(name).toString()).schema(), seen.getRow());
    contents.put(name, content);
    return (Long) content.get("rows");
  }

  /**
   * Row count, schema hash and content hash ({@link TableContent}) of each table this writer (or
   * one scoped from it) has written, as observed while writing it.
   */
  public Map<String, Map<String, Object>> contents() {
    return Map.copyOf(contents);
  }

  /**
   * Writes a result table: Parquet, then a single-file CSV twin (formula-safe) read back from the
   * Parquet so both hold the same rows. The twin's parts are written in parallel and joined in
   * partition order under one header. Returns the row count.
   */
  public long result(String name, Dataset<Row> df) {
    long rows = parquet(name, df);
    Dataset<Row> written = inPartOrder(out.table(name));
    Path staged = stage(name + "-csv");
    CsvSafety.safeStrings(written)
        .write()
        .option("header", "false")
        .option("quote", "\"")
        .option("escape", "\"")
        .option("nullValue", "")
        .option("emptyValue", "")
        .option("timestampNTZFormat", "yyyy-MM-dd'T'HH:mm:ss")
        .option("dateFormat", "yyyy-MM-dd")
        .csv(staged.toString());
    StagedFiles.replaceWithConcatenatedParts(
        fs, staged, ".csv", CsvSafety.headerLine(written.columns()), out.csv(name));
    return rows;
  }

  /**
   * The Parquet table at {@code folder} with its rows in the order they were written: part files by
   * name, each in file order. (One read of the whole folder would pack the files into tasks by
   * size, so a CSV twin of an ordered table could come out in a different order from run to run.)
   */
  private Dataset<Row> inPartOrder(Path folder) {
    try {
      FileStatus[] parts =
          fs.listStatus(
              folder, p -> p.getName().startsWith("part-") && p.getName().endsWith(".parquet"));
      if (parts.length == 0) {
        return spark.read().parquet(folder.toString());
      }
      Arrays.sort(parts, Comparator.comparing(f -> f.getPath().getName()));
      Dataset<Row> all = null;
      for (FileStatus part : parts) {
        Dataset<Row> one = spark.read().parquet(part.getPath().toString());
        all = all == null ? one : all.union(one);
      }
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + folder, e);
    }
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

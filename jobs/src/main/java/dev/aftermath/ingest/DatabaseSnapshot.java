package dev.aftermath.ingest;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aftermath.InvalidCaseException;
import dev.aftermath.io.OutputLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * A database table read once into a Parquet snapshot under {@code OUT/sources/TABLE/}, which
 * ingestion then reads as it reads a Parquet case: the same validation, quarantine, duplicates and
 * reconciliation, and one read of the database however often ingestion passes over the rows. The
 * read runs in parallel over ranges of the partition column when one is named; the rows are sorted
 * (key columns first, then every column) so the snapshot, its row numbers and the duplicates kept
 * are the same whichever order the database returned them in. Timestamps without a time zone are
 * read as local times of the scenario, as a CSV's are. Beside it, {@code _read.json} records the
 * source (URL without credentials, table or query), the rows read and when.
 */
public final class DatabaseSnapshot {
  static final String FOLDER = "sources";
  public static final String RECORD = "_read.json";

  private DatabaseSnapshot() {}

  /** The folder of {@code table}'s snapshot under the run's output. */
  public static Path folder(OutputLayout out, String table) {
    return new Path(new Path(out.root(), FOLDER), table);
  }

  /** Reads {@code source}'s database table into its snapshot; returns the snapshot as a source. */
  static TableSource take(SparkSession spark, TableSource source, OutputLayout out) {
    DatabaseTable t = source.database();
    Path dir = folder(out, t.name());
    long rows;
    try {
      DataFrameReader reader =
          spark.read().option("fetchsize", "10000").option("preferTimestampNTZ", "true");
      Properties properties = t.credentials().properties();
      List<String> ranges =
          t.partitionColumn() != null && t.partitions() > 1 ? ranges(t) : List.of();
      // ranges of the partition column as WHERE clauses: any column type that orders, timestamps
      // read as local times included (Spark's own partitioning takes no timestamp without zone)
      Dataset<Row> read =
          ranges.isEmpty()
              ? reader.jdbc(t.url(), t.relation(), properties)
              : reader.jdbc(t.url(), t.relation(), ranges.toArray(String[]::new), properties);
      Dataset<Row> named = lowerCase(read);
      List<Column> order = new ArrayList<>();
      for (String k : t.key()) {
        order.add(col("`" + k.toLowerCase(Locale.ROOT) + "`").asc_nulls_first());
      }
      for (String c : named.columns()) {
        order.add(col("`" + c + "`").asc_nulls_first());
      }
      named
          .orderBy(order.toArray(Column[]::new))
          .write()
          .mode(SaveMode.Overwrite)
          .parquet(dir.toString());
      rows = spark.read().parquet(dir.toString()).count();
    } catch (Exception e) { // the JDBC reader throws SQLException undeclared
      throw new InvalidCaseException(
          t.name()
              + " ("
              + t.label()
              + "): cannot read: "
              + t.credentials().redact(DatabaseSources.reason(e)));
    }
    record(spark, dir, t, rows);
    return snapshot(spark, source, dir);
  }

  /** The snapshot already taken for {@code source} (a run resumed after ingestion). */
  static TableSource snapshot(SparkSession spark, TableSource source, Path dir) {
    DatabaseTable t = source.database();
    try {
      FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
      List<FileStatus> parts =
          Arrays.stream(fs.listStatus(dir))
              .filter(s -> s.getPath().getName().endsWith(".parquet"))
              .sorted(Comparator.comparing(s -> s.getPath().getName()))
              .toList();
      List<String> files = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      for (FileStatus p : parts) {
        files.add(p.getPath().toString());
        // each part its own name: the rows' positions are counted per part
        labels.add(t.label() + " " + p.getPath().getName().replaceFirst("^(part-\\d+).*$", "$1"));
      }
      return new TableSource(source.spec(), SourceFormat.PARQUET, files, labels, t);
    } catch (IOException e) {
      throw new IllegalStateException("cannot list the snapshot " + dir, e);
    }
  }

  /**
   * WHERE clauses that split the rows into {@code partitions} ranges of the partition column, each
   * row in exactly one (nulls in the first); none for an empty table or a column that cannot be
   * split (text), which is then read whole.
   */
  static List<String> ranges(DatabaseTable t) {
    String c = t.partitionColumn();
    Object lo;
    Object hi;
    try (Connection conn = t.credentials().connect(t.url());
        Statement st = conn.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT min(" + c + "), max(" + c + ") FROM " + t.relation())) {
      rs.next();
      lo = rs.getObject(1);
      hi = rs.getObject(2);
    } catch (SQLException e) {
      throw new InvalidCaseException(
          t.name()
              + " ("
              + t.label()
              + "): cannot read the range of "
              + c
              + ": "
              + t.credentials().redact(DatabaseSources.reason(e)));
    }
    List<String> bounds = bounds(lo, hi, t.partitions());
    if (bounds.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    out.add(c + " < " + bounds.get(0) + " OR " + c + " IS NULL");
    for (int i = 1; i < bounds.size(); i++) {
      out.add(c + " >= " + bounds.get(i - 1) + " AND " + c + " < " + bounds.get(i));
    }
    out.add(c + " >= " + bounds.get(bounds.size() - 1));
    return out;
  }

  /**
   * The n − 1 inner bounds between {@code lo} and {@code hi}, as SQL literals; none if not split.
   */
  static List<String> bounds(Object lo, Object hi, int n) {
    List<String> out = new ArrayList<>();
    if (lo == null || hi == null) {
      return out;
    }
    if (lo instanceof Number a && hi instanceof Number b) {
      java.math.BigDecimal low = new java.math.BigDecimal(a.toString());
      java.math.BigDecimal step =
          new java.math.BigDecimal(b.toString())
              .subtract(low)
              .divide(java.math.BigDecimal.valueOf(n), 6, java.math.RoundingMode.DOWN);
      if (step.signum() > 0) {
        for (int i = 1; i < n; i++) {
          out.add(low.add(step.multiply(java.math.BigDecimal.valueOf(i))).toPlainString());
        }
      }
      return out;
    }
    java.time.LocalDateTime a = dateTime(lo);
    java.time.LocalDateTime b = dateTime(hi);
    if (a == null || b == null) {
      return out;
    }
    long span = java.time.Duration.between(a, b).toSeconds();
    if (span >= n) {
      java.time.format.DateTimeFormatter f =
          java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
      for (int i = 1; i < n; i++) {
        out.add("'" + a.plusSeconds(span * i / n).format(f) + "'");
      }
    }
    return out;
  }

  private static java.time.LocalDateTime dateTime(Object v) {
    if (v instanceof java.sql.Timestamp ts) {
      return ts.toLocalDateTime();
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate().atStartOfDay();
    }
    if (v instanceof java.time.LocalDateTime l) {
      return l;
    }
    if (v instanceof java.time.LocalDate l) {
      return l.atStartOfDay();
    }
    if (v instanceof java.time.OffsetDateTime o) {
      return o.toLocalDateTime();
    }
    return null;
  }

  private static Dataset<Row> lowerCase(Dataset<Row> df) {
    Dataset<Row> out = df;
    for (String c : df.columns()) {
      String lower = c.toLowerCase(Locale.ROOT);
      if (!lower.equals(c)) {
        out = out.withColumnRenamed(c, lower);
      }
    }
    return out;
  }

  private static void record(SparkSession spark, Path dir, DatabaseTable t, long rows) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("table", t.name());
    json.put("source", t.label());
    json.put("url", t.url());
    json.put(t.table() != null ? "relation" : "query", t.table() != null ? t.table() : t.query());
    json.put("rows", rows);
    json.put("read_at", Instant.now().toString());
    try {
      FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (OutputStream o = fs.create(new Path(dir, RECORD), true)) {
        o.write(
            (new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json)
                    + "\n")
                .getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + new Path(dir, RECORD), e);
    }
  }
}

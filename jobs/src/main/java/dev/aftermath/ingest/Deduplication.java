package dev.aftermath.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import dev.aftermath.DataQualityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Duplicate keys, found without keeping whole rows: every validated row leaves a small entry in a
 * <em>ledger</em> (file and reason; for a rejected row its line, raw text and offending value; for
 * a good row its position and a 128-bit fingerprint of its key). Keys are compared by fingerprint —
 * two independent 64-bit xxHash64 values: the first hashes that repeat are found by sorting the
 * cached first halves, and only their rows are ranked by the whole fingerprint. The chance that two
 * different keys share a fingerprint is below 10⁻²² for 10⁸ rows. Of the rows sharing a key, the
 * first by file, line and row is kept; the others are the duplicates, identified by file and
 * position, and the table is written in one further pass over the source that leaves them out.
 */
final class Deduplication {
  private Deduplication() {}

  static final String H1 = "_key_h1";
  static final String H2 = "_key_h2";

  /** A row's position in its file: the CSV line, or the Parquet row. */
  static final String POS = "_pos";

  /** Salt of the second hash: another seed for the same function, an independent 64 bits. */
  private static final String SECOND_SEED = "aftermath:key:2";

  /** Up to this many duplicate rows are sent to every task rather than shuffled. */
  static final long BROADCAST_DUPLICATES = 2_000_000;

  /**
   * At most this many distinct keys may repeat in one table. (A table where millions of keys repeat
   * has the wrong key, or is the same export loaded twice; the run stops and says so.)
   */
  static final int MAX_REPEATED_KEYS = 5_000_000;

  static final StructType DUPLICATE_ROWS =
      new StructType()
          .add("table", DataTypes.StringType)
          .add("file", DataTypes.StringType)
          .add("line", DataTypes.LongType)
          .add("row_index", DataTypes.LongType)
          .add("key", DataTypes.StringType);

  /** The ledger of validated rows (see the class comment); cache it, it is read several times. */
  static Dataset<Row> ledger(Dataset<Row> validated, List<String> key) {
    Column bad = col(RowValidator.REASON).isNotNull();
    Column[] k = keyColumns(key);
    Column h1 = key.isEmpty() ? lit(null).cast(DataTypes.LongType) : when(not(bad), xxhash64(k));
    Column h2 =
        key.isEmpty() ? lit(null).cast(DataTypes.LongType) : when(not(bad), xxhash64(salted(k)));
    return validated.select(
        col(SourceColumns.FILE),
        col(SourceColumns.LINE),
        col(SourceColumns.ROW),
        when(bad, col(SourceColumns.RAW)).as(SourceColumns.RAW),
        when(bad, col(SourceColumns.END_LINE)).as(SourceColumns.END_LINE),
        col(RowValidator.REASON),
        col(RowValidator.COLUMN),
        col(RowValidator.VALUE),
        h1.as(H1),
        h2.as(H2));
  }

  /**
   * The duplicate rows of a table (file, line, row and position), cached; null when no key repeats
   * or the table has no key.
   */
  static Dataset<Row> duplicates(Dataset<Row> ledger, List<String> key) {
    if (key.isEmpty()) {
      return null;
    }
    // the first hashes that repeat, found by sorting them (an aggregation would first build a hash
    // table of every key on the map side, for nothing: nearly all keys are unique)
    Dataset<Row> good = ledger.filter(col(H1).isNotNull());
    List<Long> repeatedKeys =
        good.select(H1)
            .repartition(col(H1))
            .sortWithinPartitions(H1)
            .as(Encoders.LONG())
            .mapPartitions(Deduplication::repeatedValues, Encoders.LONG())
            .collectAsList();
    if (repeatedKeys.isEmpty()) {
      return null;
    }
    if (repeatedKeys.size() > MAX_REPEATED_KEYS) {
      throw new DataQualityException(
          repeatedKeys.size()
              + " distinct keys repeat in one table (more than "
              + MAX_REPEATED_KEYS
              + "): is the key "
              + key
              + " right, or was the same export given twice?");
    }
    Dataset<Row> repeated =
        ledger.sparkSession().createDataset(repeatedKeys, Encoders.LONG()).toDF(H1);
    return good.join(broadcast(repeated), seq(H1), "left_semi")
        .withColumn(
            "_rank",
            row_number()
                .over(
                    Window.partitionBy(H1, H2)
                        .orderBy(
                            col(SourceColumns.FILE).asc_nulls_last(),
                            col(SourceColumns.LINE).asc_nulls_last(),
                            col(SourceColumns.ROW).asc_nulls_last())))
        .filter(col("_rank").gt(1))
        .select(
            col(SourceColumns.FILE),
            col(SourceColumns.LINE),
            col(SourceColumns.ROW),
            position().as(POS))
        .persist(StorageLevel.MEMORY_AND_DISK());
  }

  /** Each value that occurs more than once in a sorted run of values, once. */
  static Iterator<Long> repeatedValues(Iterator<Long> sorted) {
    List<Long> out = new ArrayList<>();
    boolean first = true;
    long previous = 0;
    boolean reported = false;
    while (sorted.hasNext()) {
      long v = sorted.next();
      if (!first && v == previous) {
        if (!reported) {
          out.add(v);
          reported = true;
        }
      } else {
        reported = false;
      }
      previous = v;
      first = false;
    }
    return out.iterator();
  }

  /** The good rows without the duplicates. */
  static Dataset<Row> kept(Dataset<Row> good, Dataset<Row> duplicates) {
    if (duplicates == null) {
      return good;
    }
    return good.withColumn(POS, position())
        .join(
            small(duplicates.select(SourceColumns.FILE, POS)),
            seq(SourceColumns.FILE, POS),
            "left_anti")
        .drop(POS);
  }

  /**
   * The duplicates table's rows for one table: where each duplicate is and its key as the file
   * holds it. The key is read from the source again, only its key columns (a Parquet source reads
   * nothing else).
   */
  static Dataset<Row> rows(SparkSession spark, TableSource source, Dataset<Row> duplicates) {
    List<String> key = source.spec().key();
    List<Column> columns = new ArrayList<>();
    columns.add(col(SourceColumns.FILE));
    columns.add(position().as(POS));
    columns.add(
        concat_ws(
                "|",
                Arrays.stream(keyColumns(key))
                    .map(c -> c.cast(DataTypes.StringType))
                    .toArray(Column[]::new))
            .as("key"));
    Dataset<Row> keys =
        SourceReader.read(spark, source)
            .select(columns.toArray(Column[]::new))
            .join(small(duplicates.select(POS).distinct()), seq(POS), "left_semi");
    if (source.format() == SourceFormat.PARQUET) {
      // Parquet rows carry the file's URI; the duplicates are recorded under the file's label
      UDF1<String, String> label = source::labelOf;
      keys =
          keys.withColumn(
              SourceColumns.FILE, udf(label, DataTypes.StringType).apply(col(SourceColumns.FILE)));
    }
    return duplicates
        .join(keys, seq(SourceColumns.FILE, POS))
        .select(
            lit(source.spec().name()).as("table"),
            col(SourceColumns.FILE).as("file"),
            col(SourceColumns.LINE).as("line"),
            col(SourceColumns.ROW).as("row_index"),
            col("key"));
  }

  /** An empty duplicates table. */
  static Dataset<Row> none(SparkSession spark) {
    return spark.createDataFrame(List.of(), DUPLICATE_ROWS);
  }

  private static Column position() {
    return coalesce(col(SourceColumns.LINE), col(SourceColumns.ROW));
  }

  private static Dataset<Row> small(Dataset<Row> positions) {
    return positions.count() <= BROADCAST_DUPLICATES ? broadcast(positions) : positions;
  }

  private static Column[] keyColumns(List<String> key) {
    return key.stream().map(c -> col("`" + c + "`")).toArray(Column[]::new);
  }

  private static Column[] salted(Column[] key) {
    Column[] out = new Column[key.length + 1];
    out[0] = lit(SECOND_SEED);
    System.arraycopy(key, 0, out, 1, key.length);
    return out;
  }

  private static scala.collection.immutable.Seq<String> seq(String... names) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(names)).toList();
  }
}

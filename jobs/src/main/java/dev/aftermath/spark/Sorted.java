package dev.aftermath.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A global sort for tables written in a fixed order. Spark's sort first samples its input in a job
 * of its own, which computes an expensive input (an aggregation and a join) twice; in local mode
 * the input is therefore materialised once (a local checkpoint) and sorted from there. On a cluster
 * the plain sort is kept: a local checkpoint cannot be recomputed if an executor is lost.
 */
public final class Sorted {
  private Sorted() {}

  /** {@code df} ordered by {@code first} then {@code more}. */
  public static Dataset<Row> by(Dataset<Row> df, String first, String... more) {
    boolean local = df.sparkSession().sparkContext().isLocal();
    return (local ? df.localCheckpoint() : df).orderBy(first, more);
  }

  /**
   * The rows of {@code df} collected to the driver and put in the order of the unique text column
   * {@code key} there: for sums over collected rows that must not depend on the order partitions
   * arrive in, without a Spark sort (whose sampling job would compute {@code df} twice).
   */
  public static List<Row> collected(Dataset<Row> df, String key) {
    int k = df.schema().fieldIndex(key);
    List<Row> rows = new ArrayList<>(df.collectAsList());
    rows.sort(Comparator.comparing(r -> r.getString(k)));
    return rows;
  }
}

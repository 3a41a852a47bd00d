package dev.aftermath.spark;

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
}

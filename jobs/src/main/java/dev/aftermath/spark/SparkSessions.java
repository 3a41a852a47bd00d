package dev.aftermath.spark;

import org.apache.spark.sql.SparkSession;

/**
 * Creates the one SparkSession of a command, at the edge. Local mode unless a master is already
 * configured (as under spark-submit), with the settings the jobs rely on.
 */
public final class SparkSessions {
  private SparkSessions() {}

  /** A session for {@code appName}: local[*] by default, or the master spark-submit set. */
  public static SparkSession create(String appName) {
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    if (System.getProperty("spark.master") == null) {
      builder
          .master(System.getProperty("aftermath.master", "local[*]"))
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "8");
    }
    return builder
        .config("spark.sql.adaptive.enabled", "true")
        .config("spark.sql.datetime.java8API.enabled", "true")
        .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
        // decimals in a form every Parquet reader keeps the scale of (Tablesaw's reader drops it
        // otherwise)
        .config("spark.sql.parquet.writeLegacyFormat", "true")
        .config("spark.sql.sources.partitionOverwriteMode", "static")
        .config("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
        .getOrCreate();
  }
}

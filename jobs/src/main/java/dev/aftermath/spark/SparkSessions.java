package dev.aftermath.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Creates the one SparkSession of a command, at the edge: local mode unless a master is already
 * configured (as under spark-submit), with the settings of {@link SparkSettings}.
 */
public final class SparkSessions {
  private SparkSessions() {}

  /**
   * A session for {@code appName}: local[*] by default ({@code -Daftermath.master} picks another
   * local master), or the master spark-submit set.
   */
  public static SparkSession create(String appName) {
    SparkConf already = new SparkConf(true);
    boolean local = !already.contains("spark.master");
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    SparkSettings.toApply(local, already).forEach(builder::config);
    if (local && System.getProperty("aftermath.master") != null) {
      builder.master(System.getProperty("aftermath.master"));
    }
    return builder.getOrCreate();
  }
}

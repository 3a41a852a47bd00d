package dev.aftermath.spark;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark settings aftermath chooses, read from {@code aftermath-spark.properties} (the one
 * documented place): keys starting with {@code local.} only when aftermath starts its own local
 * Spark, the others everywhere. A key already set (spark-submit's {@code --conf}, a {@code -D}
 * system property) keeps its value.
 */
public final class SparkSettings {
  static final String RESOURCE = "/aftermath-spark.properties";
  private static final String LOCAL = "local.";

  private SparkSettings() {}

  /**
   * The settings to apply: the file's values for the mode, minus the keys {@code already} set.
   * {@code local} is true when no master was configured from outside.
   */
  static Map<String, String> toApply(boolean local, SparkConf already) {
    Properties p = new Properties();
    try (InputStream in = SparkSettings.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      p.load(in);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + RESOURCE, e);
    }
    Map<String, String> out = new TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      boolean localOnly = key.startsWith(LOCAL);
      String name = localOnly ? key.substring(LOCAL.length()) : key;
      if ((local || !localOnly) && !already.contains(name)) {
        out.put(name, p.getProperty(key).trim());
      }
    }
    return out;
  }

  /** The session's values of every key the settings file names: what a run actually used. */
  public static Map<String, String> effective(SparkSession spark) {
    Map<String, String> out = new TreeMap<>();
    for (String key : toApply(true, new SparkConf(false)).keySet()) {
      scala.Option<String> v = spark.conf().getOption(key);
      if (v.isEmpty()) {
        v = spark.sparkContext().getConf().getOption(key);
      }
      if (v.isDefined()) {
        out.put(key, v.get());
      }
    }
    return out;
  }
}

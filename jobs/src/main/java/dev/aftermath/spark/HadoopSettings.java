package dev.aftermath.spark;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;

/**
 * The Hadoop configuration a command's own file access uses before Spark starts (case validation
 * runs first): Hadoop's defaults and site files, then every {@code spark.hadoop.*} setting, as
 * Spark itself builds it. Settings come from where Spark reads them: spark-submit's {@code --conf},
 * {@code -D} system properties and {@code aftermath-spark.properties}. Once the session runs, use
 * its {@code sparkContext().hadoopConfiguration()}, which holds the same.
 */
public final class HadoopSettings {
  static final String PREFIX = "spark.hadoop.";

  private HadoopSettings() {}

  /** The configuration of a command about to start Spark. */
  public static Configuration beforeSpark() {
    SparkConf conf = new SparkConf(true);
    boolean local = !conf.contains("spark.master");
    SparkSettings.toApply(local, conf).forEach(conf::set);
    return of(conf);
  }

  /** Hadoop's defaults with {@code conf}'s {@code spark.hadoop.*} settings on top. */
  static Configuration of(SparkConf conf) {
    Configuration hadoop = new Configuration();
    for (scala.Tuple2<String, String> kv : conf.getAll()) {
      if (kv._1().startsWith(PREFIX)) {
        hadoop.set(kv._1().substring(PREFIX.length()), kv._2(), "spark.hadoop settings");
      }
    }
    return hadoop;
  }

  /** The same for a map of settings (tests). */
  static Configuration of(Map<String, String> settings) {
    SparkConf conf = new SparkConf(false);
    settings.forEach(conf::set);
    return of(conf);
  }
}

package dev.aftermath.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** The settings file: local-only keys stay local, and a value set from outside wins. */
class SparkSettingsTest {
  @Test
  void localKeysOnlyInLocalModeAndOutsideValuesWin() {
    Map<String, String> local = SparkSettings.toApply(true, new SparkConf(false));
    assertThat(local)
        .containsEntry("spark.master", "local[*]")
        .containsEntry("spark.sql.shuffle.partitions", "8")
        .containsEntry("spark.sql.adaptive.enabled", "true");
    assertThat(local.keySet()).noneMatch(k -> k.startsWith("local."));

    SparkConf submitted =
        new SparkConf(false).set("spark.master", "yarn").set("spark.sql.adaptive.enabled", "false");
    Map<String, String> cluster = SparkSettings.toApply(false, submitted);
    assertThat(cluster)
        .doesNotContainKey("spark.master")
        .doesNotContainKey("spark.sql.shuffle.partitions")
        .doesNotContainKey("spark.sql.adaptive.enabled")
        .containsEntry("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
  }
}

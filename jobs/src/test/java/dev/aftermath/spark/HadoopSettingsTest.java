package dev.aftermath.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class HadoopSettingsTest {
  @Test
  void sparkHadoopSettingsReachTheHadoopConfigurationWithoutTheirPrefix() {
    Configuration conf =
        HadoopSettings.of(
            Map.of(
                "spark.hadoop.fs.viewfs.mounttable.m.link./case", "file:///data/case",
                "spark.hadoop.fs.s3a.endpoint", "http://127.0.0.1:9000",
                "spark.sql.shuffle.partitions", "8"));
    assertThat(conf.get("fs.viewfs.mounttable.m.link./case")).isEqualTo("file:///data/case");
    assertThat(conf.get("fs.s3a.endpoint")).isEqualTo("http://127.0.0.1:9000");
    assertThat(conf.get("sql.shuffle.partitions")).isNull();
    assertThat(conf.get("spark.sql.shuffle.partitions")).isNull();
  }

  @Test
  void beforeSparkReadsSystemPropertiesAsSparkSubmitSetsThem() {
    String key = "spark.hadoop.aftermath.test.setting";
    System.setProperty(key, "from-submit");
    try {
      assertThat(HadoopSettings.beforeSpark().get("aftermath.test.setting"))
          .isEqualTo("from-submit");
    } finally {
      System.clearProperty(key);
    }
  }
}

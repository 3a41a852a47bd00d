package dev.aftermath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class ReportStageTest {
  @Test
  void rendersInPlaceOnlyWhereTheOutputIsOnLocalDisk() {
    Configuration local = new Configuration(false);
    assertThat(ReportStage.onLocalDisk("out", local)).isTrue();
    assertThat(ReportStage.onLocalDisk("/tmp/out", local)).isTrue();
    assertThat(ReportStage.onLocalDisk("file:///tmp/out", local)).isTrue();
    assertThat(ReportStage.onLocalDisk("hdfs://namenode:8020/out", local)).isFalse();
    assertThat(ReportStage.onLocalDisk("s3a://bucket/out", local)).isFalse();

    Configuration cluster = new Configuration(false);
    cluster.set("fs.defaultFS", "hdfs://namenode:8020");
    assertThat(ReportStage.onLocalDisk("/out", cluster))
        .as("no scheme: the default file system")
        .isFalse();
    assertThat(ReportStage.onLocalDisk("file:///tmp/out", cluster)).isTrue();
  }
}

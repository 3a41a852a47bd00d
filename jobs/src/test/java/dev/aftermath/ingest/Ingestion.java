package dev.aftermath.ingest;

import dev.aftermath.CaseFixture;
import dev.aftermath.io.OutputLayout;
import dev.aftermath.io.TableWriter;
import dev.aftermath.spark.Progress;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/** Ingestion of a test case, quietly: what the ingestion tests run. */
final class Ingestion {
  private Ingestion() {}

  static IngestResult run(SparkSession spark, CaseFixture fixture, String out, double maxPct) {
    CaseLayout layout = CaseLayout.inspect(fixture.path(), new Configuration());
    TableWriter writer = new TableWriter(spark, new OutputLayout(out));
    try (Progress progress =
        new Progress(
            spark, new PrintStream(OutputStream.nullOutputStream()), Duration.ofMinutes(5))) {
      return new IngestJob(spark, layout, writer, progress, maxPct).run();
    }
  }
}

package dev.aftermath.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aftermath.ingest.DatabaseSnapshot;
import dev.aftermath.ingest.TableSource;
import dev.aftermath.io.OutputLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The manifest's entry for an input table read from the database: the source (URL without
 * credentials, table or query), when it was read and how many rows, and the order-independent
 * content hash of what was read (its snapshot), so that a later run can tell whether the source
 * changed.
 */
final class DatabaseInputs {
  private DatabaseInputs() {}

  static Map<String, Object> of(SparkSession spark, TableSource source, OutputLayout out) {
    Path dir = DatabaseSnapshot.folder(out, source.spec().name());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("table", source.spec().name());
    try {
      FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (InputStream in = fs.open(new Path(dir, DatabaseSnapshot.RECORD))) {
        new ObjectMapper()
            .readTree(in)
            .fields()
            .forEachRemaining(
                e -> {
                  if (!e.getKey().equals("table")) {
                    m.put(
                        e.getKey(),
                        e.getValue().isNumber() ? e.getValue().longValue() : e.getValue().asText());
                  }
                });
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the record of " + dir, e);
    }
    Map<String, Object> content =
        dev.aftermath.io.TableContent.of(spark.read().parquet(dir.toString()));
    m.put("content_hash", content.get("content_hash"));
    m.put("schema_sha256", content.get("schema_sha256"));
    return m;
  }
}

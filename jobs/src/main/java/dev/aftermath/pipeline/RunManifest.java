package dev.aftermath.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aftermath.ingest.CaseLayout;
import dev.aftermath.ingest.CaseTruth;
import dev.aftermath.ingest.InputTables;
import dev.aftermath.ingest.TableSource;
import dev.aftermath.ingest.TableSpec;
import dev.aftermath.io.OutputLayout;
import dev.aftermath.io.TableContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * {@code OUT/manifest.json}: what a run read and what it wrote, so that two runs can be compared
 * and a table traced to its inputs. Inputs by SHA-256 of their bytes; the scenario by SHA-256 of
 * its text; every table by its row count and a content hash that does not depend on the order of
 * its rows (the sum, over rows, of the xxHash64 of all the row's columns, with the schema's
 * SHA-256). Written after every table and report: with the run summary, it marks a complete run.
 */
public final class RunManifest {
  private RunManifest() {}

  /** The manifest of a finished run, as JSON. */
  static String json(
      SparkSession spark,
      CaseLayout layout,
      String casePath,
      OutputLayout out,
      Map<String, Long> tables,
      Map<String, Map<String, Object>> observed,
      Resumed resumed,
      Map<String, String> sparkSettings,
      String engineVersion) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("engine_version", engineVersion);
    json.put("scenario", layout.scenario().name());
    json.put(
        "scenario_sha256",
        layout.scenarioText() == null
            ? null
            : sha256(layout.scenarioText().getBytes(StandardCharsets.UTF_8)));
    json.put("seeds", seeds(spark.sparkContext().hadoopConfiguration(), layout, casePath));
    json.put("inputs", inputs(spark, layout, out));
    Map<String, Object> written = new TreeMap<>();
    if (resumed != null) {
      written.putAll(resumed.content()); // tables the resumed run did not write, as hashed then
    }
    for (String name : tables.keySet()) {
      // as observed while the table was written; read back only if it was written otherwise
      Map<String, Object> seen = observed.get(name);
      written.put(
          name,
          seen != null ? seen : TableContent.of(spark.read().parquet(out.table(name).toString())));
    }
    json.put("tables", written);
    if (resumed != null) {
      json.put("resumed_from", resumed.describe());
    }
    json.put("spark_settings", new TreeMap<>(sparkSettings));
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json)
          + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot render the manifest", e);
    }
  }

  private static Map<String, Object> seeds(Configuration conf, CaseLayout layout, String casePath) {
    Map<String, Object> seeds = new LinkedHashMap<>();
    // a generated case: the generator's seed, from the truth written beside it
    Optional<Path> summary = CaseTruth.find(casePath, "summary.json", conf);
    if (summary.isPresent()) {
      Path truth = summary.get();
      try (InputStream in = truth.getFileSystem(conf).open(truth)) {
        var seed = new ObjectMapper().readTree(in).get("seed");
        if (seed != null) {
          seeds.put("case_generator", seed.asLong());
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + truth, e);
      }
    }
    seeds.put("lost_revenue", dev.aftermath.impact.LostRevenueJob.SEED);
    seeds.put("liability", layout.scenario().liability().seed());
    return seeds;
  }

  private static List<Map<String, Object>> inputs(
      SparkSession spark, CaseLayout layout, OutputLayout out) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<Map<String, Object>> inputs = new ArrayList<>();
    for (TableSpec spec : InputTables.ALL) {
      TableSource source = layout.source(spec).orElse(null);
      if (source == null) {
        continue;
      }
      if (source.format() == dev.aftermath.ingest.SourceFormat.DATABASE) {
        inputs.add(DatabaseInputs.of(spark, source, out));
        continue;
      }
      for (int i = 0; i < source.files().size(); i++) {
        Path file = new Path(source.files().get(i));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("table", spec.name());
        m.put("file", source.labels().get(i));
        try {
          FileSystem fs = file.getFileSystem(conf);
          m.put("bytes", fs.getFileStatus(file).getLen());
          try (InputStream in = fs.open(file)) {
            m.put("sha256", sha256(in));
          }
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot hash input " + file, e);
        }
        inputs.add(m);
      }
    }
    return inputs;
  }

  /** The SHA-256 of {@code bytes}, in hex. */
  public static String sha256(byte[] bytes) {
    return TableContent.sha256(bytes);
  }

  static String sha256(InputStream in) throws IOException {
    MessageDigest d = digest();
    byte[] buffer = new byte[1 << 20];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      d.update(buffer, 0, n);
    }
    return HexFormat.of().formatHex(d.digest());
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }
}

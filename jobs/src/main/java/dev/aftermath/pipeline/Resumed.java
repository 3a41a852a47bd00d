package dev.aftermath.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aftermath.ingest.FileCounts;
import dev.aftermath.ingest.IngestResult;
import dev.aftermath.io.OutputLayout;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The finished run a rerun starts from ({@code rerun --from}), as its output folder records it: the
 * case it read, its tables with their row counts and content hashes (manifest.json), ingestion's
 * counts (tables/reconciliation.json), and what the rerun changes (the stage it starts from, the
 * scenario file it reads instead of the case's).
 */
public record Resumed(
    String from,
    String scenarioFile,
    String casePath,
    String scenarioSha256,
    String previousManifestSha256,
    Map<String, Long> tables,
    Map<String, Object> content,
    IngestResult ingest) {

  /**
   * Reads the finished run in {@code out}; {@link IllegalArgumentException} when the folder holds
   * no finished run (no run summary or manifest: it never finished, or a run into it failed).
   */
  public static Resumed read(Configuration conf, OutputLayout out, String from, String scenarioFile)
      throws IOException {
    byte[] manifestBytes = bytes(conf, out.manifest());
    byte[] summaryBytes = bytes(conf, out.runSummary());
    if (manifestBytes == null || summaryBytes == null) {
      throw new IllegalArgumentException(
          out.root()
              + " holds no finished run (no "
              + (summaryBytes == null ? "run-summary.json" : "manifest.json")
              + "): run the whole pipeline into it first (aftermath run --out "
              + out.root()
              + ")");
    }
    ObjectMapper json = new ObjectMapper();
    JsonNode manifest = json.readTree(manifestBytes);
    JsonNode summary = json.readTree(summaryBytes);
    Map<String, Long> tables = new LinkedHashMap<>();
    Map<String, Object> content = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = manifest.path("tables").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> t = it.next();
      tables.put(t.getKey(), t.getValue().path("rows").asLong());
      content.put(t.getKey(), json.convertValue(t.getValue(), Map.class));
    }
    Map<String, FileCounts> files = new TreeMap<>();
    byte[] reconciliation = bytes(conf, new Path(out.tables(), "reconciliation.json"));
    if (reconciliation != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = json.readTree(reconciliation).fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        JsonNode c = f.getValue();
        Map<String, Long> byReason = new TreeMap<>();
        c.path("by_reason")
            .fields()
            .forEachRemaining(r -> byReason.put(r.getKey(), r.getValue().asLong()));
        files.put(
            f.getKey(),
            new FileCounts(
                c.path("table").asText(),
                c.path("read").asLong(),
                c.path("valid").asLong(),
                c.path("quarantined").asLong(),
                c.path("duplicates").asLong(),
                byReason));
      }
    }
    return new Resumed(
        from,
        scenarioFile,
        summary.path("case").asText(null),
        manifest.path("scenario_sha256").asText(null),
        RunManifest.sha256(manifestBytes),
        tables,
        content,
        new IngestResult(files, Map.of(), List.of()));
  }

  /** What the run summary and manifest record of the resumption. */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("stage", from);
    m.put("scenario", scenarioFile);
    m.put("previous_manifest_sha256", previousManifestSha256);
    return m;
  }

  private static byte[] bytes(Configuration conf, Path file) throws IOException {
    FileSystem fs = file.getFileSystem(conf);
    try (InputStream in = fs.open(file)) {
      return in.readAllBytes();
    } catch (FileNotFoundException e) {
      return null;
    }
  }
}

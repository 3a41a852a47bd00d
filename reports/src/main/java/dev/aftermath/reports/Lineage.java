package dev.aftermath.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Data lineage for the legal report: the case's input files with their size and SHA-256, and the
 * ingestion's reconciliation per table (rows read = valid + quarantined + duplicates) with the
 * quarantine reasons.
 */
final class Lineage {
  private Lineage() {}

  /** One table's reconciliation. */
  record Reconciled(String table, long read, long valid, long quarantined, long duplicates) {
    /** Whether every record read is accounted for: valid, quarantined or a duplicate. */
    boolean balances() {
      return read == valid + quarantined + duplicates;
    }
  }

  /** Per table, summed over its files; and the quarantine reasons with their counts. */
  static List<Reconciled> reconciliation(Path out, Map<String, Long> reasons) {
    Path json = out.resolve("tables").resolve("reconciliation.json");
    List<Reconciled> rows = new ArrayList<>();
    if (!Files.isRegularFile(json)) {
      return rows;
    }
    Map<String, long[]> byTable = new TreeMap<>();
    try {
      JsonNode root = new ObjectMapper().readTree(json.toFile());
      root.fields()
          .forEachRemaining(
              f -> {
                JsonNode n = f.getValue();
                long[] s = byTable.computeIfAbsent(n.path("table").asText(), k -> new long[4]);
                s[0] += n.path("read").asLong();
                s[1] += n.path("valid").asLong();
                s[2] += n.path("quarantined").asLong();
                s[3] += n.path("duplicates").asLong();
                n.path("by_reason")
                    .fields()
                    .forEachRemaining(
                        r -> reasons.merge(r.getKey(), r.getValue().asLong(), Long::sum));
              });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + json, e);
    }
    byTable.forEach((t, s) -> rows.add(new Reconciled(t, s[0], s[1], s[2], s[3])));
    return rows;
  }
}

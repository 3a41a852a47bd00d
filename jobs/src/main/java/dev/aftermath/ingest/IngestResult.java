package dev.aftermath.ingest;

import java.util.List;
import java.util.Map;

/** What ingestion read and wrote: per-file reconciliation, table sizes, examples of rejects. */
public record IngestResult(
    Map<String, FileCounts> files, Map<String, Long> tablesWritten, List<QuarantinedRow> examples) {
  public IngestResult {
    files = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(files));
    tablesWritten =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tablesWritten));
    examples = List.copyOf(examples);
  }

  /** Rows read over all files. */
  public long rowsRead() {
    return files.values().stream().mapToLong(FileCounts::read).sum();
  }

  /** Rows quarantined over all files. */
  public long rowsQuarantined() {
    return files.values().stream().mapToLong(FileCounts::quarantined).sum();
  }

  /** Duplicate rows over all files. */
  public long rowsDuplicate() {
    return files.values().stream().mapToLong(FileCounts::duplicates).sum();
  }
}

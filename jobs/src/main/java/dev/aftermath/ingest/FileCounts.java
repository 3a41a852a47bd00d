package dev.aftermath.ingest;

import java.util.Map;
import java.util.TreeMap;

/** Rows of one input file: read = valid + quarantined + duplicates, by reason. */
public record FileCounts(
    String table,
    long read,
    long valid,
    long quarantined,
    long duplicates,
    Map<String, Long> byReason) {
  public FileCounts {
    byReason = new TreeMap<>(byReason);
  }

  /** True when every row read is accounted for. */
  public boolean balanced() {
    return read == valid + quarantined + duplicates;
  }
}

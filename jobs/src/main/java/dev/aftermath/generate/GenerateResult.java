package dev.aftermath.generate;

import java.util.Map;

/** What the generator wrote: rows per case table and per truth table. */
public record GenerateResult(
    String casePath, String truthPath, Map<String, Long> caseRows, Map<String, Long> truthRows) {
  public GenerateResult {
    caseRows = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(caseRows));
    truthRows = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(truthRows));
  }
}

package dev.aftermath.reports;

/**
 * What the reports say about the run itself: the case's name and folder (null when unknown), its
 * files as the reports read them (the input files' lineage, {@code facts.yaml}), the currency, when
 * the reports were rendered (in the scenario's time zone), and the engine's version.
 */
public record RunInfo(
    String caseName,
    String casePath,
    CaseFiles caseFiles,
    String currency,
    String generatedAt,
    String engineVersion) {
  /** A run whose case folder, if known, is on local disk. */
  public RunInfo(
      String caseName, String casePath, String currency, String generatedAt, String engineVersion) {
    this(caseName, casePath, CaseFiles.local(casePath), currency, generatedAt, engineVersion);
  }
}

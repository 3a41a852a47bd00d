package dev.aftermath.reports;

/**
 * What the reports say about the run itself: the case's name and folder (for the input files'
 * lineage; null when unknown), the currency, when the reports were rendered (in the scenario's time
 * zone), and the engine's version.
 */
public record RunInfo(
    String caseName, String casePath, String currency, String generatedAt, String engineVersion) {}

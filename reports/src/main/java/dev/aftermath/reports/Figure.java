package dev.aftermath.reports;

/**
 * One figure of a report as shown: its label, its formatted value, its interval (may be empty), and
 * where it comes from ({@code table.column}, or "quoted" for a public figure).
 */
public record Figure(String label, String value, String interval, String source) {}

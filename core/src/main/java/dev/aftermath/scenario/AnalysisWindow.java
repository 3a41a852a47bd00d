package dev.aftermath.scenario;

import java.time.LocalDate;

/** The days examined: history for learning normal behaviour, and the horizon for recovery. */
public record AnalysisWindow(LocalDate historyStart, LocalDate horizonEnd) {}

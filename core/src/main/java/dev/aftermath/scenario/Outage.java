package dev.aftermath.scenario;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/** The outage window in scenario-local time, with its optional phases. */
public record Outage(LocalDateTime start, LocalDateTime end, List<Phase> phases) {
  public Outage {
    phases = List.copyOf(phases);
  }

  /** Length of the outage in hours. */
  public double hours() {
    return Duration.between(start, end).toSeconds() / 3600.0;
  }

  /** One stage of the outage: what was available from {@code from} to {@code to}. */
  public record Phase(LocalDateTime from, LocalDateTime to, String label) {}
}

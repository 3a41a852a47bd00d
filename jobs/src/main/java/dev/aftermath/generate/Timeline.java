package dev.aftermath.generate;

import dev.aftermath.scenario.Outage;
import dev.aftermath.scenario.Scenario;
import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** The hour grid of the analysis window: hour 0 is the history start's midnight. */
final class Timeline implements Serializable {
  final LocalDateTime origin;
  final int hours;
  final double outageStart;
  final double outageEnd;

  /** Phase boundaries in hours, and each phase's index in the scenario. */
  final double[] phaseFrom;

  final double[] phaseTo;

  Timeline(Scenario scenario) {
    origin = scenario.historyStartTime();
    hours = (int) Duration.between(origin, scenario.horizonEndExclusive()).toHours();
    outageStart = hourOf(scenario.outage().start());
    outageEnd = hourOf(scenario.outage().end());
    var phases = scenario.outage().phases();
    phaseFrom = new double[phases.size()];
    phaseTo = new double[phases.size()];
    for (int i = 0; i < phases.size(); i++) {
      Outage.Phase p = phases.get(i);
      phaseFrom[i] = hourOf(p.from());
      phaseTo[i] = hourOf(p.to());
    }
  }

  double hourOf(LocalDateTime t) {
    return Duration.between(origin, t).toSeconds() / 3600.0;
  }

  double hourOf(LocalDate d) {
    return hourOf(d.atStartOfDay());
  }

  LocalDateTime time(double hour) {
    return origin.plusSeconds((long) Math.floor(hour * 3600));
  }

  LocalDate day(int dayIndex) {
    return origin.toLocalDate().plusDays(dayIndex);
  }

  int days() {
    return hours / 24;
  }

  /** Index of the outage phase containing {@code hour}, or -1 outside the phases. */
  int phase(double hour) {
    for (int i = 0; i < phaseFrom.length; i++) {
      if (hour >= phaseFrom[i] && hour < phaseTo[i]) {
        return i;
      }
    }
    return -1;
  }
}

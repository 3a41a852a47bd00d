package dev.aftermath.generate;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A demand multiplier over calendar days, linear between anchor dates and flat outside them: how
 * COVID-19 moved an industry's demand relative to normal (1.0).
 */
public final class ShockCurve implements Serializable {
  private final LocalDate[] dates;
  private final double[] values;

  private ShockCurve(LocalDate[] dates, double[] values) {
    this.dates = dates;
    this.values = values;
  }

  /** Anchors as alternating "YYYY-MM-DD", value pairs, in date order. */
  static ShockCurve of(Object... anchors) {
    int n = anchors.length / 2;
    LocalDate[] d = new LocalDate[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = LocalDate.parse((String) anchors[2 * i]);
      v[i] = ((Number) anchors[2 * i + 1]).doubleValue();
    }
    return new ShockCurve(d, v);
  }

  /** The multiplier on {@code day}. */
  public double at(LocalDate day) {
    if (!day.isAfter(dates[0])) {
      return values[0];
    }
    for (int i = 1; i < dates.length; i++) {
      if (!day.isAfter(dates[i])) {
        double span = ChronoUnit.DAYS.between(dates[i - 1], dates[i]);
        double w = ChronoUnit.DAYS.between(dates[i - 1], day) / span;
        return values[i - 1] + w * (values[i] - values[i - 1]);
      }
    }
    return values[values.length - 1];
  }
}

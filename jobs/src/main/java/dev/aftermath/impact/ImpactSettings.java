package dev.aftermath.impact;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What every merchant's model shares: the calendar, the outage as day fractions, the control series
 * and hour-of-day shares per industry, and the simulation settings.
 *
 * @param origin day 0 of all day-indexed arrays (the history start)
 * @param outageDay index of the outage's first day; {@code startFraction} of its demand comes after
 *     the outage began (from the industry's hour profile)
 * @param endDay index of the outage's last day; {@code endFraction} of its demand comes before the
 *     outage ended
 * @param horizonDay index of the last day examined
 * @param control per industry, the control series by day index (absent: no control)
 * @param hourShares per industry, the share of a day's revenue in each hour
 * @param levelDrift per industry, how far the peers' weekly revenue level (relative to the control
 *     series where there is one) moves from one week to the next: the sd of the log change, the
 *     random-walk step used where a merchant's own history cannot carry the forecast
 * @param rampUp per industry (and {@link RampUp#PLATFORM}), sales by age on the platform relative
 *     to the first four weeks ({@link RampUp})
 * @param priors per industry, the pooled priors of the trend and control coefficients (empty: the
 *     defaults of {@link CounterfactualModel})
 */
public record ImpactSettings(
    LocalDate origin,
    int outageDay,
    int startHour,
    int endDay,
    int endHour,
    int horizonDay,
    Map<String, double[]> control,
    Map<String, double[]> hourShares,
    Map<String, Double> levelDrift,
    int fitDays,
    int draws,
    long seed,
    Map<String, double[]> priors,
    Map<String, double[]> rampUp)
    implements Serializable {

  /** The same settings with per-industry priors {trend mean, sd, control coefficient mean, sd}. */
  ImpactSettings withPriors(Map<String, double[]> industryPriors) {
    return with(draws, Collections.unmodifiableMap(new TreeMap<>(industryPriors)));
  }

  /**
   * The same settings without simulation draws: enough for a pass that only needs each merchant's
   * fitted coefficients.
   */
  ImpactSettings withoutDraws() {
    return with(0, priors);
  }

  private ImpactSettings with(int newDraws, Map<String, double[]> newPriors) {
    return new ImpactSettings(
        origin,
        outageDay,
        startHour,
        endDay,
        endHour,
        horizonDay,
        control,
        hourShares,
        levelDrift,
        fitDays,
        newDraws,
        seed,
        newPriors,
        rampUp);
  }

  /** Share of the industry's daily demand from {@code hour} on. */
  double shareFrom(String industry, int hour) {
    double[] s = hourShares.get(industry);
    if (s == null) {
      return (24 - hour) / 24.0;
    }
    double sum = 0;
    for (int h = hour; h < 24; h++) {
      sum += s[h];
    }
    return sum;
  }
}

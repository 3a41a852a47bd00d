package dev.aftermath.generate;

import java.time.LocalDate;

/**
 * One merchant's demand over the hour grid: new customers' arrival intensity by day, and the
 * running sums of the purchase intensity by hour without the outage and with it. Demand moves with
 * the industry's COVID curve, the weekday and hour, the merchant's trend and any growth spurt.
 */
final class DemandPath {
  /** Arrival intensity of new customers by day (relative to normal). */
  private final double[] arrivals;

  /** Running sum of the purchase intensity by hour, without the outage; {@code cum[0] = 0}. */
  private final double[] cum;

  /** The same with each hour scaled by its availability. */
  private final double[] cumActual;

  /** Availability by hour (see {@link OutageRecovery}). */
  private final double[] avail;

  private DemandPath(double[] arrivals, double[] cum, double[] cumActual, double[] avail) {
    this.arrivals = arrivals;
    this.cum = cum;
    this.cumActual = cumActual;
    this.avail = avail;
  }

  static DemandPath of(Timeline tl, MerchantProfile p, OutageRecovery recovery) {
    Industry ind = p.industry();
    double[] day = new double[tl.days()];
    // new customers arrive with the industry's demand and the merchant's trend; a growth spurt is
    // existing customers buying more often (community group-buying in the lockdown), not arrivals
    double[] arrivals = new double[tl.days()];
    for (int d = 0; d < day.length; d++) {
      LocalDate date = tl.day(d);
      // the merchant feels its industry's shock to the power of its sensitivity
      double covid = Math.pow(ind.covid().at(date), p.covidSensitivity());
      double growth =
          p.growthFactor() <= 1
              ? 1
              : 1 + (p.growthFactor() - 1) / (1 + Math.exp(-(d - p.growthMidDay()) / 4.0));
      arrivals[d] =
          covid * ind.weekday(date.getDayOfWeek()) * Math.exp(p.annualTrend() * d / 365.0);
      day[d] = arrivals[d] * growth;
    }
    int hours = tl.hours;
    double[] cum = new double[hours + 1];
    double[] cumActual = new double[hours + 1];
    double[] avail = new double[hours];
    for (int h = 0; h < hours; h++) {
      double rate = day[h / 24] * ind.hourShare(h % 24);
      avail[h] = recovery.availability(h + 0.5);
      cum[h + 1] = cum[h] + rate;
      cumActual[h + 1] = cumActual[h] + rate * avail[h];
    }
    return new DemandPath(arrivals, cum, cumActual, avail);
  }

  /** Number of days on the grid. */
  int days() {
    return arrivals.length;
  }

  /** Arrival intensity of new customers on {@code day}. */
  double arrivals(int day) {
    return arrivals[day];
  }

  /** Availability in the hour containing {@code hour}. */
  double availability(double hour) {
    return avail[(int) hour];
  }

  /** Purchase intensity summed up to {@code hour}, without the outage. */
  double normal(double hour) {
    return value(cum, hour);
  }

  /** Purchase intensity summed up to {@code hour}, with the outage. */
  double actual(double hour) {
    return value(cumActual, hour);
  }

  /** The hour at which the intensity without the outage sums to {@code level}. */
  double hourOfNormal(double level) {
    return invert(cum, level);
  }

  /** The running sum at a fractional hour (linear within the hour). */
  private static double value(double[] cum, double hour) {
    if (hour <= 0) {
      return 0;
    }
    int k = (int) hour;
    if (k >= cum.length - 1) {
      return cum[cum.length - 1];
    }
    return cum[k] + (hour - k) * (cum[k + 1] - cum[k]);
  }

  /** The fractional hour at which the running sum reaches {@code level}. */
  private static double invert(double[] cum, double level) {
    int lo = 0;
    int hi = cum.length - 1;
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (cum[mid] <= level) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double step = cum[lo + 1] - cum[lo];
    return step <= 0 ? lo : lo + (level - cum[lo]) / step;
  }
}

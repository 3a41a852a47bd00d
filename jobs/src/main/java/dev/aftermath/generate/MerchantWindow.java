package dev.aftermath.generate;

/**
 * The hours in which a merchant is observed, from its signup (or the history start) to the end of
 * the day it left the platform (or the horizon end), and its impact period: the same, from the
 * outage start on.
 *
 * @param signup first hour on the platform
 * @param observedEnd hour after the last on the platform
 * @param impactStart outage start, or signup if later
 * @param onPlatformAtOutage whether the merchant was an existing one still on the platform when the
 *     outage began
 */
record MerchantWindow(
    double signup, double observedEnd, double impactStart, boolean onPlatformAtOutage) {

  static MerchantWindow of(Timeline tl, MerchantProfile p) {
    double signupHour = Math.max(0, tl.hourOf(p.signupDate()));
    double obsEnd =
        p.leftPlatformAt() == null
            ? tl.hours
            : Math.min(tl.hours, tl.hourOf(p.leftPlatformAt().plusDays(1)));
    boolean onPlatformAtOutage =
        !p.isNew()
            && (p.leftPlatformAt() == null
                || tl.hourOf(p.leftPlatformAt().plusDays(1)) > tl.outageStart);
    return new MerchantWindow(
        signupHour, obsEnd, Math.max(tl.outageStart, signupHour), onPlatformAtOutage);
  }

  /** Hour after the impact period's last: the end of observation. */
  double impactEnd() {
    return observedEnd;
  }

  /** Whether {@code hour} lies in the impact period. */
  boolean inImpact(double hour) {
    return hour >= impactStart && hour < impactEnd();
  }

  /** Whether the merchant is on the platform at {@code hour}. */
  boolean observed(double hour) {
    return hour >= signup && hour < observedEnd;
  }
}

package dev.aftermath.scenario;

import java.util.Comparator;
import java.util.List;

/**
 * A cloud-style service-credit policy: tiers of monthly uptime (in percent) below which a share of
 * that month's fee is credited. The highest credit whose threshold the month's uptime is below
 * applies.
 */
public record SlaCreditTerms(List<Tier> tiers) {
  /** Uptime below {@code belowPct} percent credits {@code credit} (a share of the month's fee). */
  public record Tier(double belowPct, double credit) {}

  /** The defaults: below 99.99% → 10%, below 99% → 30%, below 95% → 100%. */
  public static SlaCreditTerms defaults() {
    return new SlaCreditTerms(
        List.of(new Tier(99.99, 0.10), new Tier(99.0, 0.30), new Tier(95.0, 1.00)));
  }

  public SlaCreditTerms {
    tiers = List.copyOf(tiers);
  }

  /** The share of the month's fee credited for an uptime of {@code uptimePct} percent. */
  public double creditFor(double uptimePct) {
    return tiers.stream()
        .filter(t -> uptimePct < t.belowPct())
        .map(Tier::credit)
        .max(Comparator.naturalOrder())
        .orElse(0.0);
  }
}

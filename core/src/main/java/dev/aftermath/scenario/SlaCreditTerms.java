package dev.aftermath.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

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

  /** Reads key {@code schemes.sla_credit} (optional) of {@code schemes}: its tiers or defaults. */
  static SlaCreditTerms read(ScenarioYaml yaml, Map<String, Object> schemes) {
    Map<String, Object> sla = yaml.map(schemes, "schemes.sla_credit", false);
    if (sla == null || sla.get("tiers") == null) {
      return defaults();
    }
    List<Tier> tiers = new ArrayList<>();
    List<Map<String, Object>> rows = yaml.maps(sla, "schemes.sla_credit.tiers");
    for (int i = 0; i < rows.size(); i++) {
      String key = "schemes.sla_credit.tiers[" + i + "]";
      Double below = yaml.number(rows.get(i), key + ".below", true);
      Double credit = yaml.number(rows.get(i), key + ".credit", true);
      if (below != null && (below <= 0 || below > 100)) {
        yaml.problem(key + ".below", "'" + below + "' is not an uptime percentage in (0, 100]");
      } else if (credit != null && (credit < 0 || credit > 1)) {
        yaml.problem(key + ".credit", "'" + credit + "' is not a share of the fee in [0, 1]");
      } else if (below != null && credit != null) {
        tiers.add(new Tier(below, credit));
      }
    }
    return new SlaCreditTerms(tiers);
  }
}

package dev.aftermath.scenario;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A payout scheme defined in {@code scenario.yaml} under {@code schemes.custom} (syntax in the
 * README, "Payout schemes"). Exactly one of: the cash formula with some of its terms changed
 * ({@code cash}), another scheme ({@code of}), the largest ({@code max}) or the sum ({@code sum})
 * of other schemes; then an optional {@code floor} and {@code cap}.
 */
public record CustomScheme(
    String name, Kind kind, CashVariant cash, List<String> parts, Double floor, Double cap) {

  /** How the scheme's value is made before the floor and cap. */
  public enum Kind {
    CASH,
    OF,
    MAX,
    SUM
  }

  /**
   * The cash formula's terms that differ from the published plan; null fields keep the plan's.
   * {@code counterfactualBaseline}: the merchant's estimated no-outage daily revenue over the
   * outage days instead of the baseline window. {@code phasesExisting}/{@code phasesNew}: the
   * duration is the hours of these outage phases (1-based), per merchant by whether it is existing
   * or new.
   */
  public record CashVariant(
      LocalDateTime baselineStart,
      LocalDateTime baselineEnd,
      boolean counterfactualBaseline,
      Double durationHours,
      List<Integer> phasesExisting,
      List<Integer> phasesNew) {

    /** Reads the mapping {@code m} at {@code key}, or null when it is null. */
    static CashVariant read(
        ScenarioYaml yaml, Map<String, Object> m, String key, ZoneId zone, int phaseCount) {
      if (m == null) {
        return null;
      }
      LocalDateTime from = yaml.timestamp(m, key + ".baseline_start", zone, false);
      LocalDateTime to = yaml.timestamp(m, key + ".baseline_end", zone, false);
      if ((from == null) != (to == null)) {
        yaml.problem(key, "give both baseline_start and baseline_end, or neither");
      } else if (from != null && !to.isAfter(from)) {
        yaml.problem(key + ".baseline_end", "'" + to + "' is not after baseline_start");
      }
      String baseline = yaml.text(m, key + ".baseline", false);
      if (baseline != null && !baseline.equals("counterfactual")) {
        yaml.problem(key + ".baseline", "'" + baseline + "' is not 'counterfactual'");
      }
      if (baseline != null && from != null) {
        yaml.problem(key, "give baseline: counterfactual or a baseline window, not both");
      }
      Double hours = yaml.number(m, key + ".duration_hours", false);
      if (hours != null && hours < 0) {
        yaml.problem(key + ".duration_hours", "'" + hours + "' is negative");
      }
      Map<String, Object> phases = yaml.map(m, key + ".duration_phases", false);
      List<Integer> existing = null;
      List<Integer> fresh = null;
      if (phases != null) {
        if (hours != null) {
          yaml.problem(key, "give duration_hours or duration_phases, not both");
        }
        existing = phaseNumbers(yaml, phases, key + ".duration_phases.existing", phaseCount);
        fresh = phaseNumbers(yaml, phases, key + ".duration_phases.new", phaseCount);
      }
      return new CashVariant(from, to, baseline != null, hours, existing, fresh);
    }

    private static List<Integer> phaseNumbers(
        ScenarioYaml yaml, Map<String, Object> m, String key, int phaseCount) {
      List<Integer> out = new ArrayList<>();
      for (String v : yaml.names(m, key)) {
        try {
          int n = Integer.parseInt(v);
          if (n < 1 || n > phaseCount) {
            yaml.problem(key, "'" + v + "' is not a phase number from 1 to " + phaseCount);
          } else {
            out.add(n);
          }
        } catch (NumberFormatException e) {
          yaml.problem(key, "'" + v + "' is not a phase number");
        }
      }
      return out;
    }
  }

  public CustomScheme {
    parts = parts == null ? List.of() : List.copyOf(parts);
  }

  /** The scheme's column in {@code merchant_payout}: {@code <name>_payout}. */
  public PayoutColumn payoutColumn() {
    return new PayoutColumn(name + "_payout", name);
  }

  /**
   * Reads the custom scheme {@code m} at {@code key} (e.g. {@code schemes.custom[0]}), or null when
   * it cannot be used; {@code known}: the schemes it may refer to (and whose names it may not
   * take). {@code phaseCount}: the outage's phases.
   */
  static CustomScheme read(
      ScenarioYaml yaml,
      Map<String, Object> m,
      String key,
      ZoneId zone,
      int phaseCount,
      List<String> known) {
    String name = yaml.text(m, key + ".name", true);
    if (name == null) {
      return null;
    }
    if (!name.matches("[a-z][a-z0-9_]{0,40}")) {
      yaml.problem(
          key + ".name", "'" + name + "' is not a name of lower-case letters, digits and _");
      return null;
    }
    if (known.contains(name)) {
      yaml.problem(key + ".name", "'" + name + "' is already a scheme");
      return null;
    }
    List<String> kinds = new ArrayList<>();
    for (String k : List.of("cash", "of", "max", "sum")) {
      if (m.get(k) != null) {
        kinds.add(k);
      }
    }
    if (kinds.size() != 1) {
      yaml.problem(key, "give exactly one of cash, of, max, sum (found " + kinds + ")");
      return null;
    }
    Double floor = yaml.number(m, key + ".floor", false);
    Double cap = yaml.number(m, key + ".cap", false);
    if (floor != null && cap != null && floor > cap) {
      yaml.problem(key + ".floor", "'" + floor + "' is above the cap '" + cap + "'");
    }
    String kind = kinds.get(0);
    List<String> parts = new ArrayList<>();
    CashVariant cash = null;
    switch (kind) {
      case "of" -> parts.add(yaml.text(m, key + ".of", true));
      case "max", "sum" -> parts.addAll(yaml.names(m, key + "." + kind));
      default ->
          cash =
              CashVariant.read(
                  yaml, yaml.map(m, key + ".cash", true), key + ".cash", zone, phaseCount);
    }
    for (String part : parts) {
      if (!known.contains(part)) {
        yaml.problem(key + "." + kind, "'" + part + "' is not a scheme defined before " + name);
      }
    }
    return new CustomScheme(
        name, Kind.valueOf(kind.toUpperCase(Locale.ROOT)), cash, parts, floor, cap);
  }
}

package dev.aftermath.scenario;

import java.time.LocalDateTime;
import java.util.List;

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
      List<Integer> phasesNew) {}

  public CustomScheme {
    parts = parts == null ? List.of() : List.copyOf(parts);
  }
}

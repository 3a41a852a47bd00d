package dev.aftermath.schemes;

import dev.aftermath.scenario.BuiltInScheme;
import dev.aftermath.scenario.CustomScheme;
import dev.aftermath.scenario.Outage;
import dev.aftermath.scenario.Scenario;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every scheme's value for one merchant, in the order the scenario defines them: the built-in ones
 * ({@link BuiltInScheme}, each valued by its class in {@link BuiltInSchemes}), then the
 * user-defined schemes, each able to use those before it.
 */
public final class SchemeValues {
  /** The key under which the published cash plan's baseline window revenue is passed. */
  public static final String CASH_WINDOW = BuiltInScheme.CASH.schemeName();

  private final Scenario scenario;
  private final Map<String, Double> marginRates;
  private final Map<BuiltInScheme, PayoutScheme> builtIn;

  public SchemeValues(Scenario scenario, Map<String, Double> marginRates) {
    this.scenario = scenario;
    this.marginRates = marginRates;
    this.builtIn = BuiltInSchemes.of(scenario);
  }

  /**
   * One merchant's values: scheme name → payout; also the parts a built-in scheme reports apart
   * (the traffic plan's two).
   */
  public Map<String, BigDecimal> of(MerchantPayoutInput m) {
    Map<String, BigDecimal> v = new LinkedHashMap<>();
    double rate = marginRates.get(m.industry());
    for (PayoutScheme scheme : builtIn.values()) {
      scheme.addValues(m, rate, v);
    }
    for (CustomScheme c : scenario.schemes().custom()) {
      v.put(c.name(), bounded(c, raw(c, m, v, rate)));
    }
    return v;
  }

  private BigDecimal raw(
      CustomScheme c, MerchantPayoutInput m, Map<String, BigDecimal> v, double rate) {
    return switch (c.kind()) {
      case OF -> v.get(c.parts().get(0));
      case MAX -> c.parts().stream().map(v::get).reduce(BigDecimal::max).orElseThrow();
      case SUM -> c.parts().stream().map(v::get).reduce(BigDecimal.ZERO, BigDecimal::add);
      case CASH -> cashVariant(c, m, rate);
    };
  }

  private BigDecimal cashVariant(CustomScheme c, MerchantPayoutInput m, double rate) {
    CustomScheme.CashVariant t = c.cash();
    var plan = scenario.cash();
    BigDecimal daily;
    if (t.counterfactualBaseline()) {
      Double cf = m.counterfactualDaily();
      daily = cf == null || cf.isNaN() ? BigDecimal.ZERO : BigDecimal.valueOf(Math.max(0, cf));
    } else if (t.baselineStart() != null) {
      daily =
          CashPlan.averageDaily(
              m.windowRevenue().get(c.name()), CashPlan.days(t.baselineStart(), t.baselineEnd()));
    } else {
      daily =
          CashPlan.averageDaily(
              m.windowRevenue().get(CASH_WINDOW),
              CashPlan.days(plan.baselineStart(), plan.baselineEnd()));
    }
    double hours = plan.durationHours();
    if (t.durationHours() != null) {
      hours = t.durationHours();
    } else if (t.phasesExisting() != null) {
      hours = phaseHours(m.existing() ? t.phasesExisting() : t.phasesNew());
    }
    return CashPlan.payout(daily, rate, hours);
  }

  /** Total hours of the given outage phases (1-based). */
  double phaseHours(List<Integer> phases) {
    List<Outage.Phase> all = scenario.outage().phases();
    double hours = 0;
    for (int p : phases) {
      Outage.Phase phase = all.get(p - 1);
      hours += Duration.between(phase.from(), phase.to()).toSeconds() / 3600.0;
    }
    return hours;
  }

  private static BigDecimal bounded(CustomScheme c, BigDecimal value) {
    BigDecimal out = value;
    if (c.floor() != null) {
      out = out.max(money(c.floor()));
    }
    if (c.cap() != null) {
      out = out.min(money(c.cap()));
    }
    return out;
  }

  static BigDecimal money(double v) {
    return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
  }
}

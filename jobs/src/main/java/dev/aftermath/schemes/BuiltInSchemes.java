package dev.aftermath.schemes;

import dev.aftermath.scenario.BuiltInScheme;
import dev.aftermath.scenario.Scenario;
import java.util.EnumMap;
import java.util.Map;

/** The class that values each {@link BuiltInScheme}, under the scenario's terms. */
final class BuiltInSchemes {
  private BuiltInSchemes() {}

  /** Each built-in scheme's valuation, in the order of {@link BuiltInScheme}. */
  static Map<BuiltInScheme, PayoutScheme> of(Scenario scenario) {
    Map<BuiltInScheme, PayoutScheme> out = new EnumMap<>(BuiltInScheme.class);
    for (BuiltInScheme s : BuiltInScheme.values()) {
      out.put(s, of(s, scenario));
    }
    return out;
  }

  private static PayoutScheme of(BuiltInScheme scheme, Scenario scenario) {
    return switch (scheme) {
      case CASH -> new CashScheme(scenario.cash());
      case TRAFFIC -> new TrafficScheme(scenario.traffic());
      case SLA_CREDIT -> new SlaCreditScheme(scenario.schemes().sla(), scenario.outage());
      case ACTUAL_LOSS -> new ActualLossScheme();
    };
  }
}

package dev.aftermath.scenario;

import dev.aftermath.InvalidCaseException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads {@code scenario.yaml} into a {@link Scenario}, collecting every problem before failing.
 * YAML 1.2 core schema: timestamps stay text and are parsed here in the scenario's time zone.
 */
public final class ScenarioLoader {
  private final String file;
  private final List<String> problems = new ArrayList<>();

  private ScenarioLoader(String file) {
    this.file = file;
  }

  /** Parses the YAML text of {@code file}; throws {@link InvalidCaseException} listing problems. */
  public static Scenario parse(String yamlText, String file) {
    return new ScenarioLoader(file).load(yamlText);
  }

  private Scenario load(String yamlText) {
    Object doc;
    try {
      doc = new Load(LoadSettings.builder().setLabel(file).build()).loadFromString(yamlText);
    } catch (YamlEngineException e) {
      throw new InvalidCaseException(file + ": not valid YAML: " + e.getMessage().strip());
    }
    if (!(doc instanceof Map<?, ?> root)) {
      throw new InvalidCaseException(file + ": expected a mapping of keys at the top level");
    }
    Map<String, Object> top = asMap(root);
    String name = text(top, "name", true);
    ZoneId zone = zone(top);
    String currency = text(top, "currency", true);

    Map<String, Object> outageMap = map(top, "outage", true);
    LocalDateTime start = timestamp(outageMap, "outage.start", zone, true);
    LocalDateTime end = timestamp(outageMap, "outage.end", zone, true);
    if (start != null && end != null && !end.isAfter(start)) {
      problem("outage.end", "'" + end + "' is not after outage.start '" + start + "'");
    }
    List<Outage.Phase> phases = phases(outageMap, zone);

    Map<String, Object> analysisMap = map(top, "analysis", true);
    LocalDate historyStart = date(analysisMap, "analysis.history_start");
    LocalDate horizonEnd = date(analysisMap, "analysis.horizon_end");
    if (historyStart != null && start != null && !historyStart.atStartOfDay().isBefore(start)) {
      problem("analysis.history_start", "'" + historyStart + "' is not before outage.start");
    }
    if (horizonEnd != null && end != null && horizonEnd.plusDays(1).atStartOfDay().isBefore(end)) {
      problem("analysis.horizon_end", "'" + horizonEnd + "' ends before outage.end");
    }

    Map<String, Object> schemes = map(top, "schemes", true);
    CashPlanTerms cash = cash(map(schemes, "schemes.cash", true), zone);
    if (cash != null
        && cash.baselineEnd() != null
        && start != null
        && cash.baselineEnd().isAfter(start)) {
      problem(
          "schemes.cash.baseline_end",
          "'"
              + cash.baselineEnd()
              + "' is after outage.start: the baseline must precede the outage");
    }
    TrafficPlanTerms traffic = traffic(map(schemes, "schemes.traffic", true));
    PayoutSchemes payoutSchemes = payoutSchemes(schemes, zone, phases.size());

    DefectionTerms defection = defection(map(top, "defection", false));
    LiabilityTerms liability = liability(map(top, "liability", false));
    EventStudyTerms eventStudy = eventStudy(map(top, "event_study", false), start);

    Optional<Fund> fund = Optional.empty();
    Map<String, Object> fundMap = map(top, "fund", false);
    if (fundMap != null) {
      Double total = number(fundMap, "fund.total", true);
      Double company = number(fundMap, "fund.company", false);
      Double management = number(fundMap, "fund.management", false);
      if (total != null) {
        fund = Optional.of(new Fund(total, optional(company), optional(management)));
      }
    }
    Optional<ShareSymbols> share = Optional.empty();
    Map<String, Object> shareMap = map(top, "share", false);
    if (shareMap != null) {
      String symbol = text(shareMap, "share.symbol", true);
      String market = text(shareMap, "share.market", true);
      share = Optional.of(new ShareSymbols(symbol, market));
    }
    if (!problems.isEmpty()) {
      throw new InvalidCaseException(problems);
    }
    return new Scenario(
        name,
        zone,
        currency,
        new Outage(start, end, phases),
        new AnalysisWindow(historyStart, horizonEnd),
        cash,
        traffic,
        payoutSchemes,
        defection,
        liability,
        eventStudy,
        fund,
        share,
        top);
  }

  private ZoneId zone(Map<String, Object> top) {
    String tz = text(top, "timezone", true);
    if (tz == null) {
      return ZoneId.of("UTC");
    }
    try {
      return ZoneId.of(tz);
    } catch (DateTimeException e) {
      problem(
          "timezone",
          "'" + tz + "' is not a known time zone (use an IANA name such as Asia/Shanghai)");
      return ZoneId.of("UTC");
    }
  }

  private List<Outage.Phase> phases(Map<String, Object> outage, ZoneId zone) {
    List<Outage.Phase> phases = new ArrayList<>();
    if (outage == null || outage.get("phases") == null) {
      return phases;
    }
    if (!(outage.get("phases") instanceof List<?> list)) {
      problem("outage.phases", "expected a list of {from, to, label}");
      return phases;
    }
    for (int i = 0; i < list.size(); i++) {
      String key = "outage.phases[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> m)) {
        problem(key, "expected a mapping {from, to, label}");
        continue;
      }
      Map<String, Object> phase = asMap(m);
      LocalDateTime from = timestamp(phase, key + ".from", zone, true);
      LocalDateTime to = timestamp(phase, key + ".to", zone, true);
      String label = text(phase, key + ".label", true);
      // An unquoted label with a comma in a flow mapping ({..., label: a, b}) reads as a key "b"
      // without a value (the contract's own example does this): keep the label whole.
      for (Map.Entry<String, Object> extra : phase.entrySet()) {
        if (label != null
            && extra.getValue() == null
            && !Set.of("from", "to", "label").contains(extra.getKey())) {
          label = label + ", " + extra.getKey();
        }
      }
      if (from != null && to != null && !to.isAfter(from)) {
        problem(key + ".to", "'" + to + "' is not after from '" + from + "'");
      }
      if (from != null && to != null && label != null) {
        phases.add(new Outage.Phase(from, to, label));
      }
    }
    return phases;
  }

  private CashPlanTerms cash(Map<String, Object> cash, ZoneId zone) {
    if (cash == null) {
      return null;
    }
    LocalDateTime from = timestamp(cash, "schemes.cash.baseline_start", zone, true);
    LocalDateTime to = timestamp(cash, "schemes.cash.baseline_end", zone, true);
    if (from != null && to != null && !to.isAfter(from)) {
      problem("schemes.cash.baseline_end", "'" + to + "' is not after baseline_start");
    }
    Double hours = number(cash, "schemes.cash.duration_hours", true);
    Map<String, Double> rates = new LinkedHashMap<>();
    Map<String, Object> rateMap = map(cash, "schemes.cash.margin_rates", true);
    if (rateMap != null) {
      for (String industry : rateMap.keySet()) {
        Double rate = number(rateMap, "schemes.cash.margin_rates." + industry, true);
        if (rate != null && (rate < 0 || rate > 1)) {
          problem(
              "schemes.cash.margin_rates." + industry, "'" + rate + "' is not a rate in [0, 1]");
        } else if (rate != null) {
          rates.put(industry, rate);
        }
      }
    }
    return new CashPlanTerms(from, to, hours == null ? 0 : hours, rates);
  }

  private PayoutSchemes payoutSchemes(Map<String, Object> schemes, ZoneId zone, int phaseCount) {
    PayoutSchemes defaults = PayoutSchemes.defaults();
    if (schemes == null) {
      return defaults;
    }
    SlaCreditTerms sla = defaults.sla();
    Map<String, Object> slaMap = map(schemes, "schemes.sla_credit", false);
    if (slaMap != null && slaMap.get("tiers") != null) {
      List<SlaCreditTerms.Tier> tiers = new ArrayList<>();
      List<Map<String, Object>> rows = maps(slaMap, "schemes.sla_credit.tiers");
      for (int i = 0; i < rows.size(); i++) {
        String key = "schemes.sla_credit.tiers[" + i + "]";
        Double below = number(rows.get(i), key + ".below", true);
        Double credit = number(rows.get(i), key + ".credit", true);
        if (below != null && (below <= 0 || below > 100)) {
          problem(key + ".below", "'" + below + "' is not an uptime percentage in (0, 100]");
        } else if (credit != null && (credit < 0 || credit > 1)) {
          problem(key + ".credit", "'" + credit + "' is not a share of the fee in [0, 1]");
        } else if (below != null && credit != null) {
          tiers.add(new SlaCreditTerms.Tier(below, credit));
        }
      }
      sla = new SlaCreditTerms(tiers);
    }
    List<String> known = new ArrayList<>(PayoutSchemes.BUILT_IN);
    List<CustomScheme> custom = new ArrayList<>();
    List<Map<String, Object>> rows =
        schemes.get("custom") == null ? List.of() : maps(schemes, "schemes.custom");
    for (int i = 0; i < rows.size(); i++) {
      CustomScheme c =
          customScheme(rows.get(i), "schemes.custom[" + i + "]", zone, phaseCount, known);
      if (c != null) {
        known.add(c.name());
        custom.add(c);
      }
    }
    List<String> offered = defaults.offered();
    if (schemes.get("offered") != null) {
      offered = names(schemes, "schemes.offered");
      for (String o : offered) {
        if (!known.contains(o)) {
          problem("schemes.offered", "'" + o + "' is not a scheme (known: " + known + ")");
        }
      }
      if (offered.isEmpty()) {
        problem("schemes.offered", "lists no scheme");
      }
    }
    return new PayoutSchemes(offered, sla, custom);
  }

  private CustomScheme customScheme(
      Map<String, Object> m, String key, ZoneId zone, int phaseCount, List<String> known) {
    String name = text(m, key + ".name", true);
    if (name == null) {
      return null;
    }
    if (!name.matches("[a-z][a-z0-9_]{0,40}")) {
      problem(key + ".name", "'" + name + "' is not a name of lower-case letters, digits and _");
      return null;
    }
    if (known.contains(name)) {
      problem(key + ".name", "'" + name + "' is already a scheme");
      return null;
    }
    List<String> kinds = new ArrayList<>();
    for (String k : List.of("cash", "of", "max", "sum")) {
      if (m.get(k) != null) {
        kinds.add(k);
      }
    }
    if (kinds.size() != 1) {
      problem(key, "give exactly one of cash, of, max, sum (found " + kinds + ")");
      return null;
    }
    Double floor = number(m, key + ".floor", false);
    Double cap = number(m, key + ".cap", false);
    if (floor != null && cap != null && floor > cap) {
      problem(key + ".floor", "'" + floor + "' is above the cap '" + cap + "'");
    }
    String kind = kinds.get(0);
    List<String> parts = new ArrayList<>();
    CustomScheme.CashVariant cash = null;
    switch (kind) {
      case "of" -> parts.add(text(m, key + ".of", true));
      case "max", "sum" -> parts.addAll(names(m, key + "." + kind));
      default -> cash = cashVariant(map(m, key + ".cash", true), key + ".cash", zone, phaseCount);
    }
    for (String part : parts) {
      if (!known.contains(part)) {
        problem(key + "." + kind, "'" + part + "' is not a scheme defined before " + name);
      }
    }
    return new CustomScheme(
        name,
        CustomScheme.Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)),
        cash,
        parts,
        floor,
        cap);
  }

  private CustomScheme.CashVariant cashVariant(
      Map<String, Object> m, String key, ZoneId zone, int phaseCount) {
    if (m == null) {
      return null;
    }
    LocalDateTime from = timestamp(m, key + ".baseline_start", zone, false);
    LocalDateTime to = timestamp(m, key + ".baseline_end", zone, false);
    if ((from == null) != (to == null)) {
      problem(key, "give both baseline_start and baseline_end, or neither");
    } else if (from != null && !to.isAfter(from)) {
      problem(key + ".baseline_end", "'" + to + "' is not after baseline_start");
    }
    String baseline = text(m, key + ".baseline", false);
    if (baseline != null && !baseline.equals("counterfactual")) {
      problem(key + ".baseline", "'" + baseline + "' is not 'counterfactual'");
    }
    if (baseline != null && from != null) {
      problem(key, "give baseline: counterfactual or a baseline window, not both");
    }
    Double hours = number(m, key + ".duration_hours", false);
    if (hours != null && hours < 0) {
      problem(key + ".duration_hours", "'" + hours + "' is negative");
    }
    Map<String, Object> phases = map(m, key + ".duration_phases", false);
    List<Integer> existing = null;
    List<Integer> fresh = null;
    if (phases != null) {
      if (hours != null) {
        problem(key, "give duration_hours or duration_phases, not both");
      }
      existing = phaseNumbers(phases, key + ".duration_phases.existing", phaseCount);
      fresh = phaseNumbers(phases, key + ".duration_phases.new", phaseCount);
    }
    return new CustomScheme.CashVariant(from, to, baseline != null, hours, existing, fresh);
  }

  private List<Integer> phaseNumbers(Map<String, Object> m, String key, int phaseCount) {
    List<Integer> out = new ArrayList<>();
    for (String v : names(m, key)) {
      try {
        int n = Integer.parseInt(v);
        if (n < 1 || n > phaseCount) {
          problem(key, "'" + v + "' is not a phase number from 1 to " + phaseCount);
        } else {
          out.add(n);
        }
      } catch (NumberFormatException e) {
        problem(key, "'" + v + "' is not a phase number");
      }
    }
    return out;
  }

  /** A list of plain values at {@code key} (required), as text. */
  private List<String> names(Map<String, Object> m, String key) {
    Object v = value(m, key, true);
    List<String> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (!(v instanceof List<?> list)) {
      problem(key, "expected a list such as [cash, traffic], found '" + v + "'");
      return out;
    }
    for (Object o : list) {
      out.add(String.valueOf(o));
    }
    return out;
  }

  /** A list of mappings at {@code key} (required). */
  private List<Map<String, Object>> maps(Map<String, Object> m, String key) {
    Object v = value(m, key, true);
    List<Map<String, Object>> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (!(v instanceof List<?> list)) {
      problem(key, "expected a list of mappings, found '" + v + "'");
      return out;
    }
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) instanceof Map<?, ?> item) {
        out.add(asMap(item));
      } else {
        problem(key + "[" + i + "]", "expected a mapping, found '" + list.get(i) + "'");
      }
    }
    return out;
  }

  private TrafficPlanTerms traffic(Map<String, Object> traffic) {
    if (traffic == null) {
      return null;
    }
    Double impressions = number(traffic, "schemes.traffic.impressions", true);
    Double cpm = number(traffic, "schemes.traffic.cpm", true);
    Double months = number(traffic, "schemes.traffic.extension_months", true);
    return new TrafficPlanTerms(
        impressions == null ? 0 : impressions.longValue(),
        cpm == null ? 0 : cpm,
        months == null ? 0 : months);
  }

  private void problem(String key, String what) {
    problems.add(file + ": key " + key + ": " + what);
  }

  private static String leaf(String key) {
    int dot = key.lastIndexOf('.');
    return dot < 0 ? key : key.substring(dot + 1);
  }

  private Object value(Map<String, Object> m, String key, boolean required) {
    if (m == null) {
      return null;
    }
    Object v = m.get(leaf(key));
    if (v == null && required) {
      problems.add(file + ": key " + key + " is missing");
    }
    return v;
  }

  private Map<String, Object> map(Map<String, Object> m, String key, boolean required) {
    Object v = value(m, key, required);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Map<?, ?> sub)) {
      problem(key, "expected a mapping, found '" + v + "'");
      return null;
    }
    return asMap(sub);
  }

  private String text(Map<String, Object> m, String key, boolean required) {
    Object v = value(m, key, required);
    return v == null ? null : String.valueOf(v);
  }

  private Double number(Map<String, Object> m, String key, boolean required) {
    Object v = value(m, key, required);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(String.valueOf(v).strip());
    } catch (NumberFormatException e) {
      problem(key, "'" + v + "' is not a number");
      return null;
    }
  }

  private LocalDateTime timestamp(
      Map<String, Object> m, String key, ZoneId zone, boolean required) {
    Object v = value(m, key, required);
    if (v == null) {
      return null;
    }
    try {
      return Timestamps.toLocal(String.valueOf(v), zone);
    } catch (DateTimeException e) {
      problem(key, "'" + v + "' is not an ISO-8601 timestamp such as 2020-02-23T19:00:00");
      return null;
    }
  }

  private LocalDate date(Map<String, Object> m, String key) {
    Object v = value(m, key, true);
    if (v == null) {
      return null;
    }
    try {
      return Timestamps.date(String.valueOf(v));
    } catch (DateTimeException e) {
      problem(key, "'" + v + "' is not a date YYYY-MM-DD");
      return null;
    }
  }

  private DefectionTerms defection(Map<String, Object> m) {
    DefectionTerms d = DefectionTerms.DEFAULTS;
    if (m == null) {
      return d;
    }
    Double lookback = number(m, "defection.lookback_days", false);
    Double grace = number(m, "defection.grace_days", false);
    Double months = number(m, "defection.value_horizon_months", false);
    Double rate = number(m, "defection.annual_discount_rate", false);
    int lookbackDays = whole(lookback, "defection.lookback_days", 1, d.lookbackDays());
    int graceDays = whole(grace, "defection.grace_days", 0, d.graceDays());
    int horizon = whole(months, "defection.value_horizon_months", 1, d.valueHorizonMonths());
    double discount = rate == null ? d.annualDiscountRate() : rate;
    if (!(discount >= 0 && discount < 1)) {
      problem("defection.annual_discount_rate", "'" + rate + "' must be in [0, 1)");
    }
    return new DefectionTerms(lookbackDays, graceDays, horizon, discount);
  }

  private LiabilityTerms liability(Map<String, Object> m) {
    LiabilityTerms d = LiabilityTerms.DEFAULTS;
    if (m == null) {
      return d;
    }
    int cap =
        whole(
            number(m, "liability.contract_cap_months", false),
            "liability.contract_cap_months",
            0,
            d.contractCapMonths());
    String regime = text(m, "liability.primary_regime", false);
    if (regime == null) {
      regime = d.primaryRegime();
    } else if (!LiabilityTerms.REGIMES.contains(regime)) {
      problem(
          "liability.primary_regime", "'" + regime + "' is not one of " + LiabilityTerms.REGIMES);
    }
    double sd = orDefault(number(m, "liability.margin_rate_sd", false), d.marginRateSd());
    if (!(sd >= 0 && sd <= 2)) {
      problem("liability.margin_rate_sd", "'" + sd + "' must be in [0, 2]");
    }
    Map<String, Object> claims = map(m, "liability.claims", false);
    double intercept = d.claimIntercept();
    double perShortfall = d.claimPerLogShortfall();
    double perSize = d.claimPerLogSize();
    Map<String, Double> weights = d.signalWeights();
    if (claims != null) {
      intercept = orDefault(number(claims, "liability.claims.intercept", false), intercept);
      perShortfall =
          orDefault(number(claims, "liability.claims.per_log_shortfall", false), perShortfall);
      perSize = orDefault(number(claims, "liability.claims.per_log_size", false), perSize);
      Map<String, Object> signals = map(claims, "liability.claims.signals", false);
      if (signals != null) {
        Map<String, Double> w = new java.util.TreeMap<>();
        for (String signal : signals.keySet()) {
          Double v = number(signals, "liability.claims.signals." + signal, true);
          if (v != null) {
            w.put(signal.toLowerCase(java.util.Locale.ROOT), v);
          }
        }
        weights = w;
      }
    }
    Double drawsGiven = number(m, "liability.draws", false);
    int draws = d.draws();
    if (drawsGiven != null) {
      if (drawsGiven != Math.rint(drawsGiven) || drawsGiven < 100 || drawsGiven > 10_000_000) {
        problem(
            "liability.draws", "'" + drawsGiven + "' must be a whole number from 100 to 10000000");
      } else {
        draws = drawsGiven.intValue();
      }
    }
    Double seed = number(m, "liability.seed", false);
    int top = whole(number(m, "liability.top_n", false), "liability.top_n", 1, d.topN());
    int horizon =
        whole(
            number(m, "liability.subscription_horizon_months", false),
            "liability.subscription_horizon_months",
            1,
            d.subscriptionHorizonMonths());
    double cpm =
        orDefault(number(m, "liability.impression_cost_cpm", false), d.impressionCostCpm());
    if (cpm < 0) {
      problem("liability.impression_cost_cpm", "'" + cpm + "' is negative");
    }
    return new LiabilityTerms(
        cap,
        regime,
        sd,
        intercept,
        perShortfall,
        perSize,
        weights,
        draws,
        seed == null ? d.seed() : seed.longValue(),
        top,
        horizon,
        cpm);
  }

  private EventStudyTerms eventStudy(Map<String, Object> m, LocalDateTime outageStart) {
    List<EventStudyTerms.Event> events = new ArrayList<>();
    List<int[]> windows = new ArrayList<>(EventStudyTerms.DEFAULT_WINDOWS);
    if (m == null) {
      if (outageStart != null) {
        events.add(new EventStudyTerms.Event("outage", outageStart.toLocalDate()));
      }
      return new EventStudyTerms(60, 5, events, windows, null, null);
    }
    int estimation =
        whole(
            number(m, "event_study.estimation_days", false), "event_study.estimation_days", 10, 60);
    int gap = whole(number(m, "event_study.gap_days", false), "event_study.gap_days", 0, 5);
    if (m.get("events") != null) {
      List<Map<String, Object>> rows = maps(m, "event_study.events");
      for (int i = 0; i < rows.size(); i++) {
        String key = "event_study.events[" + i + "]";
        String name = text(rows.get(i), key + ".name", true);
        LocalDate date = date(rows.get(i), key + ".date");
        if (name != null && date != null) {
          events.add(new EventStudyTerms.Event(name, date));
        }
      }
    } else if (outageStart != null) {
      events.add(new EventStudyTerms.Event("outage", outageStart.toLocalDate()));
    }
    if (m.get("windows") != null) {
      windows.clear();
      List<String> given = names(m, "event_study.windows");
      for (String w : given) {
        java.util.regex.Matcher x =
            java.util.regex.Pattern.compile("\\[?\\s*(-?\\d+)\\s*,\\s*(-?\\d+)\\s*\\]?").matcher(w);
        if (x.matches() && Integer.parseInt(x.group(1)) <= Integer.parseInt(x.group(2))) {
          windows.add(new int[] {Integer.parseInt(x.group(1)), Integer.parseInt(x.group(2))});
        } else {
          problem("event_study.windows", "'" + w + "' is not a window [from, to] with from <= to");
        }
      }
    }
    Double shares = number(m, "event_study.shares_outstanding", false);
    if (shares != null && shares <= 0) {
      problem("event_study.shares_outstanding", "'" + shares + "' is not positive");
    }
    return new EventStudyTerms(
        estimation, gap, events, windows, shares, text(m, "event_study.currency", false));
  }

  private static double orDefault(Double v, double fallback) {
    return v == null ? fallback : v;
  }

  private int whole(Double v, String key, int min, int fallback) {
    if (v == null) {
      return fallback;
    }
    if (v != Math.rint(v) || v < min || v > 3650) {
      problem(key, "'" + v + "' must be a whole number from " + min + " to 3650");
      return fallback;
    }
    return v.intValue();
  }

  private static OptionalDouble optional(Double d) {
    return d == null ? OptionalDouble.empty() : OptionalDouble.of(d);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Map<?, ?> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }
}

package dev.aftermath.scenario;

import static dev.aftermath.scenario.ScenarioYaml.orDefault;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Assumptions of the liability and company-impact stage (scenario key {@code liability}, all
 * optional; every one is an assumption for counsel or the analyst to set, documented in METHODS.md
 * "Liability exposure"):
 *
 * <ul>
 *   <li>{@code contract_cap_months}: the service agreement caps liability at this many months of
 *       fees (typical SaaS terms);
 *   <li>{@code primary_regime}: the regime {@code expected_exposure} uses;
 *   <li>{@code margin_rate_sd}: relative uncertainty of each industry's margin rate (log-normal);
 *   <li>{@code claims}: the logistic claim-propensity model — intercept, weight of ln(1 + shortfall
 *       / 1000), of ln(1 + pre-outage daily revenue / 1000), and of each merchant-level churn
 *       signal seen after the outage started;
 *   <li>{@code draws}, {@code seed}: the Monte Carlo;
 *   <li>{@code top_n}: merchants listed in {@code top_exposures};
 *   <li>{@code subscription_horizon_months}: fees at risk of merchants who left or show migration;
 *   <li>{@code impression_cost_cpm}: the company's cost of 1,000 impressions of the traffic plan;
 *   <li>{@code payout_releases_claims}: whether a merchant who accepts a payout gives up further
 *       claims (false by default: the exposure is the loss beyond the payout).
 * </ul>
 */
public record LiabilityTerms(
    int contractCapMonths,
    String primaryRegime,
    double marginRateSd,
    double claimIntercept,
    double claimPerLogShortfall,
    double claimPerLogSize,
    Map<String, Double> signalWeights,
    int draws,
    long seed,
    int topN,
    int subscriptionHorizonMonths,
    double impressionCostCpm,
    boolean payoutReleasesClaims) {

  public static final java.util.List<String> REGIMES =
      java.util.List.of("contract_cap", "foreseeable_loss", "full_loss");

  public static final LiabilityTerms DEFAULTS =
      new LiabilityTerms(
          12,
          "foreseeable_loss",
          0.25,
          -3.5,
          0.5,
          0.2,
          Map.of(
              "complaint", 1.0,
              "data_export", 0.7,
              "competitor_migration", 1.2,
              "contract_cancel", 0.8),
          10_000,
          2020,
          50,
          12,
          1.0,
          false);

  public LiabilityTerms {
    signalWeights = Collections.unmodifiableMap(new TreeMap<>(signalWeights));
  }

  /** These terms with other claim-propensity weights (a sensitivity of the claim model). */
  public LiabilityTerms withClaims(
      double intercept, double perLogShortfall, double perLogSize, Map<String, Double> weights) {
    return new LiabilityTerms(
        contractCapMonths,
        primaryRegime,
        marginRateSd,
        intercept,
        perLogShortfall,
        perLogSize,
        weights,
        draws,
        seed,
        topN,
        subscriptionHorizonMonths,
        impressionCostCpm,
        payoutReleasesClaims);
  }

  /** Reads key {@code liability} (optional) of {@code top}; what it does not set is the default. */
  static LiabilityTerms read(ScenarioYaml yaml, Map<String, Object> top) {
    LiabilityTerms d = DEFAULTS;
    Map<String, Object> m = yaml.map(top, "liability", false);
    if (m == null) {
      return d;
    }
    int cap =
        yaml.whole(
            yaml.number(m, "liability.contract_cap_months", false),
            "liability.contract_cap_months",
            0,
            d.contractCapMonths());
    String regime = yaml.text(m, "liability.primary_regime", false);
    if (regime == null) {
      regime = d.primaryRegime();
    } else if (!REGIMES.contains(regime)) {
      yaml.problem("liability.primary_regime", "'" + regime + "' is not one of " + REGIMES);
    }
    double sd = orDefault(yaml.number(m, "liability.margin_rate_sd", false), d.marginRateSd());
    if (!(sd >= 0 && sd <= 2)) {
      yaml.problem("liability.margin_rate_sd", "'" + sd + "' must be in [0, 2]");
    }
    Map<String, Object> claims = yaml.map(m, "liability.claims", false);
    double intercept = d.claimIntercept();
    double perShortfall = d.claimPerLogShortfall();
    double perSize = d.claimPerLogSize();
    Map<String, Double> weights = d.signalWeights();
    if (claims != null) {
      intercept = orDefault(yaml.number(claims, "liability.claims.intercept", false), intercept);
      perShortfall =
          orDefault(yaml.number(claims, "liability.claims.per_log_shortfall", false), perShortfall);
      perSize = orDefault(yaml.number(claims, "liability.claims.per_log_size", false), perSize);
      Map<String, Object> signals = yaml.map(claims, "liability.claims.signals", false);
      if (signals != null) {
        Map<String, Double> w = new TreeMap<>();
        for (String signal : signals.keySet()) {
          Double v = yaml.number(signals, "liability.claims.signals." + signal, true);
          if (v != null) {
            w.put(signal.toLowerCase(Locale.ROOT), v);
          }
        }
        weights = w;
      }
    }
    Double drawsGiven = yaml.number(m, "liability.draws", false);
    int draws = d.draws();
    if (drawsGiven != null) {
      if (drawsGiven != Math.rint(drawsGiven) || drawsGiven < 100 || drawsGiven > 10_000_000) {
        yaml.problem(
            "liability.draws", "'" + drawsGiven + "' must be a whole number from 100 to 10000000");
      } else {
        draws = drawsGiven.intValue();
      }
    }
    Double seed = yaml.number(m, "liability.seed", false);
    int topN = yaml.whole(yaml.number(m, "liability.top_n", false), "liability.top_n", 1, d.topN());
    int horizon =
        yaml.whole(
            yaml.number(m, "liability.subscription_horizon_months", false),
            "liability.subscription_horizon_months",
            1,
            d.subscriptionHorizonMonths());
    double cpm =
        orDefault(yaml.number(m, "liability.impression_cost_cpm", false), d.impressionCostCpm());
    if (cpm < 0) {
      yaml.problem("liability.impression_cost_cpm", "'" + cpm + "' is negative");
    }
    Object releases = yaml.value(m, "liability.payout_releases_claims", false);
    boolean release = d.payoutReleasesClaims();
    if (releases instanceof Boolean b) {
      release = b;
    } else if (releases != null) {
      yaml.problem("liability.payout_releases_claims", "'" + releases + "' must be true or false");
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
        topN,
        horizon,
        cpm,
        release);
  }
}

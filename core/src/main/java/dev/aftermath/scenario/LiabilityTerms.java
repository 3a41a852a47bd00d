package dev.aftermath.scenario;

import java.util.Collections;
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
 *   <li>{@code impression_cost_cpm}: the company's cost of 1,000 impressions of the traffic plan.
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
    double impressionCostCpm) {

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
          1.0);

  public LiabilityTerms {
    signalWeights = Collections.unmodifiableMap(new TreeMap<>(signalWeights));
  }
}

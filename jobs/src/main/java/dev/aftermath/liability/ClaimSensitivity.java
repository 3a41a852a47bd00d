package dev.aftermath.liability;

import dev.aftermath.scenario.LiabilityTerms;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The variants of the claim-propensity model that {@code exposure_sensitivity} tries: each weight
 * of {@code liability.claims} set low and high with the others as the scenario sets them (the
 * intercept ±1 on the log-odds; the per-log weights ×0.5 and ×1.5; each signal's weight ×0 and ×2).
 */
public final class ClaimSensitivity {
  private ClaimSensitivity() {}

  /** One weight varied: its key, its value, and the terms at its low and high setting. */
  public record Variant(
      String parameter,
      double value,
      double low,
      double high,
      LiabilityTerms lowTerms,
      LiabilityTerms highTerms) {}

  public static List<Variant> of(LiabilityTerms t) {
    List<Variant> out = new ArrayList<>();
    double b0 = t.claimIntercept();
    out.add(
        new Variant(
            "liability.claims.intercept",
            b0,
            b0 - 1,
            b0 + 1,
            t.withClaims(b0 - 1, t.claimPerLogShortfall(), t.claimPerLogSize(), t.signalWeights()),
            t.withClaims(
                b0 + 1, t.claimPerLogShortfall(), t.claimPerLogSize(), t.signalWeights())));
    double b1 = t.claimPerLogShortfall();
    out.add(
        new Variant(
            "liability.claims.per_log_shortfall",
            b1,
            0.5 * b1,
            1.5 * b1,
            t.withClaims(b0, 0.5 * b1, t.claimPerLogSize(), t.signalWeights()),
            t.withClaims(b0, 1.5 * b1, t.claimPerLogSize(), t.signalWeights())));
    double b2 = t.claimPerLogSize();
    out.add(
        new Variant(
            "liability.claims.per_log_size",
            b2,
            0.5 * b2,
            1.5 * b2,
            t.withClaims(b0, b1, 0.5 * b2, t.signalWeights()),
            t.withClaims(b0, b1, 1.5 * b2, t.signalWeights())));
    for (Map.Entry<String, Double> w : t.signalWeights().entrySet()) {
      out.add(
          new Variant(
              "liability.claims.signals." + w.getKey(),
              w.getValue(),
              0,
              2 * w.getValue(),
              t.withClaims(b0, b1, b2, with(t.signalWeights(), w.getKey(), 0)),
              t.withClaims(b0, b1, b2, with(t.signalWeights(), w.getKey(), 2 * w.getValue()))));
    }
    return out;
  }

  private static Map<String, Double> with(Map<String, Double> weights, String key, double value) {
    Map<String, Double> m = new TreeMap<>(weights);
    m.put(key, value);
    return m;
  }
}

package dev.aftermath.generate;

import dev.aftermath.scenario.Scenario;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Draws the merchants of a demo case. Calibration (../shared/INCIDENT.md and assumptions in
 * notebooks-data/README.md): heavy-tailed sizes (log-normal daily orders, median 2), 3% new
 * merchants signing up after the outage started, most data fully recovered, 4% with none; fast
 * growers among community e-commerce and fresh food (3,000 → 40,000 RMB/day is a 13× spurt).
 */
public final class MerchantFactory {
  static final double NEW_SHARE = 0.03;
  static final double ZERO_RECOVERY_SHARE = 0.04;
  static final double PARTIAL_RECOVERY_SHARE = 0.08;
  static final double FAST_GROWER_SHARE = 0.10;
  static final double MONTHLY_HAZARD_BEFORE = 0.007;

  private MerchantFactory() {}

  /**
   * {@code n} merchants for {@code scenario}, reproducible from {@code seed}; {@code volume}
   * multiplies every merchant's order rate (1 = the calibrated case), after its fee tier is drawn.
   */
  public static List<MerchantProfile> create(long seed, int n, Scenario scenario, double volume) {
    List<MerchantProfile> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(one(seed, i, scenario, volume));
    }
    return out;
  }

  static MerchantProfile one(long seed, int i, Scenario scenario, double volume) {
    UniformRandomProvider rng = Rngs.of(seed, Rngs.PROFILE, i);
    ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    LocalDate history = scenario.analysis().historyStart();
    LocalDate horizon = scenario.analysis().horizonEnd();
    LocalDate outageDay = scenario.outage().start().toLocalDate();
    LocalDate restored = scenario.outage().end().toLocalDate();

    Industry industry = pickIndustry(rng.nextDouble());
    boolean isNew = rng.nextDouble() < NEW_SHARE;
    LocalDate signup;
    if (isNew) {
      LocalDate last = outageDay.plusDays(37).isAfter(horizon) ? horizon : outageDay.plusDays(37);
      signup = between(rng, outageDay.plusDays(1), last);
    } else if (rng.nextDouble() < 0.88) {
      signup = between(rng, history.minusYears(3), history.minusDays(1));
    } else {
      signup = between(rng, history, outageDay.minusDays(1));
    }
    double size = Math.exp(Math.log(2.0) + 1.1 * gauss.sample()) * industry.sizeFactor;
    size = Math.min(2500, Math.max(0.15, size));
    int fee = size < 2 ? 398 : size < 10 ? 567 : size < 50 ? 833 : size < 300 ? 1650 : 3300;
    boolean ad = rng.nextDouble() < industry.adEligibleShare;
    size *= volume;

    double recovered = 100;
    double u = rng.nextDouble();
    if (!isNew && u < ZERO_RECOVERY_SHARE) {
      recovered = 0;
    } else if (!isNew && u < ZERO_RECOVERY_SHARE + PARTIAL_RECOVERY_SHARE) {
      recovered = Math.round((20 + 79 * rng.nextDouble()) * 10) / 10.0;
    }

    // departures: a steady hazard before the outage; after it, driven by lost data
    LocalDate left = null;
    boolean outageCaused = false;
    double monthsBefore = ChronoUnit.DAYS.between(later(history, signup), outageDay) / 30.4;
    if (!isNew && rng.nextDouble() < MONTHLY_HAZARD_BEFORE * Math.max(0, monthsBefore)) {
      left = between(rng, later(history, signup).plusDays(1), outageDay.minusDays(1));
    } else if (!isNew) {
      double loss = 1 - recovered / 100;
      double pOutage = 0.5 * loss * loss + (recovered == 0 ? 0.2 : 0) + 0.01;
      if (rng.nextDouble() < pOutage) {
        left = between(rng, restored.plusDays(1), restored.plusDays(28));
        outageCaused = true;
      } else if (rng.nextDouble() < MONTHLY_HAZARD_BEFORE * 2) {
        left = between(rng, restored.plusDays(1), horizon);
      }
    } else if (rng.nextDouble() < 0.01) {
      left =
          between(rng, signup.plusDays(7).isAfter(horizon) ? horizon : signup.plusDays(7), horizon);
    }
    if (left != null && left.isAfter(horizon)) {
      left = null;
    }

    double trend = 0.10 + 0.35 * gauss.sample();
    double sensitivity = Math.max(0.2, 1 + 0.15 * gauss.sample());
    double growth = 1;
    double mid = 0;
    boolean canSpurt = industry == Industry.COMMUNITY_ECOMMERCE || industry == Industry.FRESH_FOOD;
    if (canSpurt && !isNew && rng.nextDouble() < FAST_GROWER_SHARE) {
      growth = 4 + 9 * rng.nextDouble();
      // the spurt happens during the lockdown, before the outage (centred 02-08 ± 5 days, by 02-18)
      mid =
          ChronoUnit.DAYS.between(history, LocalDate.of(2020, 2, 8))
              + Math.min(10, 5 * gauss.sample());
    }
    String id = String.format("M%06d", i + 1);
    return new MerchantProfile(
        i,
        id,
        MerchantNames.name(rng, industry, i),
        industry,
        signup,
        fee,
        ad,
        recovered,
        left,
        outageCaused,
        isNew,
        size,
        trend,
        sensitivity,
        growth,
        mid);
  }

  private static Industry pickIndustry(double u) {
    double c = 0;
    for (Industry ind : Industry.values()) {
      c += ind.share;
      if (u < c) {
        return ind;
      }
    }
    return Industry.RETAIL;
  }

  private static LocalDate between(UniformRandomProvider rng, LocalDate from, LocalDate to) {
    long days = ChronoUnit.DAYS.between(from, to);
    return days <= 0 ? from : from.plusDays(rng.nextLong(days + 1));
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}

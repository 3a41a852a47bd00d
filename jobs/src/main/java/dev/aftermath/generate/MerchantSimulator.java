package dev.aftermath.generate;

import dev.aftermath.scenario.Scenario;
import java.io.Serializable;

/**
 * Simulates one merchant's customers and orders, with and without the outage, from the same random
 * numbers. Customers follow the assumptions of buy-till-you-die models (Fader, Hardie & Lee 2005):
 * each has a Poisson purchase rate λ ~ Gamma(r, α) scaled by the day's demand, an exponential
 * lifetime, and a spend level ν ~ Gamma(q, γ) with each purchase's amount ~ Gamma(p, ν) (the
 * Gamma-Gamma model). Demand moves with the industry's COVID curve, the weekday and hour, the
 * merchant's trend and any growth spurt. The outage removes purchases while the merchant is
 * unavailable (by phase), leaves a recovery tail, and makes some customers defect for good.
 *
 * <p>{@link MerchantRun} takes one merchant through the steps: its {@link DemandPath} under the
 * {@link OutageRecovery}, its customers' arrivals, traits, outage fates and orders, their {@link
 * ChurnSignals}, and the {@link TruthLedger}.
 */
final class MerchantSimulator implements Serializable {
  static final double P_PAID = 0.95;
  static final double P_REFUNDED = 0.035;
  static final double RATE_SHAPE = 0.9;
  static final double SPEND_P = 6;
  static final double SPEND_Q = 4;
  static final double GUEST_SHARE = 0.06;

  private final long seed;
  private final Timeline timeline;
  private final boolean textFormat;

  /** Start of the defection stage's return window, in hours: restoration day + grace days. */
  private final double returnWindowStart;

  MerchantSimulator(long seed, Scenario scenario, boolean textFormat) {
    this.seed = seed;
    this.timeline = new Timeline(scenario);
    this.textFormat = textFormat;
    this.returnWindowStart =
        timeline.hourOf(
            scenario.outage().end().toLocalDate().plusDays(scenario.defection().graceDays()));
  }

  Timeline timeline() {
    return timeline;
  }

  /** Probability that an existing customer alive at the outage defects because of it. */
  static double defectionProbability(
      double recoveredShare, Industry industry, boolean memberDataLost) {
    return Math.min(
        0.9,
        0.03 + 0.35 * (1 - recoveredShare) + industry.defectionExtra + (memberDataLost ? 0.10 : 0));
  }

  /** One merchant's orders, customers, members, signals and truth. */
  MerchantOutcome simulate(MerchantProfile p) {
    return new MerchantRun(seed, timeline, returnWindowStart, textFormat, p).run();
  }
}

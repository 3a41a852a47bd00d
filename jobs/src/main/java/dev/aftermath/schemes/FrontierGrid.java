package dev.aftermath.schemes;

import dev.aftermath.scenario.Scenario;
import dev.aftermath.scenario.TrafficPlanTerms;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules the frontier search tries, one list per family, around the scenario's own terms: the
 * cash formula over 1 day to half a year of outage days (the published plan's days among them), a
 * share of the estimated lost margin from a quarter to double with floors and caps, the traffic
 * plan at 0–5 times its impressions with 0–12 free months, and service credits of half a month to
 * two years of fees.
 */
final class FrontierGrid {
  static final double[] CASH_DAYS = {1, 2, 3, 5, 7, 10, 14, 21, 30, 45, 60, 90, 120, 180};
  static final double[] MARGIN_SHARES = {0.25, 0.5, 0.75, 1, 1.25, 1.5, 2};
  static final double[] FLOORS = {0, 100, 300, 1000};
  static final double[] CAPS = {Double.POSITIVE_INFINITY, 10_000, 100_000};
  static final double[] IMPRESSION_MULTIPLES = {0, 0.5, 1, 2, 5};
  static final double[] FREE_MONTHS = {0, 1, 2, 3, 6, 12};
  static final double[] CREDIT_MONTHS = {0.5, 1, 2, 3, 6, 12, 24};

  private FrontierGrid() {}

  /** Every single-family rule, in family order. */
  static List<FrontierRule> singles(Scenario scenario) {
    List<FrontierRule> rules = new ArrayList<>();
    double outageDays = scenario.cash().durationHours() / 24;
    List<Double> days = new ArrayList<>();
    for (double d : CASH_DAYS) {
      days.add(d);
    }
    if (!days.contains(outageDays)) {
      days.add(outageDays); // the published plan's own days
      days.sort(Double::compare);
    }
    for (double d : days) {
      rules.add(new FrontierRule.CashDays(d));
    }
    for (double share : MARGIN_SHARES) {
      for (double floor : FLOORS) {
        for (double cap : CAPS) {
          rules.add(new FrontierRule.MarginShare(share, floor, cap));
        }
      }
    }
    TrafficPlanTerms t = scenario.traffic();
    if (t != null) {
      for (double m : IMPRESSION_MULTIPLES) {
        for (double months : FREE_MONTHS) {
          if (m > 0 || months > 0) {
            rules.add(
                new FrontierRule.Traffic(
                    m * t.impressions(),
                    t.cpm(),
                    scenario.liability().impressionCostCpm(),
                    months));
          }
        }
      }
    }
    for (double months : CREDIT_MONTHS) {
      rules.add(new FrontierRule.SlaMonths(months));
    }
    return rules;
  }
}

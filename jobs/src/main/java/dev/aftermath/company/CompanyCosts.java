package dev.aftermath.company;

import dev.aftermath.scenario.BuiltInScheme;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the merchants' choices of payout scheme cost the company (METHODS.md "Company impact"): cash
 * paid to merchants choosing cash; for merchants choosing traffic, the ad impressions granted (to
 * those whose plan included impressions) at the company's cost per thousand and the subscription
 * fees forgone for the free months; other schemes at their payout.
 *
 * @param byScheme per chosen scheme, by name
 * @param impressionsGranted ad impressions granted to merchants choosing traffic
 * @param impressionCost {@code impressionsGranted / 1000 × cost per thousand}
 */
record CompanyCosts(
    Map<String, SchemeChoice> byScheme,
    double cashPaid,
    double impressionsGranted,
    double impressionCost,
    double freeMonths,
    double otherSchemes) {

  /** How many merchants chose a scheme and the sum of its payouts as valued to them. */
  record SchemeChoice(long merchants, double payoutValue) {}

  /** The cost within the fund split by the contributions, and the cost beyond the fund. */
  record FundSplit(double borneByCompany, double borneByManagement, double beyondFund) {}

  /**
   * The costs of {@code merchants}' choices; each merchant choosing traffic with an impressions
   * value is granted {@code impressionsPerMerchant} impressions, each thousand costing {@code
   * impressionCostCpm}.
   */
  static CompanyCosts of(
      List<MerchantOutcome> merchants, double impressionsPerMerchant, double impressionCostCpm) {
    Map<String, long[]> count = new TreeMap<>();
    Map<String, double[]> value = new TreeMap<>();
    double cash = 0;
    double impressions = 0;
    double freeMonths = 0;
    double other = 0;
    for (MerchantOutcome m : merchants) {
      String chosen = m.chosenScheme();
      double payout = m.chosenPayout();
      count.computeIfAbsent(chosen, k -> new long[1])[0]++;
      value.computeIfAbsent(chosen, k -> new double[1])[0] += payout;
      if (BuiltInScheme.CASH.schemeName().equals(chosen)) {
        cash += payout;
      } else if (BuiltInScheme.TRAFFIC.schemeName().equals(chosen)) {
        if (m.trafficImpressionsValue() > 0) {
          impressions += impressionsPerMerchant;
        }
        freeMonths += m.trafficExtensionValue();
      } else {
        other += payout;
      }
    }
    Map<String, SchemeChoice> byScheme = new TreeMap<>();
    count.forEach((s, n) -> byScheme.put(s, new SchemeChoice(n[0], value.get(s)[0])));
    return new CompanyCosts(
        Collections.unmodifiableMap(byScheme),
        cash,
        impressions,
        impressions / 1000 * impressionCostCpm,
        freeMonths,
        other);
  }

  /** Cash, impressions, free months and other schemes together. */
  double total() {
    return cashPaid + impressionCost + freeMonths + otherSchemes;
  }

  /** The total as a share of a fund of {@code fundTotal}. */
  double shareOf(double fundTotal) {
    return total() / fundTotal;
  }

  /**
   * The cost up to {@code fundTotal} borne pro rata of the company's and management's
   * contributions, and what exceeds the fund.
   */
  FundSplit split(double fundTotal, double company, double management) {
    double total = total();
    double borne = Math.min(total, fundTotal);
    return new FundSplit(
        borne * company / (company + management),
        borne * management / (company + management),
        Math.max(0, total - fundTotal));
  }
}

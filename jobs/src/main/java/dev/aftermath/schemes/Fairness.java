package dev.aftermath.schemes;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How well one scheme covers a group of merchants' losses: merchants, how many had a claimable
 * loss, the share of those made whole (payout ≥ claimable loss), the median coverage ratio (payout
 * / claimable loss), totals of claimable loss, payout and shortfall (loss − payout where positive),
 * the Gini coefficient of the shortfall relative to loss — 0 when every merchant with a loss is
 * short by the same fraction of it, toward 1 when a few carry all of the shortfall — and, beside
 * the point verdict, the expected share made whole (the mean probability that the payout covers the
 * merchant's uncertain loss) and the signed loss estimate's total.
 */
public record Fairness(
    long merchants,
    long merchantsWithLoss,
    Double shareMadeWhole,
    Double medianCoverage,
    double totalLoss,
    double totalPayout,
    double totalShortfall,
    Double giniShortfall,
    Double expectedShareMadeWhole,
    double totalLossEstimate) {

  /**
   * Per merchant of the group: {claimable loss, payout} or {claimable loss, payout, probability the
   * payout covers the loss, signed loss estimate}.
   */
  public static Fairness of(List<double[]> lossAndPayout) {
    int n = lossAndPayout.size();
    double totalLoss = 0;
    double totalPayout = 0;
    double totalShortfall = 0;
    double[] coverage = new double[n];
    double[] relativeShortfall = new double[n];
    int withLoss = 0;
    int whole = 0;
    double covered = 0;
    double totalEstimate = 0;
    for (double[] lp : lossAndPayout) {
      double loss = lp[0];
      double payout = lp[1];
      double pCovered = lp.length > 2 ? lp[2] : payout >= loss ? 1 : 0;
      totalEstimate += lp.length > 3 ? lp[3] : loss;
      totalLoss += loss;
      totalPayout += payout;
      totalShortfall += Math.max(0, loss - payout);
      if (loss > 0) {
        coverage[withLoss] = payout / loss;
        relativeShortfall[withLoss] = Math.max(0, loss - payout) / loss;
        withLoss++;
        if (payout >= loss) {
          whole++;
        }
        covered += pCovered;
      }
    }
    double[] cov = Arrays.copyOf(coverage, withLoss);
    double[] rel = Arrays.copyOf(relativeShortfall, withLoss);
    return new Fairness(
        n,
        withLoss,
        withLoss == 0 ? null : (double) whole / withLoss,
        withLoss == 0 ? null : median(cov),
        totalLoss,
        totalPayout,
        totalShortfall,
        withLoss == 0 ? null : gini(rel),
        withLoss == 0 ? null : covered / withLoss,
        totalEstimate);
  }

  /**
   * The group served worst: the lowest share made whole among groups with a loss; on a tie the
   * larger total shortfall, then the first in {@code byGroup}'s order. Null if no group has a loss.
   */
  static <K> Map.Entry<K, Fairness> worst(Map<K, Fairness> byGroup) {
    Map.Entry<K, Fairness> worst = null;
    for (Map.Entry<K, Fairness> e : byGroup.entrySet()) {
      Fairness f = e.getValue();
      if (f.shareMadeWhole() == null) {
        continue;
      }
      Fairness w = worst == null ? null : worst.getValue();
      if (w == null
          || f.shareMadeWhole() < w.shareMadeWhole()
          || f.shareMadeWhole().equals(w.shareMadeWhole())
              && f.totalShortfall() > w.totalShortfall()) {
        worst = e;
      }
    }
    return worst;
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
  }

  /**
   * Gini coefficient of non-negative values: Σ_i (2i − n − 1) x_(i) / (n Σ x), x sorted ascending,
   * i from 1; 0 when all are equal (or all zero).
   */
  static double gini(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    double sum = 0;
    double weighted = 0;
    for (int i = 0; i < n; i++) {
      sum += s[i];
      weighted += (2.0 * (i + 1) - n - 1) * s[i];
    }
    return sum <= 0 ? 0 : weighted / (n * sum);
  }
}

package dev.aftermath.schemes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The compensation frontier (METHODS.md, "The compensation frontier"): payout rules of readable
 * families, each measured over the merchants — what it costs, how many merchants with a claimable
 * loss it makes whole — and the rules no other tried rule beats: none cheaper or as cheap makes as
 * many whole. "Made whole" is counted in expectation over each merchant's uncertain loss, Σ P(L ≤
 * payout), the measure the search maximises; the point verdict (payout ≥ claimable loss) is kept
 * beside it.
 */
public final class SchemeFrontier {
  private SchemeFrontier() {}

  /** One rule's measures over the merchants. */
  public record Point(
      FrontierRule rule,
      double cost,
      double payout,
      long merchantsWithLoss,
      double expectedMadeWhole,
      long madeWhole,
      Double medianCoverage,
      Double giniShortfall,
      double largestRelativeShortfall,
      String worstServedIndustry,
      String worstServedSizeDecile) {

    /** True if {@code other} is at least as good on both counts and better on one. */
    boolean dominatedBy(Point other) {
      return other.cost <= cost
          && other.expectedMadeWhole >= expectedMadeWhole
          && (other.cost < cost || other.expectedMadeWhole > expectedMadeWhole);
    }
  }

  /** {@code rule} measured over {@code merchants}. */
  public static Point evaluate(FrontierRule rule, List<FrontierMerchant> merchants) {
    double cost = 0;
    double payout = 0;
    double expected = 0;
    double largest = 0;
    long whole = 0;
    List<double[]> lp = new ArrayList<>(merchants.size());
    for (FrontierMerchant m : merchants) {
      double p = rule.payout(m);
      cost += rule.cost(m);
      payout += p;
      double covered = m.loss().probabilityAtMost(p);
      lp.add(new double[] {m.claimable(), p, covered, m.loss().mean()});
      if (m.hasLoss()) {
        expected += covered;
        largest = Math.max(largest, Math.max(0, m.claimable() - p) / m.claimable());
        whole += p >= m.claimable() ? 1 : 0;
      }
    }
    Fairness all = Fairness.of(lp);
    return new Point(
        rule,
        cost,
        payout,
        all.merchantsWithLoss(),
        expected,
        whole,
        all.medianCoverage(),
        all.giniShortfall(),
        largest,
        worstServed(merchants, lp, FrontierMerchant::industry),
        worstServed(merchants, lp, FrontierMerchant::sizeDecile));
  }

  /**
   * The group served worst ({@link Fairness#worst}), groups by name, from each merchant's {loss,
   * payout, …} in {@code lp} (in the order of {@code merchants}).
   */
  static String worstServed(
      List<FrontierMerchant> merchants, List<double[]> lp, Function<FrontierMerchant, String> key) {
    Map<String, List<double[]>> groups = new TreeMap<>();
    for (int i = 0; i < merchants.size(); i++) {
      groups.computeIfAbsent(key.apply(merchants.get(i)), k -> new ArrayList<>()).add(lp.get(i));
    }
    Map<String, Fairness> byGroup = new TreeMap<>();
    groups.forEach((g, members) -> byGroup.put(g, Fairness.of(members)));
    Map.Entry<String, Fairness> worst = Fairness.worst(byGroup);
    return worst == null ? null : worst.getKey();
  }

  /**
   * The frontier of {@code tried}: ordered by cost, each making more merchants whole (in
   * expectation) than every cheaper one; of rules with equal cost the one making most whole, then
   * the smaller largest relative shortfall, then the first tried.
   */
  public static List<Point> frontier(List<Point> tried) {
    List<Point> sorted = new ArrayList<>(tried);
    sorted.sort(
        Comparator.comparingDouble(Point::cost)
            .thenComparing(Comparator.comparingDouble(Point::expectedMadeWhole).reversed())
            .thenComparingDouble(Point::largestRelativeShortfall));
    List<Point> out = new ArrayList<>();
    double best = Double.NEGATIVE_INFINITY;
    for (Point p : sorted) {
      if (p.expectedMadeWhole() > best) {
        out.add(p);
        best = p.expectedMadeWhole();
      }
    }
    return out;
  }

  /**
   * The frontier of the rules that pay money only ({@link FrontierRule#paysCash}): what cash alone
   * can do at each cost, whatever the merchants' valuation of impressions and free months.
   */
  public static List<Point> cashFrontier(List<Point> tried) {
    return frontier(tried.stream().filter(p -> p.rule().paysCash()).toList());
  }

  /** At most {@code n} points of {@code front}, evenly spaced along it. */
  private static List<Point> spaced(List<Point> front, int n) {
    List<Point> out = new ArrayList<>();
    int k = Math.min(n, front.size());
    for (int i = 0; i < k; i++) {
      out.add(front.get((int) ((long) i * front.size() / k)));
    }
    return out;
  }

  /** The frontier rule making most merchants whole at a cost of at most {@code cost}, or null. */
  public static Point bestAtCost(List<Point> frontier, double cost) {
    Point best = null;
    for (Point p : frontier) {
      if (p.cost() <= cost) {
        best = p;
      }
    }
    return best;
  }

  /** The {@code n} frontier rules whose cost is nearest {@code cost}, in order of cost. */
  public static List<Point> nearest(List<Point> frontier, double cost, int n) {
    List<Point> byDistance = new ArrayList<>(frontier);
    byDistance.sort(Comparator.comparingDouble(p -> Math.abs(p.cost() - cost)));
    List<Point> out = new ArrayList<>(byDistance.subList(0, Math.min(n, byDistance.size())));
    out.sort(Comparator.comparingDouble(Point::cost));
    return out;
  }

  /**
   * The search: every rule of {@code singles}, then the merchants' choice between any two rules of
   * different families on the frontier and the cash frontier of those (at most {@code pairsFrom} of
   * them, half from each, evenly spaced by cost); returns every rule tried, singles first.
   */
  public static List<Point> search(
      List<FrontierRule> singles, List<FrontierMerchant> merchants, int pairsFrom) {
    List<Point> tried = new ArrayList<>();
    for (FrontierRule r : singles) {
      tried.add(evaluate(r, merchants));
    }
    List<Point> base = new ArrayList<>(spaced(frontier(tried), pairsFrom / 2));
    for (Point p : spaced(cashFrontier(tried), pairsFrom / 2)) {
      if (!base.contains(p)) {
        base.add(p);
      }
    }
    for (int i = 0; i < base.size(); i++) {
      for (int j = i + 1; j < base.size(); j++) {
        FrontierRule a = base.get(i).rule();
        FrontierRule b = base.get(j).rule();
        if (!a.family().equals(b.family())) {
          tried.add(evaluate(new FrontierRule.Choice(a, b), merchants));
        }
      }
    }
    return tried;
  }
}

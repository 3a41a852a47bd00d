package dev.aftermath.schemes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aftermath.stats.NormalLoss;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SchemeFrontierTest {
  /** A merchant with a certain loss (σ = 0), in industry {@code industry}, fee 100. */
  private static FrontierMerchant certain(
      String industry, double loss, double cashPerDay, double lostMargin) {
    return new FrontierMerchant(
        industry,
        "01",
        new NormalLoss(loss, 0),
        loss,
        cashPerDay,
        lostMargin,
        100,
        false,
        new double[0],
        new double[0]);
  }

  /**
   * Three merchants whose best rules are checkable by hand (losses certain, fee 100 each):
   *
   * <pre>
   *   merchant  loss   cash/day  lost margin
   *   M1         100      50        100
   *   M2         200      20        200
   *   M3       1,000      10      1,000
   *
   *   cash 2 days    pays 100, 40, 20      cost 160    makes M1 whole
   *   cash 10 days   pays 500, 200, 100    cost 800    M1, M2
   *   credit 1 month pays 100 each         cost 300    M1
   *   credit 2 months pays 200 each        cost 600    M1, M2
   *   margin × 1     pays 100, 200, 1,000  cost 1,300  all three
   * </pre>
   *
   * The frontier: cash 2 days (160, 1), credit 2 months (600, 2), margin × 1 (1,300, 3); cash 10
   * days is beaten by the credit of 2 months, the credit of 1 month by cash for 2 days.
   */
  @Test
  void findsTheHandCheckedOptimumOfThreeMerchants() {
    List<FrontierMerchant> ms =
        List.of(
            certain("a", 100, 50, 100), certain("a", 200, 20, 200), certain("b", 1000, 10, 1000));
    List<FrontierRule> rules =
        List.of(
            new FrontierRule.CashDays(2),
            new FrontierRule.CashDays(10),
            new FrontierRule.SlaMonths(1),
            new FrontierRule.SlaMonths(2),
            new FrontierRule.MarginShare(1, 0, Double.POSITIVE_INFINITY));
    List<SchemeFrontier.Point> tried = new ArrayList<>();
    for (FrontierRule r : rules) {
      tried.add(SchemeFrontier.evaluate(r, ms));
    }
    List<SchemeFrontier.Point> front = SchemeFrontier.frontier(tried);
    assertThat(front)
        .extracting(p -> p.rule(), p -> p.cost(), p -> p.expectedMadeWhole(), p -> p.madeWhole())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(new FrontierRule.CashDays(2), 160.0, 1.0, 1L),
            org.assertj.core.groups.Tuple.tuple(new FrontierRule.SlaMonths(2), 600.0, 2.0, 2L),
            org.assertj.core.groups.Tuple.tuple(
                new FrontierRule.MarginShare(1, 0, Double.POSITIVE_INFINITY), 1300.0, 3.0, 3L));
    // at the cost of cash for 10 days (800) the best rule makes one merchant more whole
    SchemeFrontier.Point cash10 = tried.get(1);
    assertThat(SchemeFrontier.bestAtCost(front, cash10.cost()).rule())
        .isEqualTo(new FrontierRule.SlaMonths(2));
    assertThat(SchemeFrontier.bestAtCost(front, 100)).isNull();
    assertThat(SchemeFrontier.nearest(front, 700, 2))
        .extracting(SchemeFrontier.Point::cost)
        .containsExactly(160.0, 600.0);
    // cash for 2 days serves M3's industry worst, the margin share serves all
    assertThat(front.get(0).worstServedIndustry()).isEqualTo("b");
    assertThat(front.get(0).largestRelativeShortfall()).isCloseTo(0.98, within(1e-12));
    assertThat(front.get(2).largestRelativeShortfall()).isZero();
  }

  @Test
  void noRuleOnTheFrontierIsDominatedByAnotherRuleTried() {
    Random random = new Random(11);
    List<FrontierMerchant> ms = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      double loss = Math.exp(random.nextGaussian() * 1.2 + 6);
      double mu = loss * (0.5 + random.nextDouble());
      ms.add(
          new FrontierMerchant(
              "i" + (i % 4),
              String.format("%02d", 1 + i % 10),
              new NormalLoss(mu, loss * 0.3),
              new NormalLoss(mu, loss * 0.3).expectedPositivePart(),
              loss / (5 + random.nextInt(20)),
              loss * random.nextDouble() * 1.5,
              50 + random.nextInt(500),
              random.nextBoolean(),
              new double[0],
              new double[0]));
    }
    List<FrontierRule> singles = new ArrayList<>();
    for (double d : FrontierGrid.CASH_DAYS) {
      singles.add(new FrontierRule.CashDays(d));
    }
    for (double s : FrontierGrid.MARGIN_SHARES) {
      singles.add(new FrontierRule.MarginShare(s, 100, Double.POSITIVE_INFINITY));
    }
    for (double m : FrontierGrid.FREE_MONTHS) {
      singles.add(new FrontierRule.Traffic(50_000, 6, 1, m));
    }
    for (double m : FrontierGrid.CREDIT_MONTHS) {
      singles.add(new FrontierRule.SlaMonths(m));
    }
    List<SchemeFrontier.Point> tried = SchemeFrontier.search(singles, ms, 10);
    assertThat(tried.size()).isGreaterThan(singles.size()); // the pairs were tried too
    assertThat(tried).anyMatch(p -> p.rule() instanceof FrontierRule.Choice);
    List<SchemeFrontier.Point> front = SchemeFrontier.frontier(tried);
    assertThat(front).hasSizeGreaterThan(3);
    for (SchemeFrontier.Point f : front) {
      for (SchemeFrontier.Point t : tried) {
        assertThat(f.dominatedBy(t)).as("%s by %s", f.rule(), t.rule()).isFalse();
      }
    }
    for (int i = 1; i < front.size(); i++) {
      assertThat(front.get(i).cost()).isGreaterThan(front.get(i - 1).cost());
      assertThat(front.get(i).expectedMadeWhole())
          .isGreaterThan(front.get(i - 1).expectedMadeWhole());
    }
    // every rule off the frontier is beaten by one on it
    for (SchemeFrontier.Point t : tried) {
      if (!front.contains(t)) {
        assertThat(front)
            .anyMatch(f -> f.cost() <= t.cost() && f.expectedMadeWhole() >= t.expectedMadeWhole());
      }
    }
  }

  @Test
  void theGridHolds135RulesAroundTheScenariosOwnTerms() {
    var weimob =
        dev.aftermath.scenario.ScenarioLoader.parse(
            dev.aftermath.scenario.BundledScenario.scenarioText(), "scenario.yaml");
    List<FrontierRule> grid = FrontierGrid.singles(weimob);
    assertThat(grid).hasSize(135);
    // the published plan's own days (206 hours) and traffic terms are among them
    assertThat(grid).contains(new FrontierRule.CashDays(206 / 24.0));
    assertThat(grid).contains(new FrontierRule.Traffic(50_000, 6, 1, 2));
  }

  @Test
  void theRulesPayAndCostAsTheirFamiliesSay() {
    FrontierMerchant m =
        new FrontierMerchant(
            "retail",
            "05",
            new NormalLoss(900, 100),
            905,
            30,
            800,
            398,
            true,
            new double[] {257.5, 1096},
            new double[] {257.5, 846});
    assertThat(new FrontierRule.CashDays(7).payout(m)).isEqualTo(210);
    assertThat(new FrontierRule.MarginShare(0.5, 500, 1000).payout(m)).isEqualTo(500);
    assertThat(new FrontierRule.MarginShare(2, 0, 1000).payout(m)).isEqualTo(1000);
    FrontierRule.Traffic traffic = new FrontierRule.Traffic(50_000, 6, 1, 2);
    assertThat(traffic.payout(m)).isEqualTo(300 + 796);
    assertThat(traffic.cost(m)).isEqualTo(50 + 796);
    FrontierRule.Choice choice = new FrontierRule.Choice(new FrontierRule.CashDays(7), traffic);
    assertThat(choice.payout(m)).isEqualTo(1096);
    assertThat(choice.cost(m)).isEqualTo(846);
    assertThat(choice.parameters())
        .isEqualTo("cash_days(days=7) | traffic(impressions=50000 months=2)");
    FrontierRule.OfferedChoice offered = new FrontierRule.OfferedChoice(List.of("cash", "traffic"));
    assertThat(offered.payout(m)).isEqualTo(1096);
    assertThat(offered.cost(m)).isEqualTo(846);
    assertThat(new FrontierRule.MarginShare(0.25, 0, Double.POSITIVE_INFINITY).parameters())
        .isEqualTo("share=0.25 floor=0 cap=none");
    // made whole in expectation: P(L ≤ 1096) for L ~ N(900, 100²)
    SchemeFrontier.Point p = SchemeFrontier.evaluate(offered, List.of(m));
    assertThat(p.expectedMadeWhole()).isCloseTo(0.975, within(1e-3));
    assertThat(p.madeWhole()).isEqualTo(1);
  }
}

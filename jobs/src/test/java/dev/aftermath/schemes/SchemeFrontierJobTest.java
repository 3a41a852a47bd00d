package dev.aftermath.schemes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aftermath.GeneratedRuns;
import dev.aftermath.SparkTestBase;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code scheme_frontier} of the generated run, against the run's own scheme and cost tables. */
class SchemeFrontierJobTest extends SparkTestBase {
  static List<Row> frontier;

  @BeforeAll
  static void runs() throws Exception {
    GeneratedRuns.dir(spark);
    frontier = GeneratedRuns.table(spark, "out", "scheme_frontier").collectAsList();
  }

  private static double d(Row r, String c) {
    Object v = r.getAs(c);
    return v == null ? Double.NaN : ((Number) v).doubleValue();
  }

  private static Row offered(String parameters) {
    return frontier.stream()
        .filter(r -> "offered".equals(r.getAs("kind")) && parameters.equals(r.getAs("parameters")))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theOfferedSchemesPointsAreTheSchemeSummarysTotals() {
    Map<String, Row> summary =
        GeneratedRuns.table(spark, "out", "scheme_summary").collectAsList().stream()
            .collect(Collectors.toMap(r -> r.getString(0), r -> r));
    for (String[] s :
        new String[][] {
          {"cash", "cash"}, {"traffic", "traffic"}, {"choice of cash, traffic", "chosen"}
        }) {
      Row point = offered(s[0]);
      Row row = summary.get(s[1]);
      assertThat(d(point, "total_payout")).as(s[0]).isCloseTo(d(row, "total_payout"), within(0.5));
      assertThat(d(point, "merchants_made_whole_point"))
          .isEqualTo(Math.round(d(row, "share_made_whole") * d(row, "merchants_with_loss")));
      assertThat(d(point, "merchants_made_whole") / d(point, "merchants_with_loss"))
          .isCloseTo(d(row, "expected_share_made_whole"), within(1e-4));
      assertThat(d(point, "merchants_made_whole"))
          .isBetween(
              d(point, "merchants_made_whole_low") - 1, d(point, "merchants_made_whole_high") + 1);
    }
    // the merchants' choice costs what the company stage says it costs
    double costTotal =
        GeneratedRuns.table(spark, "out", "company_impact")
            .filter("metric = 'cost_total'")
            .first()
            .getDouble(1);
    assertThat(d(offered("choice of cash, traffic"), "expected_cost"))
        .isCloseTo(costTotal, within(0.5));
    // and leaves the exposure the exposure stage finds (primary regime), up to Monte Carlo error
    Row exposure =
        GeneratedRuns.table(spark, "out", "exposure_distribution")
            .filter("regime = 'foreseeable_loss'")
            .first();
    Row choice = offered("choice of cash, traffic");
    assertThat(d(choice, "exposure_mean"))
        .isCloseTo(d(exposure, "mean"), within(4 * d(exposure, "sd") / Math.sqrt(1000)));
    assertThat(d(choice, "exposure_p90")).isGreaterThan(d(choice, "exposure_mean"));
  }

  /** Cash days, a margin share, or the choice between rules of those two families. */
  private static boolean paysCash(Row r) {
    String family = r.getAs("family");
    if (family.equals("choice")) {
      for (String part : r.<String>getAs("parameters").split(" \\| ")) {
        if (!part.startsWith("cash_days(") && !part.startsWith("margin_share(")) {
          return false;
        }
      }
      return true;
    }
    return family.equals("cash_days") || family.equals("margin_share");
  }

  @Test
  void noRuleOnEitherFrontierIsBeatenByAnotherRuleTried() {
    List<Row> tried = frontier.stream().filter(r -> "tried".equals(r.getAs("kind"))).toList();
    assertThat(tried).hasSizeGreaterThan(100);
    for (String flag : new String[] {"on_frontier", "on_cash_frontier"}) {
      List<Row> front = tried.stream().filter(r -> r.<Boolean>getAs(flag)).toList();
      assertThat(front).as(flag).hasSizeGreaterThan(3);
      for (Row f : front) {
        for (Row t : tried) {
          if (flag.equals("on_cash_frontier") && !paysCash(t)) {
            continue; // the cash frontier is among the rules paying money only
          }
          // costs are written to the cent: a difference within a cent is a tie
          boolean beaten =
              d(t, "expected_cost") <= d(f, "expected_cost") + 0.01
                  && d(t, "merchants_made_whole") >= d(f, "merchants_made_whole")
                  && (d(t, "expected_cost") < d(f, "expected_cost") - 0.01
                      || d(t, "merchants_made_whole") > d(f, "merchants_made_whole"));
          assertThat(beaten)
              .as("%s %s beaten by %s", flag, f.getAs("parameters"), t.getAs("parameters"))
              .isFalse();
        }
        assertThat(d(f, "merchants_made_whole"))
            .isBetween(d(f, "merchants_made_whole_low") - 1, d(f, "merchants_made_whole_high") + 1);
      }
    }
    // the best rule at an offered scheme's cost makes at least as many whole as the scheme
    Row choice = offered("choice of cash, traffic");
    assertThat(d(choice, "frontier_made_whole_at_cost"))
        .isGreaterThanOrEqualTo(d(choice, "merchants_made_whole"));
    Row fund =
        frontier.stream().filter(r -> "fund".equals(r.getAs("kind"))).findFirst().orElseThrow();
    assertThat(d(fund, "expected_cost")).isEqualTo(1.5e8);
  }
}

package dev.aftermath.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class FrontierViewTest {
  private final Formats en = new Formats(Locale.UK, "CNY");
  private final Formats zh = new Formats(Locale.SIMPLIFIED_CHINESE, "CNY");
  private final Map<String, String> msgEn = ReportRenderer.messages(Locale.UK);
  private final Map<String, String> msgZh = ReportRenderer.messages(Locale.SIMPLIFIED_CHINESE);

  /** Four rules tried (three on the frontier), the offered cash plan and choice, the fund. */
  static Table frontier(double fund) {
    return Table.create(
        "scheme_frontier",
        StringColumn.create(
            "kind", "tried", "tried", "tried", "tried", "offered", "offered", "fund"),
        StringColumn.create(
            "family",
            "cash_days",
            "margin_share",
            "traffic",
            "choice",
            "offered",
            "offered",
            "fund"),
        StringColumn.create(
            "parameters",
            "days=7",
            "share=0.5 floor=300 cap=none",
            "impressions=250000 months=1",
            "cash_days(days=3) | margin_share(share=0.75 floor=1000 cap=10000)",
            "cash",
            "choice of cash, traffic",
            "fund.total"),
        BooleanColumn.create("on_frontier", true, true, true, false, false, false, false),
        BooleanColumn.create("on_cash_frontier", true, true, false, true, false, false, false),
        DoubleColumn.create("expected_cost", 1e5, 1e6, 1.3e6, 2.5e6, 1.17e6, 2.52e6, fund),
        DoubleColumn.create("merchants_made_whole", 400, 850, 1377, 1264, 652, 1342, Double.NaN),
        DoubleColumn.create(
            "merchants_made_whole_low", 320, 760, 1315, 1200, 554, 1277, Double.NaN),
        DoubleColumn.create(
            "merchants_made_whole_high", 500, 950, 1446, 1335, 769, 1411, Double.NaN),
        DoubleColumn.create("merchants_with_loss", 1939, 1939, 1939, 1939, 1939, 1939, Double.NaN),
        DoubleColumn.create("median_coverage", 0.2, 0.7, 2.26, 1.1, 0.24, 1.87, Double.NaN),
        StringColumn.create(
            "worst_served_industry",
            "beauty",
            "wholesale",
            "import_export",
            "wholesale",
            "travel",
            "wholesale",
            null),
        DoubleColumn.create("frontier_made_whole_at_cost", 400, 850, 1377, 1377, 850, 1377, 1377),
        StringColumn.create(
            "frontier_rule_at_cost",
            "cash_days(days=7)",
            "margin_share(share=0.5 floor=300 cap=none)",
            "traffic(impressions=250000 months=1)",
            "traffic(impressions=250000 months=1)",
            "margin_share(share=0.5 floor=300 cap=none)",
            "traffic(impressions=250000 months=1)",
            "traffic(impressions=250000 months=1)"),
        DoubleColumn.create(
            "cash_frontier_made_whole_at_cost", 400, 850, 850, 1264, 850, 1264, 1264),
        DoubleColumn.create("exposure_p90", 4e5, 3e5, 2.5e5, Double.NaN, 3.9e5, 3.1e5, Double.NaN));
  }

  @Test
  void rulesReadAsSentencesInBothLanguages() {
    assertThat(FrontierView.describe("margin_share", "share=0.5 floor=300 cap=none", en, msgEn))
        .isEqualTo("0.5 × estimated lost margin, at least CNY 300");
    assertThat(FrontierView.describe("margin_share", "share=2 floor=0 cap=10000", en, msgEn))
        .isEqualTo("2 × estimated lost margin, at least CNY 0, at most CNY 10,000");
    assertThat(FrontierView.describe("traffic", "impressions=250000 months=1", zh, msgZh))
        .isEqualTo("250,000次广告曝光加1个月免费使用");
    assertThat(
            FrontierView.describe("choice", "cash_days(days=3) | sla_credit(months=2)", en, msgEn))
        .isEqualTo(
            "Merchant's choice: Cash formula over 3 days, or Service credit of 2 month(s) of fees");
    assertThat(FrontierView.describe("offered", "choice of cash, traffic", zh, msgZh))
        .isEqualTo("商家在所提供方案间的选择");
    assertThat(FrontierView.describe("offered", "cash", en, msgEn)).isEqualTo("Cash plan");
  }

  @Test
  void theNearestRulesAreThoseNearTheFundOrWhereItExceedsEveryRuleTheChoice() {
    FrontierView beyond = FrontierView.of(frontier(1.5e8), en, msgEn, "f").orElseThrow();
    // the fund exceeds every rule: the three frontier rules nearest the choice's cost (2.52 M)
    assertThat(beyond.nearest())
        .extracting(r -> r.get(1))
        .containsExactly("CNY 100,000", "CNY 1.00 M", "CNY 1.30 M");
    assertThat(beyond.nearestNote()).contains("merchants' choice (CNY 2.52 M)");
    assertThat(beyond.caption()).contains("The fund (CNY 150.00 M) lies beyond the right edge");
    assertThat(beyond.sentence())
        .contains("(CNY 2.52 M), 1,342 of the 1,939 merchants")
        .contains("(250,000 ad impressions plus 1 month(s) free) would make 1,377 whole, 35 more")
        .contains("paying money only, the best rule makes 1,264 whole");
    FrontierView near = FrontierView.of(frontier(1.2e6), en, msgEn, "f").orElseThrow();
    assertThat(near.nearestNote()).contains("fund's cost (CNY 1.20 M)");
    assertThat(near.chart()).contains("<svg").contains("Fund");
    assertThat(beyond.chart()).doesNotContain(">Fund<");
    assertThat(near.nearest()).extracting(r -> r.get(3)).contains("760 – 950");
    assertThat(near.nearest()).extracting(r -> r.get(6)).contains("CNY 300,000");
  }

  @Test
  void noFrontierNoView() {
    Table t = frontier(1e6);
    Table none = t.where(t.stringColumn("kind").isNotEqualTo("tried"));
    assertThat(FrontierView.of(none, en, msgEn, "f")).isEmpty();
  }
}

package dev.aftermath.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The investor report's sections, from tiny hand-made tables. */
class InvestorReportTest {
  private final Formats en = new Formats(Locale.UK, "CNY");
  private final Map<String, String> msg = ReportRenderer.messages(Locale.UK);

  @Test
  void varianceSharesReadSigmaFromTheNinetyPercentInterval() {
    double z = InvestorReport.Z_95;
    // σ = 1 and σ = 2: variances 1 and 4 of 5
    double[] shares =
        InvestorReport.LostRevenue.varianceShares(
            new double[] {10, -3}, new double[] {10 + 2 * z, -3 + 4 * z});
    assertThat(shares[0]).isCloseTo(0.2, within(1e-12));
    assertThat(shares[1]).isCloseTo(0.8, within(1e-12));
  }

  @Test
  void varianceSharesAreUndefinedWhenNoIntervalHasAWidth() {
    assertThat(InvestorReport.LostRevenue.varianceShares(new double[] {5}, new double[] {5}))
        .containsExactly(Double.NaN);
  }

  @Test
  void largestFirstKeepsTiesInTheirOrder() {
    assertThat(InvestorReport.LostRevenue.largestFirst(new double[] {0.2, 0.5, 0.2, 0.1}))
        .containsExactly(1, 0, 2, 3);
  }

  @Test
  void industriesAreListedAndTheWidestIntervalDrivesTheUncertainty() {
    Table impact =
        Table.create(
            "impact_totals",
            StringColumn.create("scope", "platform", "industry", "industry"),
            StringColumn.create("industry", "", "alpha", "beta"),
            DoubleColumn.create("lost_revenue", 1_000_000, 600_000, 400_000),
            DoubleColumn.create("lost_revenue_low", 800_000, 500_000, 300_000),
            DoubleColumn.create("lost_revenue_high", 1_200_000, 700_000, 700_000));

    InvestorReport.LostRevenue lost = InvestorReport.LostRevenue.of(impact, en, msg);

    assertThat(lost.rows())
        .containsExactly(
            List.of("alpha", "CNY 600,000", "CNY 500,000 – CNY 700,000", "CNY 200,000"),
            List.of("beta", "CNY 400,000", "CNY 300,000 – CNY 700,000", "CNY 400,000"));
    // widths 200k and 400k: variances 1 : 4
    assertThat(lost.drivers()).containsExactly(List.of("beta", "80.0%"), List.of("alpha", "20.0%"));
    assertThat(lost.chart()).startsWith("<svg").contains("alpha");
  }

  @Test
  void clippedPullsOutliersToTheQuantilesAndKeepsTheOrder() {
    // 11 values: the 1st percentile is the smallest, the 99th the second largest (⌊0.99 × 10⌋ = 9)
    double[] values = {1000, 3, 1, 2, 4, 5, 6, 7, 8, 9, 10};
    assertThat(InvestorReport.Distribution.clipped(values, 0.01, 0.99))
        .containsExactly(10, 3, 1, 2, 4, 5, 6, 7, 8, 9, 10);
    assertThat(values[0]).as("input untouched").isEqualTo(1000);
  }

  @Test
  void noDistributionForTenMerchantsWithAnEstimateOrFewer() {
    double[] lost = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, Double.NaN};
    Table merchants = Table.create("merchant_impact", DoubleColumn.create("lost_revenue", lost));
    assertThat(InvestorReport.Distribution.of(merchants, msg)).isEmpty();

    Table eleven =
        Table.create(
            "merchant_impact",
            DoubleColumn.create("lost_revenue", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11));
    assertThat(InvestorReport.Distribution.of(eleven, msg)).isPresent();
  }

  @Test
  void companyCostShowsMoneyThenSharesAndLeavesOutWhatTheRunLacks() {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("cost_share_of_fund", 0.0168);
    metrics.put("fund_total", 1.5e8);
    metrics.put("cost_total", 2_521_007.56);

    List<Figure> figures = InvestorReport.CompanyCost.of(metrics, en, msg).figures();

    assertThat(figures)
        .extracting(Figure::source, Figure::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("company_impact.cost_total", "CNY 2.52 M"),
            org.assertj.core.groups.Tuple.tuple("company_impact.fund_total", "CNY 150.00 M"),
            org.assertj.core.groups.Tuple.tuple("company_impact.cost_share_of_fund", "1.7%"));
  }

  @Test
  void anEventWindowIsWrittenInWholeTradingDays() {
    assertThat(InvestorReport.EventStudy.window(-1.0, 3.0)).isEqualTo("[-1, 3]");
  }

  @Test
  void withoutASharePathThereIsNoPriceChart() {
    Table empty =
        Table.create(
            "share_path",
            StringColumn.create("date"),
            DoubleColumn.create("close_rebased"),
            DoubleColumn.create("market_rebased"));
    assertThat(
            InvestorReport.SharePrice.of(
                empty, new ChartMarks(null, null, "", java.util.List.of()), en, msg))
        .isEmpty();
  }

  @Test
  void theTemplateReadsTheViewRecordsComponents() {
    // a view record the template reads must be public, or its components are missing
    String html =
        new ReportRenderer()
            .render(
                "record-probe.ftlh",
                Locale.UK,
                Map.of("view", new InvestorReport.Example("M1 · Retail", "<svg/>")));
    assertThat(html).contains("<p>M1 · Retail</p>");
  }
}

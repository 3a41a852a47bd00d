package dev.aftermath.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The statement's sections, from a tiny hand-made merchant_impact. */
class StatementReportTest {
  private final Formats en = new Formats(Locale.UK, "CNY");
  private final Map<String, String> msg = ReportRenderer.messages(Locale.UK);

  private final Table impact =
      Table.create(
          "merchant_impact",
          StringColumn.create("merchant_id", "M1", "M2"),
          StringColumn.create("industry", "retail", "travel"),
          DoubleColumn.create("lost_revenue", 12_345, 99_999),
          DoubleColumn.create("lost_revenue_low", 10_000, 90_000),
          DoubleColumn.create("lost_revenue_high", 15_000, 110_000),
          DoubleColumn.create("defected_customers", 12, 1),
          DoubleColumn.create("actual_loss", 4_000, 7_777),
          DoubleColumn.create("cash_payout", 800, 7_777),
          DoubleColumn.create("traffic_payout", 796, 100),
          StringColumn.create("chosen_scheme", "traffic", "cash"),
          DoubleColumn.create("chosen_payout", 796, 7_777),
          DoubleColumn.create("coverage_ratio", 0.199, 1),
          DoubleColumn.create("shortfall", 3_204, 0),
          DoubleColumn.create("probability_covered", 0.031, 0.88));

  @Test
  void aPayoutColumnNamesItsSchemeButTheChosenPayoutDoesNot() {
    assertThat(StatementReport.Schemes.schemeOf("cash_payout")).contains("cash");
    assertThat(StatementReport.Schemes.schemeOf("free_months_payout")).contains("free_months");
    assertThat(StatementReport.Schemes.schemeOf("chosen_payout")).isEmpty();
    assertThat(StatementReport.Schemes.schemeOf("payout_total")).isEmpty();
  }

  @Test
  void theLossShowsOnlyColumnsTheRunWroteWithTheirIntervals() {
    assertThat(StatementReport.Loss.of(impact, 0, en, msg).figures())
        .extracting(Figure::source, Figure::value, Figure::interval)
        .containsExactly(
            tuple("merchant_impact.lost_revenue", "CNY 12,345", "CNY 10,000 – CNY 15,000"),
            // its interval columns are missing: no interval
            tuple("merchant_impact.defected_customers", "12", ""),
            tuple("merchant_impact.actual_loss", "CNY 4,000", ""));
  }

  @Test
  void schemesAndChoiceAreTheMerchantsOwn() {
    assertThat(StatementReport.Schemes.of(impact, 0, en, msg).figures())
        .extracting(Figure::source, Figure::value)
        .containsExactly(
            tuple("merchant_impact.cash_payout", "CNY 800"),
            tuple("merchant_impact.traffic_payout", "CNY 796"));
    assertThat(StatementReport.Choice.of(impact, 0, en, msg).figures())
        .extracting(Figure::value)
        .containsExactly(msg.get("scheme.traffic"), "CNY 796", "19.9%", "CNY 3,204", "3.1%");
  }

  @Test
  void aMerchantMissingFromTheMerchantsTableHasNoName() {
    Table merchants =
        Table.create(
            "merchants",
            StringColumn.create("merchant_id", "M2"),
            StringColumn.create("name", "B"));
    assertThat(StatementReport.Merchant.of(impact, 0, merchants, "M1", msg))
        .isEqualTo(new StatementReport.Merchant("M1", "", "Retail"));
    assertThat(StatementReport.Merchant.of(impact, 1, merchants, "M2", msg))
        .isEqualTo(new StatementReport.Merchant("M2", "B", "Travel"));
  }

  @Test
  void noDailyChartForAMerchantWithoutDays() {
    Table days =
        Table.create(
            "merchant_day_counterfactual",
            StringColumn.create("date"),
            DoubleColumn.create("actual_revenue"),
            DoubleColumn.create("counterfactual_revenue"));
    assertThat(
            StatementReport.DailyPath.of(
                days, new ChartMarks(null, null, "", java.util.List.of()), en, msg))
        .isEmpty();
  }
}

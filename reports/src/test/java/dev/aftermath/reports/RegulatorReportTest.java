package dev.aftermath.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The regulator report's sections, from tiny hand-made tables. */
class RegulatorReportTest {
  private final Formats en = new Formats(Locale.UK, "CNY");
  private final Map<String, String> msg = ReportRenderer.messages(Locale.UK);

  @Test
  void aLocalTimeIsReadAsIfItWereUtcWithOrWithoutItsZ() {
    assertThat(RegulatorReport.epochAsUtc("1970-01-01 01:00:00")).isEqualTo(3_600_000L);
    assertThat(RegulatorReport.epochAsUtc("1970-01-01T01:00:00Z")).isEqualTo(3_600_000L);
  }

  @Test
  void theWholeOutageIsARowButNotABarOfTheTimeline() {
    Table t =
        Table.create(
            "incident_timeline",
            DoubleColumn.create("phase", 0, 1),
            StringColumn.create("from", "2020-02-23 19:00:00", "2020-02-23 19:00:00"),
            StringColumn.create("to", "2020-03-03 09:00:00", "2020-02-25 07:00:00"),
            DoubleColumn.create("hours", 206, 36),
            StringColumn.create("label", "outage", "database deleted"));

    RegulatorReport.Timeline timeline = RegulatorReport.Timeline.of(t, en, msg);

    assertThat(timeline.rows())
        .containsExactly(
            List.of("Whole outage", "2020-02-23 19:00", "2020-03-03 09:00", "206", "outage"),
            List.of("1", "2020-02-23 19:00", "2020-02-25 07:00", "36", "database deleted"));
    assertThat(timeline.chart()).contains("1. database deleted").doesNotContain(">outage<");
  }

  @Test
  void noTimelineChartWhenOnlyTheWholeOutageIsKnown() {
    Table t =
        Table.create(
            "incident_timeline",
            DoubleColumn.create("phase", new double[] {0}),
            StringColumn.create("from", "2020-02-23 19:00:00"),
            StringColumn.create("to", "2020-03-03 09:00:00"),
            DoubleColumn.create("hours", new double[] {206}),
            StringColumn.create("label", "outage"));
    assertThat(RegulatorReport.Timeline.of(t, en, msg).chart()).isNull();
  }

  @Test
  void consumerMoneyIsShownForThePlatformAndPrepaidCardsOnly() {
    assertThat(RegulatorReport.Affected.showsConsumerMoney(true, "")).isTrue();
    assertThat(RegulatorReport.Affected.showsConsumerMoney(false, "prepaid_cards")).isTrue();
    assertThat(RegulatorReport.Affected.showsConsumerMoney(false, "retail")).isFalse();
  }

  @Test
  void affectedRowsNameThePlatformAndIndustriesAndListTheirConsumerMoney() {
    Table d =
        Table.create(
            "defection_totals",
            StringColumn.create("scope", "platform", "industry", "industry"),
            StringColumn.create("industry", "", "prepaid_cards", "retail"),
            DoubleColumn.create("merchants", 3, 1, 2),
            DoubleColumn.create("active_customers", 300, 100, 200),
            DoubleColumn.create("defected_customers", 30, 10, 20),
            DoubleColumn.create("defected_customers_low", 20, 5, 15),
            DoubleColumn.create("defected_customers_high", 40, 15, 25),
            DoubleColumn.create("confirmed_defections", 6, 2, 4),
            DoubleColumn.create("lost_member_balances", 5000, 4000, 1000),
            DoubleColumn.create("lost_member_points", 700, 300, 400));

    RegulatorReport.Affected affected = RegulatorReport.Affected.of(d, en, msg);

    assertThat(affected.rows())
        .containsExactly(
            List.of("All merchants", "3", "300", "30", "20 – 40", "6", "CNY 5,000"),
            List.of("Prepaid cards", "1", "100", "10", "5 – 15", "2", "CNY 4,000"),
            List.of("Retail", "2", "200", "20", "15 – 25", "4", "CNY 1,000"));
    assertThat(affected.consumerMoney())
        .extracting(Figure::label, Figure::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Member balances lost — All merchants", "CNY 5,000"),
            org.assertj.core.groups.Tuple.tuple("Member points lost — All merchants", "700"),
            org.assertj.core.groups.Tuple.tuple(
                "Member balances lost — Prepaid cards", "CNY 4,000"),
            org.assertj.core.groups.Tuple.tuple("Member points lost — Prepaid cards", "300"));
  }

  @Test
  void fairnessShowsTheChosenSchemeByDimensionInTheTablesOrder() {
    Table s =
        Table.create(
            "scheme_fairness",
            StringColumn.create("scheme", "chosen", "cash", "chosen", "chosen"),
            StringColumn.create("dimension", "industry", "industry", "merchant_type", "industry"),
            StringColumn.create("group", "retail", "retail", "new", "travel"),
            DoubleColumn.create("merchants", 5, 5, 2, 3),
            DoubleColumn.create("share_made_whole", 0.4, 0.1, 0.5, 1),
            DoubleColumn.create("median_coverage", 0.8, 0.2, 0.9, 1.25),
            DoubleColumn.create("total_shortfall", 1000, 9000, 200, 0),
            DoubleColumn.create("gini_shortfall", 0.3, 0.5, 0.1, 0),
            DoubleColumn.create("expected_share_made_whole", 0.45, 0.1, 0.55, 0.97),
            DoubleColumn.create("merchants_with_loss", 4, 4, 2, 3));

    RegulatorReport.Fairness fairness = RegulatorReport.Fairness.of(s, en, msg);

    assertThat(fairness.dimensions())
        .containsExactly(
            new RegulatorReport.Dimension(
                "By industry",
                List.of(
                    List.of(
                        "Retail",
                        "5",
                        "40.0%",
                        "0.80",
                        "CNY 1,000",
                        "0.30",
                        "45.0%",
                        "4",
                        "retail"),
                    List.of(
                        "Travel", "3", "100.0%", "1.25", "CNY 0", "0.00", "97.0%", "3", "travel"))),
            new RegulatorReport.Dimension(
                "Existing and new merchants",
                List.of(
                    List.of("New", "2", "50.0%", "0.90", "CNY 200", "0.10", "55.0%", "2", "new"))));
    assertThat(fairness.coverageChart()).contains("Retail").contains("Travel");
  }

  @Test
  void orderedCategoriesFollowTheirNumbersNotTheirText() {
    List<String> groups = new java.util.ArrayList<>(List.of("100%", "50–99%", "0%", "1–49%"));
    groups.sort(java.util.Comparator.comparing(RegulatorReport::order));
    assertThat(groups).containsExactly("0%", "1–49%", "50–99%", "100%");
  }

  @Test
  void signalsWithoutACustomerAreTheMerchantsOwn() {
    Table counts =
        Table.create(
            "churn_signals",
            StringColumn.create("signal", "complaint", "complaint"),
            StringColumn.create("level_merchant", "false", "true"),
            DoubleColumn.create("n", 1234, 5));
    assertThat(RegulatorReport.Signals.of(counts, en, msg).rows())
        .containsExactly(
            List.of("Complaint", "Customer", "1,234"), List.of("Complaint", "Merchant", "5"));
  }

  @Test
  void theTemplateReadsTheViewRecordsComponents() {
    // a view record the template reads must be public, or its components are missing
    String html =
        new ReportRenderer()
            .render(
                "record-probe.ftlh",
                Locale.UK,
                Map.of("view", new RegulatorReport.Dimension("M1 · Retail", List.of())));
    assertThat(html).contains("<p>M1 · Retail</p>");
  }
}

package dev.aftermath.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The legal report's sections, from tiny hand-made tables. */
class LegalReportTest {
  private final Formats en = new Formats(Locale.UK, "CNY");
  private final Map<String, String> msg = ReportRenderer.messages(Locale.UK);

  @Test
  void expectedClaimsSumTheKnownProbabilities() {
    double[] p = {0.7, 0.2, Double.NaN, 0.5};
    assertThat(LegalReport.Claims.expectedClaims(p)).isCloseTo(1.4, within(1e-12));
  }

  @Test
  void likelyClaimantsAreMoreLikelyThanNotToClaim() {
    double[] p = {0.7, 0.2, Double.NaN, 0.5, 0.51};
    assertThat(LegalReport.Claims.likelyClaimants(p)).isEqualTo(2);
  }

  @Test
  void claimsCountEveryMerchantIncludingThoseWithoutAProbability() {
    Table impact =
        Table.create(
            "merchant_impact",
            StringColumn.create("merchant_id", "M1", "M2", "M3"),
            DoubleColumn.create("claim_probability", 0.7, 0.2, Double.NaN));

    assertThat(LegalReport.Claims.of(impact, en, msg).figures())
        .extracting(Figure::value, Figure::source)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("0.9", "merchant_impact.claim_probability (sum)"),
            org.assertj.core.groups.Tuple.tuple("1", "merchant_impact.claim_probability > 0.5"),
            org.assertj.core.groups.Tuple.tuple("3", "merchant_impact"));
  }

  @Test
  void moneyAxesNameTheirUnitMillionsInEnglishWanInChinese() {
    Formats english = new Formats(java.util.Locale.ENGLISH, "CNY");
    Formats chinese = new Formats(java.util.Locale.SIMPLIFIED_CHINESE, "HKD");
    assertThat(english.axisScale()).isEqualTo(1e6);
    assertThat(english.moneyAxis("Total exposure")).isEqualTo("Total exposure (CNY M)");
    assertThat(chinese.axisScale()).isEqualTo(1e4);
    assertThat(chinese.moneyAxis("总敞口")).isEqualTo("总敞口（万港元）");
    assertThat(chinese.currencyAxis("日营业额")).isEqualTo("日营业额（港元）");
  }

  @Test
  void exposureRowsPerRegimeAndTheFundRemainingFromTheFirstRow() {
    Table e =
        Table.create(
            "exposure_distribution",
            StringColumn.create("regime", "foreseeable_loss"),
            DoubleColumn.create("mean", new double[] {20_000}),
            DoubleColumn.create("p50", new double[] {19_000}),
            DoubleColumn.create("p90", new double[] {27_000}),
            DoubleColumn.create("p99", new double[] {35_000}),
            DoubleColumn.create("probability_exceeds_fund_remaining", new double[] {0.25}),
            DoubleColumn.create("fund_remaining", new double[] {1.4e8}));
    Table curve =
        Table.create(
            "loss_exceedance",
            StringColumn.create("regime", "foreseeable_loss", "foreseeable_loss"),
            DoubleColumn.create("x", 0, 40_000),
            DoubleColumn.create("probability", 1, 0));

    LegalReport.Exposure exposure =
        LegalReport.Exposure.of(e, curve, Map.of("foreseeable_loss", 61_000.0), en, msg);

    assertThat(exposure.rows())
        .containsExactly(
            List.of(
                msg.get("regime.foreseeable_loss"),
                "CNY 20,000",
                "CNY 19,000",
                "CNY 27,000",
                "CNY 35,000",
                "25.0%",
                "CNY 61,000"));
    assertThat(exposure.fundRemaining()).isEqualTo("CNY 140.00 M");
    assertThat(exposure.exceedanceChart()).startsWith("<svg");
  }

  @Test
  void anExposureWithoutRegimesHasNoFundRemaining() {
    Table e =
        Table.create(
            "exposure_distribution",
            StringColumn.create("regime"),
            DoubleColumn.create("fund_remaining"));
    Table curve =
        Table.create(
            "loss_exceedance",
            StringColumn.create("regime"),
            DoubleColumn.create("x"),
            DoubleColumn.create("probability"));
    LegalReport.Exposure exposure = LegalReport.Exposure.of(e, curve, Map.of(), en, msg);
    assertThat(exposure.rows()).isEmpty();
    assertThat(exposure.fundRemaining()).isEqualTo("–");
  }

  @Test
  void topExposuresNameTheMerchantAndListOnlyTheEvidenceThereIs() {
    Table t =
        Table.create(
            "top_exposures",
            DoubleColumn.create("rank", new double[] {1}),
            StringColumn.create("merchant_id", "M1"),
            StringColumn.create("industry", "retail"),
            DoubleColumn.create("actual_loss", new double[] {50_000}),
            DoubleColumn.create("chosen_payout", new double[] {10_000}),
            DoubleColumn.create("exposure_foreseeable", new double[] {30_000}),
            DoubleColumn.create("exposure_full", new double[] {40_000}),
            DoubleColumn.create("claim_probability", new double[] {0.7}),
            DoubleColumn.create("expected_exposure", new double[] {14_000}),
            DoubleColumn.create("complaints", new double[] {2}),
            DoubleColumn.create("data_exports", new double[] {0}),
            DoubleColumn.create("competitor_migrations", new double[] {1}),
            DoubleColumn.create("contract_cancels", new double[] {0}),
            DoubleColumn.create("defected_customers", new double[] {12}),
            DoubleColumn.create("lost_member_balances", new double[] {0}));

    List<List<String>> rows =
        LegalReport.TopExposures.of(
                t, Map.of("M1", "Shop"), Map.of("M1", Map.of("complaint", "25 Feb 2020")), en, msg)
            .rows();

    assertThat(rows)
        .containsExactly(
            List.of(
                "1",
                "M1",
                "Shop",
                "Retail",
                "CNY 50,000",
                "CNY 10,000",
                "CNY 30,000",
                "CNY 40,000",
                "70.0%",
                "CNY 14,000",
                "Complaint × 2, first 25 Feb 2020; Migration to a competitor × 1; "
                    + msg.get("legal.defected")
                    + " 12"));
  }

  @Test
  void anAssumptionWithoutANoteSaysSo() {
    Table a =
        Table.create(
            "scenario_assumptions",
            StringColumn.create("key", "a", "b"),
            StringColumn.create("value", "1", "2"),
            StringColumn.create("note", "ASSUMPTION: x", ""));
    assertThat(LegalReport.Assumptions.of(a, en, msg).rows())
        .containsExactly(
            List.of("a", "1", "ASSUMPTION: x"), List.of("b", "2", msg.get("legal.no_note")));
  }

  @Test
  void aTableBalancesWhenEveryRecordReadIsValidQuarantinedOrADuplicate() {
    assertThat(new Lineage.Reconciled("orders", 10, 7, 2, 1).balances()).isTrue();
    assertThat(new Lineage.Reconciled("orders", 10, 7, 2, 0).balances()).isFalse();
  }

  @Test
  void lineageMarksEachTableAndListsReasonsAndInputs() {
    Map<String, Long> reasons = new TreeMap<>(Map.of("bad_amount", 2L));
    LegalReport.DataLineage lineage =
        LegalReport.DataLineage.of(
            List.of(
                new Lineage.Reconciled("orders", 1200, 1197, 2, 1),
                new Lineage.Reconciled("refunds", 5, 3, 1, 0)),
            reasons,
            List.of(new CaseFiles.InputFile("orders.csv", 2048, "ab12")),
            en);
    assertThat(lineage.reconciliation())
        .containsExactly(
            List.of("orders", "1,200", "1,197", "2", "1", "✓"),
            List.of("refunds", "5", "3", "1", "0", "✗"));
    assertThat(lineage.quarantine()).containsExactly(List.of("bad_amount", "2"));
    assertThat(lineage.inputs()).containsExactly(List.of("orders.csv", "2,048", "ab12"));
  }
}

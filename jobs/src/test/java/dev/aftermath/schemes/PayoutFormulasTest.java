package dev.aftermath.schemes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aftermath.scenario.Fund;
import dev.aftermath.scenario.SlaCreditTerms;
import dev.aftermath.scenario.TrafficPlanTerms;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The published formulas on hand-computed cases (INCIDENT.md). */
class PayoutFormulasTest {
  private static final LocalDateTime BASELINE_START = LocalDateTime.of(2020, 2, 17, 19, 0);
  private static final LocalDateTime BASELINE_END = LocalDateTime.of(2020, 2, 23, 19, 0);

  @Test
  void theWholesaleMerchantOfTheIncident() {
    // ~20,000 RMB a day after tax over the 6-day window, 16.7% margin, 206 hours:
    // 20,000 × 0.167 × 206 / 24 = 28,668.333… → 28,668.33
    BigDecimal days = CashPlan.days(BASELINE_START, BASELINE_END);
    assertThat(days).isEqualByComparingTo("6");
    BigDecimal daily = CashPlan.averageDaily(new BigDecimal("120000.00"), days);
    assertThat(CashPlan.payout(daily, 0.167, 206)).isEqualByComparingTo("28668.33");
  }

  @Test
  void theCashFormulaToTheCent() {
    // 1,234.56 / 6 = 205.76 a day; × 0.15 = 30.864; × 206 / 24 = 264.916 → 264.92
    BigDecimal daily =
        CashPlan.averageDaily(
            new BigDecimal("1234.56"), CashPlan.days(BASELINE_START, BASELINE_END));
    assertThat(CashPlan.payout(daily, 0.15, 206)).isEqualByComparingTo("264.92");
    // a window of 36 hours is 1.5 days: 300 / 1.5 = 200 a day; × 0.2 × 12 / 24 = 20.00
    BigDecimal half =
        CashPlan.averageDaily(
            new BigDecimal("300"), CashPlan.days(BASELINE_START, BASELINE_START.plusHours(36)));
    assertThat(CashPlan.payout(half, 0.2, 12)).isEqualByComparingTo("20.00");
    assertThat(CashPlan.payout(BigDecimal.ZERO, 0.2, 206)).isEqualByComparingTo("0");
  }

  @Test
  void trafficPlanImpressionsAndExtension() {
    TrafficPlanTerms terms = new TrafficPlanTerms(50_000, 6.0, 2);
    assertThat(TrafficPlan.impressionsValue(terms, true)).isEqualByComparingTo("300.00");
    assertThat(TrafficPlan.impressionsValue(terms, false)).isEqualByComparingTo("0");
    assertThat(TrafficPlan.extensionValue(terms, new BigDecimal("398")))
        .isEqualByComparingTo("796");
  }

  @Test
  void serviceCreditPerCalendarMonth() {
    SlaCreditTerms tiers = SlaCreditTerms.defaults();
    // the incident: February 2020 loses 149 of 696 hours (78.6%), March 57 of 744 (92.3%)
    List<SlaCredit.Month> months =
        SlaCredit.months(
            tiers, LocalDateTime.of(2020, 2, 23, 19, 0), LocalDateTime.of(2020, 3, 3, 9, 0));
    assertThat(months).hasSize(2);
    assertThat(months.get(0).month()).isEqualTo(YearMonth.of(2020, 2));
    assertThat(months.get(0).downtimeHours()).isCloseTo(149, within(1e-9));
    assertThat(months.get(1).downtimeHours()).isCloseTo(57, within(1e-9));
    assertThat(months.get(0).credit()).isEqualTo(1.0);
    assertThat(months.get(1).credit()).isEqualTo(1.0);
    assertThat(SlaCredit.payout(months, new BigDecimal("398"))).isEqualByComparingTo("796");
    // one hour in a 30-day month: 99.86% → 10%; five hours: 99.31% → 10%; eight: 98.9% → 30%
    assertThat(creditFor(tiers, 1)).isEqualTo(0.10);
    assertThat(creditFor(tiers, 8)).isEqualTo(0.30);
    assertThat(creditFor(tiers, 0)).isEqualTo(0.0);
  }

  private static double creditFor(SlaCreditTerms tiers, int hours) {
    LocalDateTime start = LocalDateTime.of(2020, 4, 10, 0, 0);
    List<SlaCredit.Month> m = SlaCredit.months(tiers, start, start.plusHours(hours));
    return m.isEmpty() ? 0 : m.get(0).credit();
  }

  @Test
  void theRationalChoiceIsTheLargestOfferedSchemeAndTiesGoToTheFirstListed() {
    Map<String, BigDecimal> v =
        Map.of(
            "cash", new BigDecimal("500.00"),
            "traffic", new BigDecimal("796.00"),
            "sla_credit", new BigDecimal("9999"));
    assertThat(PayoutSchemesJob.choose(v, List.of("cash", "traffic"))).isEqualTo("traffic");
    Map<String, BigDecimal> tie =
        Map.of("cash", new BigDecimal("796.00"), "traffic", new BigDecimal("796"));
    assertThat(PayoutSchemesJob.choose(tie, List.of("cash", "traffic"))).isEqualTo("cash");
  }

  @Test
  void theFundCutsEveryPayoutProRataAndSplitsWhatIsPaid() {
    Fund fund = new Fund(150, OptionalDouble.of(100), OptionalDouble.of(50));
    FundAllocation over = FundAllocation.of(300, Optional.of(fund));
    assertThat(over.proRataFactor()).isEqualTo(0.5);
    assertThat(over.paid()).isEqualTo(150);
    assertThat(over.paidByCompany()).isCloseTo(100, within(1e-9));
    assertThat(over.paidByManagement()).isCloseTo(50, within(1e-9));
    FundAllocation under = FundAllocation.of(30, Optional.of(fund));
    assertThat(under.proRataFactor()).isEqualTo(1);
    assertThat(under.paidByCompany()).isCloseTo(20, within(1e-9));
  }

  @Test
  void fairnessMeasures() {
    // losses 100, 100, 0; payouts 100, 50, 10: one of two made whole, coverage 1 and 0.5
    Fairness f =
        Fairness.of(List.of(new double[] {100, 100}, new double[] {100, 50}, new double[] {0, 10}));
    assertThat(f.merchants()).isEqualTo(3);
    assertThat(f.merchantsWithLoss()).isEqualTo(2);
    assertThat(f.shareMadeWhole()).isEqualTo(0.5);
    assertThat(f.medianCoverage()).isEqualTo(0.75);
    assertThat(f.totalShortfall()).isEqualTo(50);
    // relative shortfalls 0 and 0.5: all of it on one of two merchants, Gini 0.5
    assertThat(f.giniShortfall()).isCloseTo(0.5, within(1e-12));
    assertThat(Fairness.gini(new double[] {0.3, 0.3, 0.3})).isCloseTo(0, within(1e-12));
  }
}

package dev.aftermath.company;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftermath.scenario.Fund;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CompanyImpactTest {
  private static final CompanyCosts COSTS =
      new CompanyCosts(
          Map.of("cash", new CompanyCosts.SchemeChoice(2, 300.504)),
          300.504,
          5000,
          10.0,
          30.126,
          7.25);
  private static final RevenueAtRisk AT_RISK = new RevenueAtRisk(3, 600);
  private static final ChurnRates CHURN =
      new ChurnRates(new ChurnRates.Period(1, 130), new ChurnRates.Period(0, 0));

  private static Map<String, CompanyImpact.Metric> byName(List<CompanyImpact.Metric> metrics) {
    return metrics.stream().collect(Collectors.toMap(CompanyImpact.Metric::name, m -> m));
  }

  @Test
  void listsSchemesThenCostsThenRevenueAtRiskThenChurnWithoutAFund() {
    List<CompanyImpact.Metric> m =
        CompanyImpact.metrics(COSTS, Optional.empty(), AT_RISK, CHURN, "EUR");

    assertThat(m)
        .extracting(CompanyImpact.Metric::name)
        .containsExactly(
            "merchants_choosing_cash",
            "payout_value_cash",
            "cost_cash_paid",
            "impressions_granted",
            "cost_impressions",
            "cost_free_months",
            "cost_other_schemes",
            "cost_total",
            "merchants_at_risk",
            "subscription_revenue_at_risk",
            "merchants_left_before",
            "churn_rate_before",
            "merchants_left_after",
            "churn_rate_after");
  }

  @Test
  void roundsMoneyToTheCentButNotCountsOrRates() {
    Map<String, CompanyImpact.Metric> m =
        byName(CompanyImpact.metrics(COSTS, Optional.empty(), AT_RISK, CHURN, "EUR"));

    assertThat(m.get("payout_value_cash").value()).isEqualTo(300.50);
    assertThat(m.get("cost_free_months").value()).isEqualTo(30.13);
    // 300.504 + 10 + 30.126 + 7.25 = 347.88 before rounding
    assertThat(m.get("cost_total").value()).isEqualTo(347.88);
    assertThat(m.get("cost_total").unit()).isEqualTo("EUR");
    assertThat(m.get("merchants_choosing_cash").value()).isEqualTo(2.0);
    assertThat(m.get("churn_rate_before").value()).isEqualTo(1 / (130 / (365.25 / 12)));
    assertThat(m.get("churn_rate_after").value()).isNull();
  }

  @Test
  void splitsTheCostBetweenContributorsOnlyWhenBothAreGiven() {
    Fund withoutSplit = new Fund(200, OptionalDouble.empty(), OptionalDouble.empty());
    Fund split = new Fund(200, OptionalDouble.of(3), OptionalDouble.of(1));

    Map<String, CompanyImpact.Metric> unsplit =
        byName(CompanyImpact.metrics(COSTS, Optional.of(withoutSplit), AT_RISK, CHURN, "EUR"));
    Map<String, CompanyImpact.Metric> m =
        byName(CompanyImpact.metrics(COSTS, Optional.of(split), AT_RISK, CHURN, "EUR"));

    assertThat(unsplit).containsKeys("fund_total", "cost_share_of_fund");
    assertThat(unsplit).doesNotContainKeys("cost_borne_by_company", "cost_beyond_fund");
    // the fund of 200 is borne 3:1; the rest of the 347.88 lies beyond it
    assertThat(m.get("cost_borne_by_company").value()).isEqualTo(150.0);
    assertThat(m.get("cost_borne_by_management").value()).isEqualTo(50.0);
    assertThat(m.get("cost_beyond_fund").value()).isEqualTo(147.88);
    assertThat(m.get("cost_share_of_fund").unit()).isEqualTo("ratio");
    assertThat(m.get("cost_share_of_fund").value()).isEqualTo(COSTS.total() / 200);
  }
}

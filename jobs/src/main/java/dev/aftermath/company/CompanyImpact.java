package dev.aftermath.company;

import dev.aftermath.scenario.Fund;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rows of {@code company_impact}, in order: per chosen scheme, the costs, the fund and who
 * bears the cost, the subscription revenue at risk and churn before and after. Money is rounded to
 * the cent.
 */
final class CompanyImpact {
  private CompanyImpact() {}

  /** One row: a metric, its value (null: none), the unit and a note on its source. */
  record Metric(String name, Double value, String unit, String note) {}

  static List<Metric> metrics(
      CompanyCosts costs,
      Optional<Fund> fund,
      RevenueAtRisk atRisk,
      ChurnRates churn,
      String currency) {
    Rows m = new Rows(currency);
    costs
        .byScheme()
        .forEach(
            (scheme, s) -> {
              m.add("merchants_choosing_" + scheme, s.merchants(), "merchants", "");
              m.add("payout_value_" + scheme, s.payoutValue(), currency, "as valued to merchants");
            });
    double total = costs.total();
    m.add("cost_cash_paid", costs.cashPaid(), currency, "chosen_payout of merchants choosing cash");
    m.add(
        "impressions_granted",
        costs.impressionsGranted(),
        "impressions",
        "ad-eligible merchants choosing traffic");
    m.add(
        "cost_impressions",
        costs.impressionCost(),
        currency,
        "impressions / 1000 × liability.impression_cost_cpm (assumption)");
    m.add("cost_free_months", costs.freeMonths(), currency, "subscription fees forgone");
    m.add("cost_other_schemes", costs.otherSchemes(), currency, "other offered schemes, at payout");
    m.add("cost_total", total, currency, "cost to the company of the merchants' choices");
    fund.ifPresent(
        f -> {
          m.add("fund_total", f.total(), currency, "fund.total");
          m.add("cost_share_of_fund", costs.shareOf(f.total()), "ratio", "");
          if (f.company().isPresent() && f.management().isPresent()) {
            CompanyCosts.FundSplit split =
                costs.split(f.total(), f.company().getAsDouble(), f.management().getAsDouble());
            String proRata = "pro rata of the fund's contributions";
            m.add("cost_borne_by_company", split.borneByCompany(), currency, proRata);
            m.add("cost_borne_by_management", split.borneByManagement(), currency, proRata);
            m.add("cost_beyond_fund", split.beyondFund(), currency, "");
          }
        });
    m.add(
        "merchants_at_risk",
        atRisk.merchants(),
        "merchants",
        "left after the outage started or sent competitor_migration / contract_cancel");
    m.add(
        "subscription_revenue_at_risk",
        atRisk.fees(),
        currency,
        "their monthly_fee × liability.subscription_horizon_months");
    m.add(
        "merchants_left_before",
        churn.before().leavers(),
        "merchants",
        "left between history start and the outage");
    m.add(
        "churn_rate_before",
        churn.before().ratePerMonth(),
        "per merchant-month",
        "leavers / merchant-months on the platform");
    m.add(
        "merchants_left_after",
        churn.after().leavers(),
        "merchants",
        "left between the outage and the horizon");
    m.add(
        "churn_rate_after",
        churn.after().ratePerMonth(),
        "per merchant-month",
        "leavers / merchant-months on the platform");
    return m.rows;
  }

  /** Rows in order, money (the value of a row whose unit is the currency) to the cent. */
  private static final class Rows {
    final String currency;
    final List<Metric> rows = new ArrayList<>();

    Rows(String currency) {
      this.currency = currency;
    }

    void add(String name, Number value, String unit, String note) {
      Double v = value == null ? null : value.doubleValue();
      if (v != null && currency.equals(unit)) {
        v = Math.round(v * 100) / 100.0;
      }
      rows.add(new Metric(name, v, unit, note));
    }
  }
}

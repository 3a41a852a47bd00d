package dev.aftermath.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outage's material impact on results as a bridge, for the investor report: each item of the
 * company's cost ({@code company_impact}) with where it lands in the accounts, who pays, and in
 * which quarter, against the company's reported revenue scaled to the case's share of the platform
 * (the facts file's {@code revenue_2018}). Timing is an assumption stated in the report: cash and
 * impressions in the month of the compensation plan (its milestone in the facts file, else the
 * outage's last day), free months over the {@code schemes.traffic.extension_months} months from
 * then, subscription revenue at risk evenly over {@code liability.subscription_horizon_months}
 * months from the outage's month.
 *
 * @param rows item, amount, where it lands, then one amount per quarter
 * @param quarters the quarters' labels (2020Q1, …)
 * @param comparisons label and value: the total against the scaled revenue and the fund
 */
public record FinancialBridge(
    List<List<String>> rows, List<String> quarters, List<List<String>> comparisons) {

  static FinancialBridge of(
      Map<String, Double> company,
      Settings settings,
      CaseShare share,
      LocalDate compensation,
      LocalDate outageStart,
      Double revenue,
      Formats f,
      Map<String, String> msg) {
    YearMonth paid = YearMonth.from(compensation);
    int extension = (int) Math.max(1, orZero(settings.number("schemes.traffic.extension_months")));
    double horizonSetting = settings.number("liability.subscription_horizon_months");
    int horizon = Double.isNaN(horizonSetting) ? 12 : (int) horizonSetting;
    Map<String, Map<String, Double>> byQuarter = new LinkedHashMap<>();
    addMonths(byQuarter, "cost_cash_paid", company, paid, 1);
    addMonths(byQuarter, "cost_impressions", company, paid, 1);
    addMonths(byQuarter, "cost_free_months", company, paid, extension);
    addMonths(
        byQuarter, "subscription_revenue_at_risk", company, YearMonth.from(outageStart), horizon);
    java.util.TreeSet<String> quarterSet = new java.util.TreeSet<>();
    byQuarter.values().forEach(m -> quarterSet.addAll(m.keySet()));
    List<String> quarters = new ArrayList<>(quarterSet);
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, Map<String, Double>> item : byQuarter.entrySet()) {
      List<String> row = new ArrayList<>();
      row.add(msg.get("company." + item.getKey()));
      row.add(f.money(company.get(item.getKey())));
      row.add(msg.get("bridge.lands." + item.getKey()));
      for (String q : quarters) {
        Double v = item.getValue().get(q);
        row.add(v == null ? "" : f.money(v));
      }
      rows.add(row);
    }
    List<List<String>> comparisons = new ArrayList<>();
    double total = orZero(company.get("cost_total"));
    double atRisk = orZero(company.get("subscription_revenue_at_risk"));
    if (revenue != null && !Double.isNaN(revenue)) {
      double scaled = revenue * share.share();
      comparisons.add(
          List.of(
              msg.get(share.sample() ? "bridge.revenue.sample" : "bridge.revenue")
                  .replace("{share}", f.percent(share.share())),
              f.money(scaled)));
      comparisons.add(
          List.of(msg.get("bridge.total_of_revenue"), f.percent((total + atRisk) / scaled)));
    }
    for (String who : List.of("cost_borne_by_company", "cost_borne_by_management")) {
      if (company.containsKey(who)) {
        comparisons.add(List.of(msg.get("company." + who), f.money(company.get(who))));
      }
    }
    return new FinancialBridge(rows, quarters, comparisons);
  }

  /**
   * Spreads metric {@code key} evenly over {@code months} months from {@code first}, by quarter.
   */
  private static void addMonths(
      Map<String, Map<String, Double>> out,
      String key,
      Map<String, Double> company,
      YearMonth first,
      int months) {
    Double amount = company.get(key);
    if (amount == null) {
      return;
    }
    Map<String, Double> q = new java.util.TreeMap<>();
    for (int i = 0; i < months; i++) {
      YearMonth m = first.plusMonths(i);
      q.merge(m.getYear() + "Q" + ((m.getMonthValue() - 1) / 3 + 1), amount / months, Double::sum);
    }
    out.put(key, q);
  }

  private static double orZero(Double v) {
    return v == null || Double.isNaN(v) ? 0 : v;
  }
}

package dev.aftermath.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * The investor report's view: headline losses with their intervals, what the schemes cost against
 * the fund, subscription revenue at risk, the event study, and where the uncertainty comes from.
 * Every figure names the table and column it comes from.
 */
final class InvestorReport {
  private InvestorReport() {}

  static Map<String, Object> model(ResultTables tables, Formats f, Map<String, String> msg) {
    Map<String, Object> m = new LinkedHashMap<>();
    List<Figure> headline = new ArrayList<>();
    Table impact = tables.table("impact_totals");
    int p = Rows.find(impact, "scope", "platform");
    headline.add(
        new Figure(
            msg.get("fig.lost_revenue"),
            f.money(Rows.num(impact, p, "lost_revenue")),
            range(f, impact, p, "lost_revenue_low", "lost_revenue_high"),
            "impact_totals.lost_revenue"));
    headline.add(
        new Figure(
            msg.get("fig.lost_margin"),
            f.money(Rows.num(impact, p, "lost_margin")),
            range(f, impact, p, "lost_margin_low", "lost_margin_high"),
            "impact_totals.lost_margin"));
    if (tables.has("defection_totals")) {
      Table d = tables.table("defection_totals");
      int q = Rows.find(d, "scope", "platform");
      headline.add(
          new Figure(
              msg.get("fig.defected_customers"),
              f.count(Rows.num(d, q, "defected_customers")),
              f.countRange(
                  Rows.num(d, q, "defected_customers_low"),
                  Rows.num(d, q, "defected_customers_high")),
              "defection_totals.defected_customers"));
      headline.add(
          new Figure(
              msg.get("fig.lost_customer_margin"),
              f.money(Rows.num(d, q, "lost_customer_margin")),
              "",
              "defection_totals.lost_customer_margin"));
    }
    if (tables.has("exposure_distribution")) {
      Table e = tables.table("exposure_distribution");
      for (String regime : List.of("foreseeable_loss", "full_loss")) {
        int r = Rows.find(e, "regime", regime);
        if (r >= 0) {
          headline.add(
              new Figure(
                  msg.get("fig.exposure." + regime),
                  f.money(Rows.num(e, r, "mean")),
                  "P50 "
                      + f.money(Rows.num(e, r, "p50"))
                      + " · P90 "
                      + f.money(Rows.num(e, r, "p90"))
                      + " · P99 "
                      + f.money(Rows.num(e, r, "p99")),
                  "exposure_distribution.mean"));
        }
      }
    }
    m.put("headline", headline);

    List<String> industries = new ArrayList<>();
    List<Double> lost = new ArrayList<>();
    List<List<String>> industryRows = new ArrayList<>();
    for (int i = 0; i < impact.rowCount(); i++) {
      if (!"industry".equals(Rows.text(impact, i, "scope"))) {
        continue;
      }
      String code = Rows.text(impact, i, "industry");
      String industry = msg.getOrDefault("industry." + code, code);
      industries.add(industry);
      lost.add(Rows.num(impact, i, "lost_revenue"));
      double width =
          Rows.num(impact, i, "lost_revenue_high") - Rows.num(impact, i, "lost_revenue_low");
      industryRows.add(
          List.of(
              industry,
              f.money(Rows.num(impact, i, "lost_revenue")),
              range(f, impact, i, "lost_revenue_low", "lost_revenue_high"),
              f.money(width)));
    }
    m.put("industryRows", industryRows);
    m.put("drivers", drivers(impact, industries, f));
    if (tables.has("merchant_impact")) {
      Table merchants = tables.table("merchant_impact", "merchant_id");
      List<Double> values = new ArrayList<>();
      for (int i = 0; i < merchants.rowCount(); i++) {
        double v = Rows.num(merchants, i, "lost_revenue");
        if (!Double.isNaN(v)) {
          values.add(v);
        }
      }
      if (values.size() > 10) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double lo = sorted[(int) (0.01 * (sorted.length - 1))];
        double hi = sorted[(int) (0.99 * (sorted.length - 1))];
        double[] clipped =
            values.stream().mapToDouble(v -> Math.max(lo, Math.min(hi, v))).toArray();
        m.put(
            "distributionChart",
            Charts.histogram(
                "distribution",
                msg.get("axis.merchant_lost_revenue"),
                msg.get("axis.merchants"),
                clipped,
                40));
      }
    }
    if (tables.has("merchant_day_counterfactual")) {
      Table days =
          tables.aggregate(
              "merchant_day_counterfactual",
              "date, sum(actual_revenue) AS actual, sum(counterfactual_revenue) AS expected");
      m.put("platformChart", path(days, "platform", msg));
      m.put("examples", examples(tables, f, msg));
      m.put(
          "platformFrom",
          days.rowCount() > 0 ? f.date(java.time.LocalDate.parse(Rows.text(days, 0, "date"))) : "");
    }
    m.put(
        "lostRevenueChart",
        Charts.bars("lost-revenue", msg.get("axis.lost_revenue"), industries, lost));

    if (tables.has("company_impact")) {
      Map<String, Double> c = Rows.metrics(tables.table("company_impact"));
      List<Figure> cost = new ArrayList<>();
      for (String k :
          List.of(
              "cost_cash_paid",
              "cost_impressions",
              "cost_free_months",
              "cost_other_schemes",
              "cost_total",
              "fund_total",
              "cost_borne_by_company",
              "cost_borne_by_management",
              "subscription_revenue_at_risk")) {
        if (c.containsKey(k)) {
          cost.add(
              new Figure(msg.get("company." + k), f.money(c.get(k)), "", "company_impact." + k));
        }
      }
      for (String k : List.of("cost_share_of_fund", "churn_rate_before", "churn_rate_after")) {
        if (c.containsKey(k)) {
          cost.add(
              new Figure(msg.get("company." + k), f.percent(c.get(k)), "", "company_impact." + k));
        }
      }
      m.put("companyRows", cost);
    }
    if (tables.has("share_path")) {
      Table sp = tables.table("share_path", "date");
      List<double[]> share = new ArrayList<>();
      List<double[]> market = new ArrayList<>();
      for (int i = 0; i < sp.rowCount(); i++) {
        share.add(new double[] {i, Rows.num(sp, i, "close_rebased")});
        market.add(new double[] {i, Rows.num(sp, i, "market_rebased")});
      }
      if (!share.isEmpty()) {
        m.put(
            "priceChart",
            Charts.lines(
                "price",
                msg.get("axis.trading_day"),
                msg.get("axis.rebased"),
                List.of(msg.get("series.share"), msg.get("series.market")),
                List.of(share.toArray(new double[0][]), market.toArray(new double[0][]))));
        m.put("priceFrom", f.date(java.time.LocalDate.parse(Rows.text(sp, 0, "date"))));
      }
    }
    if (tables.has("event_study")) {
      Table es = tables.table("event_study", "event, kind, relative_day, window_from, window_to");
      List<List<String>> windows = new ArrayList<>();
      Map<String, List<double[]>> car = new LinkedHashMap<>();
      for (int i = 0; i < es.rowCount(); i++) {
        String event = Rows.text(es, i, "event");
        if ("window".equals(Rows.text(es, i, "kind"))) {
          double value = Rows.num(es, i, "market_value_change");
          windows.add(
              List.of(
                  msg.getOrDefault("event." + event, event),
                  "["
                      + (int) Rows.num(es, i, "window_from")
                      + ", "
                      + (int) Rows.num(es, i, "window_to")
                      + "]",
                  f.percent(Rows.num(es, i, "car")),
                  f.number(Rows.num(es, i, "t"), 2),
                  f.number(Rows.num(es, i, "p"), 3),
                  Double.isNaN(value)
                      ? "–"
                      : f.moneyIn(value, Rows.text(es, i, "value_currency"))));
        } else {
          car.computeIfAbsent(msg.getOrDefault("event." + event, event), k -> new ArrayList<>())
              .add(new double[] {Rows.num(es, i, "relative_day"), 100 * Rows.num(es, i, "car")});
        }
      }
      m.put("eventWindows", windows);
      List<double[][]> series = new ArrayList<>();
      for (List<double[]> s : car.values()) {
        series.add(s.toArray(new double[0][]));
      }
      m.put(
          "carChart",
          Charts.lines(
              "car",
              msg.get("axis.relative_day"),
              msg.get("axis.car"),
              new ArrayList<>(car.keySet()),
              series));
    }
    return m;
  }

  /**
   * What drives the uncertainty: each industry's share of the summed variances of the industry
   * totals (σ from the 90% interval), largest first.
   */
  static List<List<String>> drivers(Table impact, List<String> industries, Formats f) {
    List<Double> variance = new ArrayList<>();
    double sum = 0;
    for (int i = 0; i < impact.rowCount(); i++) {
      if ("industry".equals(Rows.text(impact, i, "scope"))) {
        double sd =
            (Rows.num(impact, i, "lost_revenue_high") - Rows.num(impact, i, "lost_revenue_low"))
                / (2 * 1.6448536269514722);
        variance.add(sd * sd);
        sum += sd * sd;
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < variance.size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> Double.compare(variance.get(b), variance.get(a)));
    List<List<String>> rows = new ArrayList<>();
    for (int i : order) {
      rows.add(List.of(industries.get(i), f.percent(sum > 0 ? variance.get(i) / sum : Double.NaN)));
    }
    return rows;
  }

  /**
   * Illustrative merchants: the three existing merchants with the largest estimated lost revenue,
   * each with its own path (identified by merchant id only).
   */
  static List<Map<String, String>> examples(
      ResultTables tables, Formats f, Map<String, String> msg) {
    List<Map<String, String>> out = new ArrayList<>();
    if (!tables.has("merchant_impact")) {
      return out;
    }
    Table top =
        tables.query(
            "merchant_impact",
            "existing AND lost_revenue IS NOT NULL",
            "lost_revenue DESC, merchant_id LIMIT 3");
    for (int i = 0; i < top.rowCount(); i++) {
      String id = Rows.text(top, i, "merchant_id");
      Table days =
          tables.aggregate(
              "merchant_day_counterfactual",
              "date, sum(actual_revenue) AS actual, sum(counterfactual_revenue) AS expected",
              "merchant_id = '" + id.replace("'", "''") + "'");
      String industry = Rows.text(top, i, "industry");
      Map<String, String> e = new LinkedHashMap<>();
      e.put(
          "title",
          id
              + " · "
              + msg.getOrDefault("industry." + industry, industry)
              + " · "
              + msg.get("fig.lost_revenue")
              + " "
              + f.money(Rows.num(top, i, "lost_revenue")));
      e.put("chart", path(days, "example-" + i, msg));
      out.add(e);
    }
    return out;
  }

  /** Actual against expected daily revenue, day 0 = the table's first date. */
  static String path(Table days, String id, Map<String, String> msg) {
    List<double[]> actual = new ArrayList<>();
    List<double[]> expected = new ArrayList<>();
    for (int d = 0; d < days.rowCount(); d++) {
      actual.add(new double[] {d, Rows.num(days, d, "actual")});
      expected.add(new double[] {d, Rows.num(days, d, "expected")});
    }
    return Charts.lines(
        id,
        msg.get("axis.days_from_first"),
        msg.get("axis.daily_revenue"),
        List.of(msg.get("stmt.actual"), msg.get("stmt.counterfactual")),
        List.of(actual.toArray(new double[0][]), expected.toArray(new double[0][])));
  }

  static String range(Formats f, Table t, int i, String low, String high) {
    return f.moneyRange(Rows.num(t, i, low), Rows.num(t, i, high));
  }
}

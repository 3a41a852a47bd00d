package dev.aftermath.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * One merchant's compensation statement: its counterfactual against its actual revenue, its
 * estimated loss, its customers who left, every scheme's value, its choice and its shortfall. It
 * reads only that merchant's rows.
 */
final class StatementReport {
  private StatementReport() {}

  static Map<String, Object> model(
      ResultTables tables, Formats f, Map<String, String> msg, String merchantId) {
    Table impact = tables.table("merchant_impact");
    int i = Rows.find(impact, "merchant_id", merchantId);
    if (i < 0) {
      throw new IllegalArgumentException("no merchant " + merchantId + " in merchant_impact");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("merchantId", merchantId);
    String name = "";
    if (tables.has("merchants")) {
      Table merchants = tables.table("merchants");
      int k = Rows.find(merchants, "merchant_id", merchantId);
      name = k < 0 ? "" : DisplayText.of(Rows.text(merchants, k, "name"));
    }
    m.put("merchantName", name);
    String industry = Rows.text(impact, i, "industry");
    m.put("industry", msg.getOrDefault("industry." + industry, industry));
    List<Figure> loss = new ArrayList<>();
    for (String[] c :
        new String[][] {
          {"counterfactual_revenue", "stmt.counterfactual", "money"},
          {"actual_revenue", "stmt.actual", "money"},
          {"lost_revenue", "fig.lost_revenue", "money", "lost_revenue_low", "lost_revenue_high"},
          {"lost_margin", "fig.lost_margin", "money", "lost_margin_low", "lost_margin_high"},
          {"active_customers", "reg.active_customers", "count"},
          {
            "defected_customers",
            "fig.defected_customers",
            "count",
            "defected_customers_low",
            "defected_customers_high"
          },
          {"lost_customer_margin", "fig.lost_customer_margin", "money"},
          {"lost_member_balances", "reg.member_balances", "money"},
          {"actual_loss", "col.actual_loss", "money"}
        }) {
      if (!impact.columnNames().contains(c[0])) {
        continue;
      }
      boolean money = "money".equals(c[2]);
      double v = Rows.num(impact, i, c[0]);
      String interval = "";
      if (c.length > 3 && impact.containsColumn(c[3])) {
        double lo = Rows.num(impact, i, c[3]);
        double hi = Rows.num(impact, i, c[4]);
        interval = money ? f.moneyRange(lo, hi) : f.countRange(lo, hi);
      }
      loss.add(
          new Figure(
              msg.get(c[1]), money ? f.money(v) : f.count(v), interval, "merchant_impact." + c[0]));
    }
    m.put("loss", loss);
    List<Figure> schemes = new ArrayList<>();
    for (String col : impact.columnNames()) {
      if (col.endsWith("_payout") && !col.startsWith("chosen")) {
        String scheme = col.substring(0, col.length() - "_payout".length());
        schemes.add(
            new Figure(
                msg.getOrDefault("scheme." + scheme, scheme),
                f.money(Rows.num(impact, i, col)),
                "",
                "merchant_impact." + col));
      }
    }
    m.put("schemes", schemes);
    String chosen = Rows.text(impact, i, "chosen_scheme");
    m.put(
        "choice",
        List.of(
            new Figure(
                msg.get("stmt.chosen"),
                msg.getOrDefault("scheme." + chosen, chosen),
                "",
                "merchant_impact.chosen_scheme"),
            new Figure(
                msg.get("col.payout"),
                f.money(Rows.num(impact, i, "chosen_payout")),
                "",
                "merchant_impact.chosen_payout"),
            new Figure(
                msg.get("stmt.coverage"),
                f.percent(Rows.num(impact, i, "coverage_ratio")),
                "",
                "merchant_impact.coverage_ratio"),
            new Figure(
                msg.get("stmt.shortfall"),
                f.money(Rows.num(impact, i, "shortfall")),
                "",
                "merchant_impact.shortfall")));
    if (tables.has("merchant_day_counterfactual")) {
      String id = merchantId.replace("'", "''");
      Table days =
          tables.query("merchant_day_counterfactual", "merchant_id = '" + id + "'", "date");
      List<double[]> actual = new ArrayList<>();
      List<double[]> expected = new ArrayList<>();
      for (int d = 0; d < days.rowCount(); d++) {
        actual.add(new double[] {d, Rows.num(days, d, "actual_revenue")});
        expected.add(new double[] {d, Rows.num(days, d, "counterfactual_revenue")});
      }
      if (!actual.isEmpty()) {
        m.put(
            "dailyChart",
            Charts.lines(
                "daily",
                msg.get("axis.days_from_first"),
                msg.get("axis.daily_revenue"),
                List.of(msg.get("stmt.actual"), msg.get("stmt.counterfactual")),
                List.of(actual.toArray(new double[0][]), expected.toArray(new double[0][])),
                140));
        m.put("dailyFrom", f.date(java.time.LocalDate.parse(Rows.text(days, 0, "date"))));
      }
    }
    return m;
  }
}

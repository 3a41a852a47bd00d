package dev.aftermath.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * The regulator report's view: merchants and end consumers affected, data recovery, consumer money
 * at risk, the fairness of the schemes across industries, sizes and recovery status, and the
 * complaints and churn signals. Counts only: no end customer is named.
 */
final class RegulatorReport {
  private RegulatorReport() {}

  /** A local date-time written as ISO text, as milliseconds read as if it were UTC. */
  static long epochAsUtc(String iso) {
    String local = iso.endsWith("Z") ? iso.substring(0, iso.length() - 1) : iso;
    return java.time.LocalDateTime.parse(local.replace(' ', 'T'))
        .toInstant(java.time.ZoneOffset.UTC)
        .toEpochMilli();
  }

  static Map<String, Object> model(ResultTables tables, Formats f, Map<String, String> msg) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (tables.has("incident_timeline")) {
      Table t = tables.table("incident_timeline", "phase");
      List<List<String>> rows = new ArrayList<>();
      for (int i = 0; i < t.rowCount(); i++) {
        int phase = (int) Rows.num(t, i, "phase");
        rows.add(
            List.of(
                phase == 0 ? msg.get("reg.whole_outage") : String.valueOf(phase),
                f.dateTime(Rows.text(t, i, "from")),
                f.dateTime(Rows.text(t, i, "to")),
                f.number(Rows.num(t, i, "hours"), 0),
                Rows.text(t, i, "label")));
      }
      m.put("timeline", rows);
      List<String> phases = new ArrayList<>();
      List<long[]> spans = new ArrayList<>();
      for (int i = 0; i < t.rowCount(); i++) {
        int phase = (int) Rows.num(t, i, "phase");
        if (phase == 0) {
          continue;
        }
        phases.add(phase + ". " + Rows.text(t, i, "label"));
        spans.add(
            new long[] {epochAsUtc(Rows.text(t, i, "from")), epochAsUtc(Rows.text(t, i, "to"))});
      }
      if (!phases.isEmpty()) {
        m.put("timelineChart", Charts.timeline("timeline", phases, spans));
      }
    }
    if (tables.has("defection_totals")) {
      Table d = tables.table("defection_totals", "scope DESC, industry");
      List<List<String>> rows = new ArrayList<>();
      List<Figure> money = new ArrayList<>();
      for (int i = 0; i < d.rowCount(); i++) {
        boolean platform = "platform".equals(Rows.text(d, i, "scope"));
        String code = Rows.text(d, i, "industry");
        rows.add(
            List.of(
                platform ? msg.get("reg.all") : msg.getOrDefault("industry." + code, code),
                f.count(Rows.num(d, i, "merchants")),
                f.count(Rows.num(d, i, "active_customers")),
                f.count(Rows.num(d, i, "defected_customers")),
                f.countRange(
                    Rows.num(d, i, "defected_customers_low"),
                    Rows.num(d, i, "defected_customers_high")),
                f.count(Rows.num(d, i, "confirmed_defections")),
                f.money(Rows.num(d, i, "lost_member_balances"))));
        if (platform || "prepaid_cards".equals(code)) {
          String who = platform ? msg.get("reg.all") : msg.get("industry.prepaid_cards");
          money.add(
              new Figure(
                  msg.get("reg.member_balances") + " — " + who,
                  f.money(Rows.num(d, i, "lost_member_balances")),
                  "",
                  "defection_totals.lost_member_balances"));
          money.add(
              new Figure(
                  msg.get("reg.member_points") + " — " + who,
                  f.count(Rows.num(d, i, "lost_member_points")),
                  "",
                  "defection_totals.lost_member_points"));
        }
      }
      m.put("affected", rows);
      m.put("consumerMoney", money);
    }
    if (tables.has("scheme_fairness")) {
      Table s = tables.table("scheme_fairness", "dimension, \"group\"");
      Map<String, List<List<String>>> byDimension = new LinkedHashMap<>();
      List<String> industries = new ArrayList<>();
      List<Double> coverage = new ArrayList<>();
      for (int i = 0; i < s.rowCount(); i++) {
        if (!"chosen".equals(Rows.text(s, i, "scheme"))) {
          continue;
        }
        String dim = Rows.text(s, i, "dimension");
        String group = Rows.text(s, i, "group");
        String label =
            "industry".equals(dim)
                ? msg.getOrDefault("industry." + group, group)
                : msg.getOrDefault("group." + group, group);
        byDimension
            .computeIfAbsent(dim, k -> new ArrayList<>())
            .add(
                List.of(
                    label,
                    f.count(Rows.num(s, i, "merchants")),
                    f.percent(Rows.num(s, i, "share_made_whole")),
                    f.number(Rows.num(s, i, "median_coverage"), 2),
                    f.money(Rows.num(s, i, "total_shortfall")),
                    f.number(Rows.num(s, i, "gini_shortfall"), 2)));
        if ("industry".equals(dim)) {
          industries.add(label);
          coverage.add(Rows.num(s, i, "median_coverage"));
        }
      }
      List<Map<String, Object>> dims = new ArrayList<>();
      byDimension.forEach(
          (dim, rows) -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("title", msg.getOrDefault("dim." + dim, dim));
            d.put("rows", rows);
            dims.add(d);
          });
      m.put("fairness", dims);
      m.put(
          "coverageChart",
          Charts.bars("coverage", msg.get("axis.median_coverage"), industries, coverage));
    }
    if (tables.has("churn_signals")) {
      Table c = tables.counts("churn_signals", "signal", "customer_id");
      List<List<String>> rows = new ArrayList<>();
      for (int i = 0; i < c.rowCount(); i++) {
        String signal = Rows.text(c, i, "signal");
        rows.add(
            List.of(
                msg.getOrDefault("signal." + signal, signal),
                "true".equals(Rows.text(c, i, "level_merchant"))
                    ? msg.get("reg.level_merchant")
                    : msg.get("reg.level_customer"),
                f.count(Rows.num(c, i, "n"))));
      }
      m.put("signals", rows);
    }
    return m;
  }
}

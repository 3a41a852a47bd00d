package dev.aftermath.reports;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * The regulator report's view: merchants and end consumers affected, data recovery, consumer money
 * at risk, the fairness of the schemes across industries, sizes and recovery status, and the
 * complaints and churn signals. Counts only: no end customer is named. Each section is a small
 * record built from the table it needs; the model only puts the sections' parts under the names the
 * template uses.
 */
final class RegulatorReport {
  private RegulatorReport() {}

  static Map<String, Object> model(ResultTables tables, Formats f, Map<String, String> msg) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (tables.has("incident_timeline")) {
      Timeline timeline = Timeline.of(tables.table("incident_timeline", "phase"), f, msg);
      m.put("timeline", timeline.rows());
      if (timeline.chart() != null) {
        m.put("timelineChart", timeline.chart());
      }
    }
    if (tables.has("defection_totals")) {
      Affected affected =
          Affected.of(tables.table("defection_totals", "scope DESC, industry"), f, msg);
      m.put("affected", affected.rows());
      m.put("consumerMoney", affected.consumerMoney());
    }
    if (tables.has("scheme_fairness")) {
      Fairness fairness =
          Fairness.of(tables.table("scheme_fairness", "dimension, \"group\""), f, msg);
      m.put("fairness", fairness.dimensions());
      m.put("coverageChart", fairness.coverageChart());
    }
    if (tables.has("scheme_frontier")) {
      FrontierView.of(
              tables.table("scheme_frontier", "kind, family, parameters"), f, msg, "frontier-reg")
          .ifPresent(v -> m.put("frontier", v));
    }
    if (tables.has("churn_signals")) {
      m.put(
          "signals",
          Signals.of(tables.counts("churn_signals", "signal", "customer_id"), f, msg).rows());
    }
    return m;
  }

  /** A local date-time written as ISO text, as milliseconds read as if it were UTC. */
  static long epochAsUtc(String iso) {
    String local = iso.endsWith("Z") ? iso.substring(0, iso.length() - 1) : iso;
    return LocalDateTime.parse(local.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  /**
   * The incident's phases ({@code incident_timeline}; phase 0 is the whole outage): one row per
   * phase (phase, from, to, hours, label) and a bar per numbered phase, null when there is none.
   */
  record Timeline(List<List<String>> rows, String chart) {
    static Timeline of(Table t, Formats f, Map<String, String> msg) {
      List<List<String>> rows = new ArrayList<>();
      List<String> phases = new ArrayList<>();
      List<long[]> spans = new ArrayList<>();
      for (int i = 0; i < t.rowCount(); i++) {
        int phase = (int) Rows.num(t, i, "phase");
        String from = Rows.text(t, i, "from");
        String to = Rows.text(t, i, "to");
        String zh = t.containsColumn("label_zh") ? Rows.text(t, i, "label_zh") : "";
        String label = f.chinese() && !zh.isEmpty() ? zh : Rows.text(t, i, "label");
        rows.add(
            List.of(
                phase == 0 ? msg.get("reg.whole_outage") : String.valueOf(phase),
                f.dateTime(from),
                f.dateTime(to),
                f.number(Rows.num(t, i, "hours"), 0),
                label));
        if (phase != 0) {
          phases.add(phase + ". " + label);
          spans.add(new long[] {epochAsUtc(from), epochAsUtc(to)});
        }
      }
      return new Timeline(
          rows, phases.isEmpty() ? null : Charts.timeline("timeline", phases, spans));
    }
  }

  /**
   * Merchants and end consumers affected ({@code defection_totals}, the platform first): one row
   * per scope, and the consumer money at risk for the platform and for prepaid cards.
   */
  record Affected(List<List<String>> rows, List<Figure> consumerMoney) {
    static Affected of(Table d, Formats f, Map<String, String> msg) {
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
        if (showsConsumerMoney(platform, code)) {
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
      return new Affected(rows, money);
    }

    /**
     * Consumer money is shown for the platform and for prepaid cards, where members hold balances
     * paid in advance.
     */
    static boolean showsConsumerMoney(boolean platform, String industry) {
      return platform || "prepaid_cards".equals(industry);
    }
  }

  /** One dimension of the fairness table: its title and one row per group. */
  public record Dimension(String title, List<List<String>> rows) {}

  /**
   * The fairness of the schemes as chosen ({@code scheme_fairness} rows of scheme "chosen"): a
   * table per dimension (industry, size, data recovered, merchant type) in the table's order, and
   * the median coverage by industry as bars.
   */
  record Fairness(List<Dimension> dimensions, String coverageChart) {
    static Fairness of(Table s, Formats f, Map<String, String> msg) {
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
                    f.number(Rows.num(s, i, "gini_shortfall"), 2),
                    f.percent(Rows.num(s, i, "expected_share_made_whole")),
                    f.count(Rows.num(s, i, "merchants_with_loss")),
                    group));
        if ("industry".equals(dim)) {
          industries.add(label);
          coverage.add(Rows.num(s, i, "median_coverage"));
        }
      }
      List<Dimension> dimensions = new ArrayList<>();
      byDimension.forEach(
          (dim, rows) -> {
            rows.sort(java.util.Comparator.comparing(r -> order(r.get(8))));
            dimensions.add(new Dimension(msg.getOrDefault("dim." + dim, dim), rows));
          });
      return new Fairness(
          dimensions,
          Charts.bars("coverage", msg.get("axis.median_coverage"), industries, coverage));
    }
  }

  /**
   * A group's place in its dimension: by the number it starts with (0%, 1–49%, 50–99%, 100%; size
   * deciles 01–10), then by its text; groups without a number after those with one.
   */
  static String order(String group) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+)").matcher(group);
    return m.find() ? String.format("0%012d %s", Long.parseLong(m.group(1)), group) : "1 " + group;
  }

  /**
   * Complaints and churn signals by kind and level ({@code churn_signals} counted in DuckDB; a
   * signal without a customer is the merchant's own).
   */
  record Signals(List<List<String>> rows) {
    static Signals of(Table counts, Formats f, Map<String, String> msg) {
      List<List<String>> rows = new ArrayList<>();
      for (int i = 0; i < counts.rowCount(); i++) {
        String signal = Rows.text(counts, i, "signal");
        rows.add(
            List.of(
                msg.getOrDefault("signal." + signal, signal),
                "true".equals(Rows.text(counts, i, "level_merchant"))
                    ? msg.get("reg.level_merchant")
                    : msg.get("reg.level_customer"),
                f.count(Rows.num(counts, i, "n"))));
      }
      return new Signals(rows);
    }
  }
}

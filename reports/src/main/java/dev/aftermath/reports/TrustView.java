package dev.aftermath.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tech.tablesaw.api.Table;

/**
 * "How far to trust these figures", the closing section of every report: the checks any case can
 * have (the lost-revenue backtest on the weeks before the outage, the placebo outage of the
 * lost-revenue and defection stages when the run has one) and, on a generated case, every row of
 * the evaluation against the planted truth ({@code impact_evaluation}, {@code
 * defection_evaluation}) with its target and its status as the run judged it. A failed check is
 * listed like a passed one.
 *
 * @param checks one row per check: what, value, target, status (pass, fail or reported), and the
 *     table it comes from (empty for the checks any case can have)
 * @param passed checks passed
 * @param failed checks failed
 * @param generated whether the run has a planted truth to check against
 * @param placebo whether the run has a placebo
 */
record TrustView(
    List<List<String>> checks, int passed, int failed, boolean generated, boolean placebo) {

  static TrustView of(ResultTables tables, Formats f, Map<String, String> msg) {
    List<List<String>> rows = new ArrayList<>();
    int[] tally = new int[2];
    if (tables.has("backtest")) {
      Table b = tables.table("backtest");
      int p = Rows.find(b, "scope", "platform");
      if (p >= 0) {
        double predicted = Rows.num(b, p, "predicted_revenue");
        double actual = Rows.num(b, p, "actual_revenue");
        add(
            rows,
            tally,
            "",
            msg.get("trust.backtest_platform"),
            f.percent(predicted / actual - 1)
                + " ("
                + f.money(predicted)
                + " / "
                + f.money(actual)
                + ")",
            msg.get("trust.target.inside_interval"),
            "true".equals(Rows.text(b, p, "covered")) ? "pass" : "fail",
            msg);
        double coverage = Rows.num(b, p, "coverage");
        add(
            rows,
            tally,
            "",
            msg.get("trust.backtest_coverage"),
            f.percent(coverage),
            "85.0% – 95.0%",
            coverage >= 0.85 && coverage <= 0.95 ? "pass" : "fail",
            msg);
        add(
            rows,
            tally,
            "",
            msg.get("trust.backtest_mape"),
            f.percent(Rows.num(b, p, "median_abs_pct_error")),
            "",
            "",
            msg);
      }
    }
    boolean placebo = tables.has("placebo_totals");
    if (placebo) {
      Table t = tables.table("placebo_totals");
      for (int i = 0; i < t.rowCount(); i++) {
        if (!"platform".equals(Rows.text(t, i, "scope"))) {
          continue;
        }
        String measure = Rows.text(t, i, "measure");
        boolean money = "lost_revenue".equals(measure);
        double low = Rows.num(t, i, "low");
        double high = Rows.num(t, i, "high");
        add(
            rows,
            tally,
            "",
            msg.getOrDefault("trust.placebo." + measure, measure),
            (money ? f.money(Rows.num(t, i, "estimate")) : f.count(Rows.num(t, i, "estimate")))
                + " ("
                + (money ? f.moneyRange(low, high) : f.countRange(low, high))
                + ")",
            msg.get("trust.target.contains_zero"),
            "true".equals(Rows.text(t, i, "contains_zero")) ? "pass" : "fail",
            msg);
      }
    } else {
      // the target column names the option that runs it
      rows.add(
          List.of(msg.get("trust.placebo"), "–", "--with-placebo", msg.get("trust.not_run"), ""));
    }
    boolean generated = false;
    for (String table : List.of("impact_evaluation", "defection_evaluation")) {
      if (!tables.has(table)) {
        continue;
      }
      generated = true;
      Table e = tables.table(table);
      for (int i = 0; i < e.rowCount(); i++) {
        String metric = Rows.text(e, i, "metric");
        add(
            rows,
            tally,
            table,
            metric,
            value(metric, Rows.num(e, i, "value"), f),
            target(Rows.text(e, i, "target")),
            Rows.text(e, i, "status"),
            msg);
      }
    }
    return new TrustView(rows, tally[0], tally[1], generated, placebo);
  }

  /** "p of n checks pass, f fail" in the report's language. */
  String tally(Formats f, Map<String, String> msg) {
    return counts(msg.get("trust.summary"), f);
  }

  /** {@code text} with {n}, {passed} and {failed} filled in. */
  String counts(String text, Formats f) {
    return SummaryView.fill(
        text, "n", f.count(passed + failed), "passed", f.count(passed), "failed", f.count(failed));
  }

  private static void add(
      List<List<String>> rows,
      int[] tally,
      String group,
      String what,
      String value,
      String target,
      String status,
      Map<String, String> msg) {
    if ("pass".equals(status)) {
      tally[0]++;
    } else if ("fail".equals(status)) {
      tally[1]++;
    }
    rows.add(
        List.of(
            what,
            value,
            target,
            msg.get("trust.status." + (status.isEmpty() ? "report" : status)),
            group));
  }

  /** An evaluation figure as shown: shares and errors in percent, totals as money or counts. */
  static String value(String metric, double v, Formats f) {
    if (metric.equals("truth_inside_platform_interval")) {
      return v == 1 ? "1" : "0";
    }
    if (metric.contains("relative_error")
        || metric.contains("coverage")
        || metric.contains("share")
        || metric.endsWith("_ratio")) {
      return f.percent(v);
    }
    if (metric.startsWith("spearman")) {
      return f.number(v, 2);
    }
    if (metric.startsWith("total_lost_revenue") || metric.contains("lost_revenue_")) {
      return f.money(v);
    }
    return f.count(v);
  }

  private static final Pattern WITHIN = Pattern.compile("^within ±([0-9.]+)");
  private static final Pattern BETWEEN = Pattern.compile("^([0-9.]+) to ([0-9.]+)$");
  private static final Pattern AT_LEAST = Pattern.compile("^at least ([0-9.]+) × (\\w+)");

  /**
   * A target as a formula, the same in both languages: "±5.0%", "85.0% – 95.0%", "= 1", "≥ 0.9 ×
   * metric"; empty for a figure reported without one.
   */
  static String target(String text) {
    Matcher m = WITHIN.matcher(text);
    if (m.find()) {
      return "±" + percent(m.group(1));
    }
    m = BETWEEN.matcher(text);
    if (m.find()) {
      return percent(m.group(1)) + " – " + percent(m.group(2));
    }
    if (text.equals("1")) {
      return "= 1";
    }
    m = AT_LEAST.matcher(text);
    if (m.find()) {
      return "≥ " + m.group(1) + " × " + m.group(2);
    }
    return "";
  }

  private static String percent(String share) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * Double.parseDouble(share));
  }
}

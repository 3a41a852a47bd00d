package dev.aftermath.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * The compensation frontier ({@code scheme_frontier}) as the investor and regulator reports show
 * it: the chart (every rule tried, the frontier and the cash frontier, the offered schemes and the
 * fund), the three frontier rules nearest the fund's cost (or, where the fund exceeds every rule
 * tried, nearest the merchants' choice's cost), and one sentence on where the offered choice
 * stands.
 */
public record FrontierView(
    String chart, String caption, String sentence, String nearestNote, List<List<String>> nearest) {

  /** One row of the table as the view needs it. */
  private record Rule(
      String kind,
      String family,
      String parameters,
      boolean frontier,
      boolean cashFrontier,
      double cost,
      double madeWhole,
      double low,
      double high,
      double withLoss,
      double coverage,
      String worstIndustry,
      double bestAtCost,
      String bestRule,
      double bestCashAtCost,
      double exposureP90) {}

  static Optional<FrontierView> of(Table t, Formats f, Map<String, String> msg, String id) {
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) {
      rules.add(
          new Rule(
              Rows.text(t, i, "kind"),
              Rows.text(t, i, "family"),
              Rows.text(t, i, "parameters"),
              "true".equals(Rows.text(t, i, "on_frontier")),
              "true".equals(Rows.text(t, i, "on_cash_frontier")),
              Rows.num(t, i, "expected_cost"),
              Rows.num(t, i, "merchants_made_whole"),
              Rows.num(t, i, "merchants_made_whole_low"),
              Rows.num(t, i, "merchants_made_whole_high"),
              Rows.num(t, i, "merchants_with_loss"),
              Rows.num(t, i, "median_coverage"),
              Rows.text(t, i, "worst_served_industry"),
              Rows.num(t, i, "frontier_made_whole_at_cost"),
              Rows.text(t, i, "frontier_rule_at_cost"),
              Rows.num(t, i, "cash_frontier_made_whole_at_cost"),
              Rows.num(t, i, "exposure_p90")));
    }
    List<Rule> tried = rules.stream().filter(r -> "tried".equals(r.kind())).toList();
    List<Rule> front =
        tried.stream()
            .filter(Rule::frontier)
            .sorted(Comparator.comparingDouble(Rule::cost))
            .toList();
    if (front.isEmpty()) {
      return Optional.empty();
    }
    List<Rule> cashFront =
        tried.stream()
            .filter(Rule::cashFrontier)
            .sorted(Comparator.comparingDouble(Rule::cost))
            .toList();
    List<Rule> offered = rules.stream().filter(r -> "offered".equals(r.kind())).toList();
    Rule fund = rules.stream().filter(r -> "fund".equals(r.kind())).findFirst().orElse(null);
    Rule choice =
        offered.stream()
            .filter(r -> r.parameters().startsWith("choice of"))
            .findFirst()
            .orElse(null);
    double maxCost = tried.stream().mapToDouble(Rule::cost).max().orElse(0);

    double[][] dots =
        tried.stream().map(r -> new double[] {r.cost(), r.madeWhole()}).toArray(double[][]::new);
    List<String> pointNames = new ArrayList<>();
    double[][] points = new double[offered.size()][];
    for (int k = 0; k < offered.size(); k++) {
      Rule o = offered.get(k);
      pointNames.add(describe(o.family(), o.parameters(), f, msg));
      points[k] = new double[] {o.cost(), o.madeWhole()};
    }
    boolean fundOnChart = fund != null && fund.cost() <= 1.5 * maxCost;
    String chart =
        Charts.frontier(
            id,
            msg.get("frontier.axis.cost").replace("{currency}", f.currency()),
            msg.get("frontier.axis.made_whole"),
            dots,
            List.of(msg.get("frontier.line"), msg.get("frontier.cash_line")),
            List.of(steps(front), steps(cashFront)),
            pointNames,
            points,
            fundOnChart ? fund.cost() : null,
            msg.get("frontier.fund"));
    String caption = msg.get("frontier.chart");
    if (fund != null && !fundOnChart) {
      caption += " " + msg.get("frontier.fund_beyond").replace("{fund}", f.money(fund.cost()));
    }
    boolean nearFund = fund != null && fund.cost() <= front.get(front.size() - 1).cost();
    double reference = nearFund ? fund.cost() : choice == null ? maxCost : choice.cost();
    List<Rule> nearest = new ArrayList<>(front);
    nearest.sort(Comparator.comparingDouble(r -> Math.abs(r.cost() - reference)));
    nearest = new ArrayList<>(nearest.subList(0, Math.min(3, nearest.size())));
    nearest.sort(Comparator.comparingDouble(Rule::cost));
    List<List<String>> rows = new ArrayList<>();
    for (Rule r : nearest) {
      rows.add(
          List.of(
              describe(r.family(), r.parameters(), f, msg),
              f.money(r.cost()),
              f.count(r.madeWhole()),
              Double.isNaN(r.low()) ? "" : f.countRange(r.low(), r.high()),
              f.number(r.coverage(), 2),
              msg.getOrDefault("industry." + r.worstIndustry(), r.worstIndustry()),
              Double.isNaN(r.exposureP90()) ? "" : f.money(r.exposureP90())));
    }
    String note =
        (nearFund ? msg.get("frontier.nearest_fund") : msg.get("frontier.nearest_choice"))
            .replace("{cost}", f.money(reference));
    String sentence = "";
    if (choice != null && !choice.bestRule().isEmpty()) {
      String[] best = choice.bestRule().split("\\(", 2);
      sentence =
          msg.get("frontier.sentence")
              .replace("{cost}", f.money(choice.cost()))
              .replace("{made_whole}", f.count(choice.madeWhole()))
              .replace("{with_loss}", f.count(choice.withLoss()))
              .replace(
                  "{best_rule}",
                  best.length < 2
                      ? choice.bestRule()
                      : describe(best[0], best[1].substring(0, best[1].length() - 1), f, msg))
              .replace("{best}", f.count(choice.bestAtCost()))
              .replace("{more}", f.count(choice.bestAtCost() - choice.madeWhole()))
              .replace("{best_cash}", f.count(choice.bestCashAtCost()));
    }
    return Optional.of(new FrontierView(chart, caption, sentence, note, rows));
  }

  /** A frontier as the points of a line. */
  private static double[][] steps(List<Rule> front) {
    return front.stream().map(r -> new double[] {r.cost(), r.madeWhole()}).toArray(double[][]::new);
  }

  /** A rule in words, in the report's language: the family's sentence with its parameters. */
  static String describe(String family, String parameters, Formats f, Map<String, String> msg) {
    if ("offered".equals(family)) {
      if (parameters.startsWith("choice of")) {
        return msg.get("frontier.offered_choice");
      }
      return msg.getOrDefault("scheme." + parameters, parameters);
    }
    if ("choice".equals(family)) {
      String[] parts = parameters.split(" \\| ", 2);
      return msg.get("frontier.family.choice")
          .replace("{a}", describePart(parts[0], f, msg))
          .replace("{b}", parts.length > 1 ? describePart(parts[1], f, msg) : "");
    }
    String key = "frontier.family." + family;
    if (parameters.contains("cap=none") && msg.containsKey(key + ".uncapped")) {
      key += ".uncapped";
    }
    String text = msg.getOrDefault(key, family + " " + parameters);
    for (String kv : parameters.split(" ")) {
      String[] p = kv.split("=", 2);
      if (p.length == 2) {
        text = text.replace("{" + p[0] + "}", value(p[0], p[1], f, msg));
      }
    }
    return text;
  }

  private static String describePart(String part, Formats f, Map<String, String> msg) {
    int open = part.indexOf('(');
    if (open < 0 || !part.endsWith(")")) {
      return part;
    }
    return describe(part.substring(0, open), part.substring(open + 1, part.length() - 1), f, msg);
  }

  private static String value(String key, String v, Formats f, Map<String, String> msg) {
    if ("none".equals(v)) {
      return msg.get("frontier.none");
    }
    double d = Double.parseDouble(v);
    return switch (key) {
      case "floor", "cap" -> f.money(d);
      case "impressions" -> f.count(d);
      default -> v;
    };
  }
}

package dev.aftermath.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * One merchant's compensation statement: its counterfactual against its actual revenue, its
 * estimated loss, its customers who left, every scheme's value, its choice and its shortfall. It
 * reads only that merchant's rows. Each section is a small record built from the merchant's row;
 * the model only puts the sections' parts under the names the template uses.
 */
final class StatementReport {
  private StatementReport() {}

  static Map<String, Object> model(
      ResultTables tables, Formats f, Map<String, String> msg, String merchantId) {
    Table days = null;
    if (tables.has("merchant_day_counterfactual")) {
      days =
          tables.query(
              "merchant_day_counterfactual",
              "merchant_id = " + ResultTables.literal(merchantId),
              "date");
    }
    return model(tables, f, msg, merchantId, days);
  }

  /**
   * The same with the merchant's rows of {@code merchant_day_counterfactual} read already (by date;
   * null: the run has none), so that many statements share one read.
   */
  static Map<String, Object> model(
      ResultTables tables, Formats f, Map<String, String> msg, String merchantId, Table days) {
    Table impact = tables.table("merchant_impact");
    int i = Rows.find(impact, "merchant_id", merchantId);
    if (i < 0) {
      throw new IllegalArgumentException("no merchant " + merchantId + " in merchant_impact");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    Merchant merchant =
        Merchant.of(
            impact, i, tables.has("merchants") ? tables.table("merchants") : null, merchantId, msg);
    m.put("merchantId", merchant.id());
    m.put("merchantName", merchant.name());
    m.put("industry", merchant.industry());
    m.put("loss", Loss.of(impact, i, f, msg).figures());
    m.put("schemes", Schemes.of(impact, i, f, msg).figures());
    m.put("choice", Choice.of(impact, i, f, msg).figures());
    if (days != null) {
      DailyPath.of(days, ChartMarks.of(tables, msg), f, msg)
          .ifPresent(
              d -> {
                m.put("dailyChart", d.chart());
                m.put("dailyFrom", d.from());
              });
    }
    return m;
  }

  /**
   * Who the statement is for: the merchant's id, its name ({@code merchants}, null when the run has
   * none; empty when the merchant is not in it) and its industry in the report's language.
   */
  record Merchant(String id, String name, String industry) {
    static Merchant of(
        Table impact, int i, Table merchants, String merchantId, Map<String, String> msg) {
      String name = "";
      if (merchants != null) {
        int k = Rows.find(merchants, "merchant_id", merchantId);
        name = k < 0 ? "" : DisplayText.of(Rows.text(merchants, k, "name"));
      }
      String industry = Rows.text(impact, i, "industry");
      return new Merchant(merchantId, name, msg.getOrDefault("industry." + industry, industry));
    }
  }

  /**
   * One line of the loss section: the {@code merchant_impact} column, its label's message key,
   * whether it is money (else a count), and its interval's columns (null when it has none).
   */
  record Line(String column, String label, boolean money, String low, String high) {
    static Line money(String column, String label) {
      return new Line(column, label, true, null, null);
    }

    static Line count(String column, String label) {
      return new Line(column, label, false, null, null);
    }
  }

  /** The loss section's lines, in order; a column the run did not write is left out. */
  static final List<Line> LOSS_LINES =
      List.of(
          Line.money("counterfactual_revenue", "stmt.counterfactual"),
          Line.money("actual_revenue", "stmt.actual"),
          new Line(
              "lost_revenue", "fig.lost_revenue", true, "lost_revenue_low", "lost_revenue_high"),
          new Line("lost_margin", "fig.lost_margin", true, "lost_margin_low", "lost_margin_high"),
          Line.count("active_customers", "reg.active_customers"),
          new Line(
              "defected_customers",
              "fig.defected_customers",
              false,
              "defected_customers_low",
              "defected_customers_high"),
          Line.money("lost_customer_margin", "fig.lost_customer_margin"),
          Line.money("lost_member_balances", "reg.member_balances"),
          Line.money("loss_estimate", "col.loss_estimate"),
          Line.money("actual_loss", "col.actual_loss"));

  /** What the merchant lost: revenue, margin, customers and balances, with their intervals. */
  record Loss(List<Figure> figures) {
    static Loss of(Table impact, int i, Formats f, Map<String, String> msg) {
      List<Figure> figures = new ArrayList<>();
      for (Line line : LOSS_LINES) {
        if (!impact.columnNames().contains(line.column())) {
          continue;
        }
        double v = Rows.num(impact, i, line.column());
        String interval = "";
        if (line.low() != null && impact.containsColumn(line.low())) {
          double lo = Rows.num(impact, i, line.low());
          double hi = Rows.num(impact, i, line.high());
          interval = line.money() ? f.moneyRange(lo, hi) : f.countRange(lo, hi);
        }
        figures.add(
            new Figure(
                msg.get(line.label()),
                line.money() ? f.money(v) : f.count(v),
                interval,
                "merchant_impact." + line.column()));
      }
      return new Loss(figures);
    }
  }

  /** Every scheme's payout to the merchant, one per {@code *_payout} column in table order. */
  record Schemes(List<Figure> figures) {
    static Schemes of(Table impact, int i, Formats f, Map<String, String> msg) {
      List<Figure> figures = new ArrayList<>();
      for (String col : impact.columnNames()) {
        schemeOf(col)
            .ifPresent(
                scheme ->
                    figures.add(
                        new Figure(
                            msg.getOrDefault("scheme." + scheme, scheme),
                            f.money(Rows.num(impact, i, col)),
                            "",
                            "merchant_impact." + col)));
      }
      return new Schemes(figures);
    }

    /** The scheme a payout column is for ({@code cash_payout}: cash); the chosen one is none. */
    static Optional<String> schemeOf(String column) {
      if (column.endsWith("_payout") && !column.startsWith("chosen")) {
        return Optional.of(column.substring(0, column.length() - "_payout".length()));
      }
      return Optional.empty();
    }
  }

  /** The merchant's choice: the scheme, its payout, the loss it covers and the shortfall. */
  record Choice(List<Figure> figures) {
    static Choice of(Table impact, int i, Formats f, Map<String, String> msg) {
      String chosen = Rows.text(impact, i, "chosen_scheme");
      return new Choice(
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
                  "merchant_impact.shortfall"),
              new Figure(
                  msg.get("stmt.probability_covered"),
                  f.percent(Rows.num(impact, i, "probability_covered")),
                  "",
                  "merchant_impact.probability_covered")));
    }
  }

  /**
   * The merchant's actual against counterfactual daily revenue ({@code
   * merchant_day_counterfactual}, its rows by date) and its first date; none without days.
   */
  record DailyPath(String chart, String from) {
    static Optional<DailyPath> of(
        Table days, ChartMarks marks, Formats f, Map<String, String> msg) {
      if (days.rowCount() == 0) {
        return Optional.empty();
      }
      List<LocalDate> dates = new ArrayList<>();
      double[] actual = new double[days.rowCount()];
      double[] expected = new double[days.rowCount()];
      for (int d = 0; d < days.rowCount(); d++) {
        dates.add(LocalDate.parse(Rows.text(days, d, "date").substring(0, 10)));
        actual[d] = Rows.num(days, d, "actual_revenue");
        expected[d] = Rows.num(days, d, "counterfactual_revenue");
      }
      return Optional.of(
          new DailyPath(
              Charts.daily(
                  "daily",
                  f.currencyAxis(msg.get("axis.daily_revenue")),
                  dates,
                  List.of(msg.get("stmt.actual"), msg.get("stmt.counterfactual")),
                  List.of(actual, expected),
                  marks.outageFrom(),
                  marks.outageTo(),
                  marks.outageLabel(),
                  List.of(),
                  150),
              f.date(dates.get(0))));
    }
  }
}

package dev.aftermath.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * The investor report's view: headline losses with their intervals, what the schemes cost against
 * the fund, subscription revenue at risk, the event study, and where the uncertainty comes from.
 * Every figure names the table and column it comes from. Each section is a small record built from
 * the tables it needs; the model only puts the sections' parts under the names the template uses.
 */
final class InvestorReport {
  private InvestorReport() {}

  /** The standard normal's 95th percentile: a 90% interval is 2 × this many σ wide. */
  static final double Z_95 = 1.6448536269514722;

  static Map<String, Object> model(ResultTables tables, Formats f, Map<String, String> msg) {
    Map<String, Object> m = new LinkedHashMap<>();
    Table impact = tables.table("impact_totals");
    Table defection = tables.has("defection_totals") ? tables.table("defection_totals") : null;
    Table exposure =
        tables.has("exposure_distribution") ? tables.table("exposure_distribution") : null;
    m.put("headline", Headline.of(impact, defection, exposure, f, msg).figures());

    LostRevenue lost = LostRevenue.of(impact, f, msg);
    m.put("industryRows", lost.rows());
    m.put("drivers", lost.drivers());
    m.put("lostRevenueChart", lost.chart());
    if (tables.has("merchant_impact")) {
      Distribution.of(tables.table("merchant_impact", "merchant_id"), msg)
          .ifPresent(d -> m.put("distributionChart", d.chart()));
    }
    if (tables.has("merchant_day_counterfactual")) {
      PlatformPath path = PlatformPath.of(tables, f, msg);
      m.put("platformChart", path.chart());
      m.put("examples", path.examples());
      m.put("platformFrom", path.from());
    }
    if (tables.has("company_impact")) {
      m.put(
          "companyRows",
          CompanyCost.of(Rows.metrics(tables.table("company_impact")), f, msg).figures());
    }
    if (tables.has("exposure_sensitivity") || tables.has("assumption_sensitivity")) {
      m.put(
          "sensitivity",
          SensitivityView.of(
              tables.has("assumption_sensitivity") ? tables.table("assumption_sensitivity") : null,
              tables.has("exposure_sensitivity") ? tables.table("exposure_sensitivity") : null,
              f,
              msg));
    }
    if (tables.has("scheme_frontier")) {
      FrontierView.of(
              tables.table("scheme_frontier", "kind, family, parameters"), f, msg, "frontier-inv")
          .ifPresent(v -> m.put("frontier", v));
    }
    if (tables.has("share_path")) {
      SharePrice.of(tables.table("share_path", "date"), ChartMarks.of(tables, msg), f, msg)
          .ifPresent(
              p -> {
                m.put("priceChart", p.chart());
                m.put("priceFrom", p.from());
              });
    }
    if (tables.has("event_study")) {
      EventStudy e =
          EventStudy.of(
              tables.table("event_study", "event, kind, relative_day, window_from, window_to"),
              f,
              msg);
      m.put("eventWindows", e.windows());
      m.put("carChart", e.chart());
    }
    return m;
  }

  /**
   * The headline figures: the platform's lost revenue and margin, its defected customers (when the
   * run has {@code defection_totals}) and the exposure under each liability regime (when it has
   * {@code exposure_distribution}); a missing table is null.
   */
  record Headline(List<Figure> figures) {
    static Headline of(
        Table impact, Table defection, Table exposure, Formats f, Map<String, String> msg) {
      List<Figure> figures = new ArrayList<>();
      int p = Rows.find(impact, "scope", "platform");
      figures.add(
          new Figure(
              msg.get("fig.lost_revenue"),
              f.money(Rows.num(impact, p, "lost_revenue")),
              range(f, impact, p, "lost_revenue_low", "lost_revenue_high"),
              "impact_totals.lost_revenue"));
      figures.add(
          new Figure(
              msg.get("fig.lost_margin"),
              f.money(Rows.num(impact, p, "lost_margin")),
              range(f, impact, p, "lost_margin_low", "lost_margin_high"),
              "impact_totals.lost_margin"));
      if (defection != null) {
        int q = Rows.find(defection, "scope", "platform");
        figures.add(
            new Figure(
                msg.get("fig.defected_customers"),
                f.count(Rows.num(defection, q, "defected_customers")),
                f.countRange(
                    Rows.num(defection, q, "defected_customers_low"),
                    Rows.num(defection, q, "defected_customers_high")),
                "defection_totals.defected_customers"));
        figures.add(
            new Figure(
                msg.get("fig.lost_customer_margin"),
                f.money(Rows.num(defection, q, "lost_customer_margin")),
                "",
                "defection_totals.lost_customer_margin"));
      }
      if (exposure != null) {
        for (String regime : List.of("foreseeable_loss", "full_loss")) {
          int r = Rows.find(exposure, "regime", regime);
          if (r >= 0) {
            figures.add(
                new Figure(
                    msg.get("fig.exposure." + regime),
                    f.money(Rows.num(exposure, r, "mean")),
                    "P50 "
                        + f.money(Rows.num(exposure, r, "p50"))
                        + " · P90 "
                        + f.money(Rows.num(exposure, r, "p90"))
                        + " · P99 "
                        + f.money(Rows.num(exposure, r, "p99")),
                    "exposure_distribution.mean"));
          }
        }
      }
      return new Headline(figures);
    }
  }

  /**
   * Lost revenue by industry ({@code impact_totals} rows of scope industry): one row per industry
   * (name, estimate, interval, interval width), the bar chart, and the drivers of the uncertainty.
   */
  record LostRevenue(List<List<String>> rows, List<List<String>> drivers, String chart) {
    static LostRevenue of(Table impact, Formats f, Map<String, String> msg) {
      List<String> industries = new ArrayList<>();
      List<Double> lost = new ArrayList<>();
      List<Double> lows = new ArrayList<>();
      List<Double> highs = new ArrayList<>();
      List<List<String>> rows = new ArrayList<>();
      for (int i = 0; i < impact.rowCount(); i++) {
        if (!"industry".equals(Rows.text(impact, i, "scope"))) {
          continue;
        }
        String code = Rows.text(impact, i, "industry");
        String industry = msg.getOrDefault("industry." + code, code);
        double low = Rows.num(impact, i, "lost_revenue_low");
        double high = Rows.num(impact, i, "lost_revenue_high");
        industries.add(industry);
        lost.add(Rows.num(impact, i, "lost_revenue"));
        lows.add(low);
        highs.add(high);
        rows.add(
            List.of(
                industry,
                f.money(Rows.num(impact, i, "lost_revenue")),
                f.moneyRange(low, high),
                f.money(high - low)));
      }
      double[] shares = varianceShares(toArray(lows), toArray(highs));
      List<List<String>> drivers = new ArrayList<>();
      for (int i : largestFirst(shares)) {
        drivers.add(List.of(industries.get(i), f.percent(shares[i])));
      }
      return new LostRevenue(
          rows,
          drivers,
          Charts.barsWithIntervals(
              "lost-revenue",
              f.moneyAxis(msg.get("axis.lost_revenue")),
              industries,
              scaled(lost, f.axisScale()),
              scaled(lows, f.axisScale()),
              scaled(highs, f.axisScale())));
    }

    private static List<Double> scaled(List<Double> values, double by) {
      return values.stream().map(v -> v / by).toList();
    }

    /**
     * Each estimate's share of the summed variances, σ read from its 90% interval as (high − low) /
     * (2 × 1.645) (normal approximation); NaN for all when no interval has a width.
     */
    static double[] varianceShares(double[] lows, double[] highs) {
      double[] variance = new double[lows.length];
      double sum = 0;
      for (int i = 0; i < lows.length; i++) {
        double sd = (highs[i] - lows[i]) / (2 * Z_95);
        variance[i] = sd * sd;
        sum += sd * sd;
      }
      double[] shares = new double[variance.length];
      for (int i = 0; i < variance.length; i++) {
        shares[i] = sum > 0 ? variance[i] / sum : Double.NaN;
      }
      return shares;
    }

    /** The indices of {@code values}, largest value first; ties keep their order. */
    static List<Integer> largestFirst(double[] values) {
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < values.length; i++) {
        order.add(i);
      }
      order.sort((a, b) -> Double.compare(values[b], values[a]));
      return order;
    }
  }

  /**
   * The histogram of the merchants' lost revenue ({@code merchant_impact}, merchants without an
   * estimate left out), cut at the 1st and 99th percentiles; none for ten merchants or fewer.
   */
  record Distribution(String chart) {
    static Optional<Distribution> of(Table merchants, Map<String, String> msg) {
      List<Double> values = new ArrayList<>();
      for (int i = 0; i < merchants.rowCount(); i++) {
        double v = Rows.num(merchants, i, "lost_revenue");
        if (!Double.isNaN(v)) {
          values.add(v);
        }
      }
      if (values.size() <= 10) {
        return Optional.empty();
      }
      return Optional.of(
          new Distribution(
              Charts.histogram(
                  "distribution",
                  msg.get("axis.merchant_lost_revenue"),
                  msg.get("axis.merchants"),
                  clipped(toArray(values), 0.01, 0.99),
                  40)));
    }

    /**
     * The values, in their order, limited to the {@code low} and {@code high} quantiles (the sorted
     * values' element at ⌊q × (n − 1)⌋): a few extreme merchants do not squeeze the histogram.
     */
    static double[] clipped(double[] values, double low, double high) {
      double[] sorted = values.clone();
      Arrays.sort(sorted);
      double lo = sorted[(int) (low * (sorted.length - 1))];
      double hi = sorted[(int) (high * (sorted.length - 1))];
      double[] out = new double[values.length];
      for (int i = 0; i < values.length; i++) {
        out[i] = Math.max(lo, Math.min(hi, values[i]));
      }
      return out;
    }
  }

  /**
   * Daily sums of actual and expected revenue, exact in decimal (to 1e-6 of the currency) and so
   * the same however DuckDB's threads split the rows: a floating-point sum in parallel is not.
   */
  static final String DAILY_SUMS =
      "date, sum(actual_revenue::DECIMAL(38,6))::DOUBLE AS actual,"
          + " sum(counterfactual_revenue::DECIMAL(38,6))::DOUBLE AS expected";

  /**
   * The platform's actual against expected daily revenue ({@code merchant_day_counterfactual},
   * summed in DuckDB), its first date, and the illustrative merchants.
   */
  record PlatformPath(String chart, String from, List<Example> examples) {
    static PlatformPath of(ResultTables tables, Formats f, Map<String, String> msg) {
      Table days = tables.aggregate("merchant_day_counterfactual", DAILY_SUMS);
      ChartMarks marks = ChartMarks.of(tables, msg);
      return new PlatformPath(
          path(days, "platform", marks, f, msg, Charts.HEIGHT),
          days.rowCount() > 0 ? f.date(LocalDate.parse(Rows.text(days, 0, "date"))) : "",
          InvestorReport.examples(tables, marks, f, msg));
    }
  }

  /** One illustrative merchant: its title line and its own daily path. */
  public record Example(String title, String chart) {}

  /**
   * Illustrative merchants: the three existing merchants with the largest estimated lost revenue,
   * each with its own path (identified by merchant id only).
   */
  static List<Example> examples(
      ResultTables tables, ChartMarks marks, Formats f, Map<String, String> msg) {
    List<Example> out = new ArrayList<>();
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
              DAILY_SUMS,
              "merchant_id = " + ResultTables.literal(id));
      String industry = Rows.text(top, i, "industry");
      out.add(
          new Example(
              id
                  + " · "
                  + msg.getOrDefault("industry." + industry, industry)
                  + " · "
                  + msg.get("fig.lost_revenue")
                  + " "
                  + f.money(Rows.num(top, i, "lost_revenue")),
              path(days, "example-" + i, marks, f, msg, 240)));
    }
    return out;
  }

  /**
   * Actual against expected daily revenue by date, in the money axis' unit, the outage shaded and
   * the events marked.
   */
  static String path(
      Table days, String id, ChartMarks marks, Formats f, Map<String, String> msg, int height) {
    List<LocalDate> dates = new ArrayList<>();
    double[] actual = new double[days.rowCount()];
    double[] expected = new double[days.rowCount()];
    for (int d = 0; d < days.rowCount(); d++) {
      dates.add(LocalDate.parse(Rows.text(days, d, "date").substring(0, 10)));
      actual[d] = Rows.num(days, d, "actual") / f.axisScale();
      expected[d] = Rows.num(days, d, "expected") / f.axisScale();
    }
    List<Charts.Event> events =
        dates.isEmpty() ? List.of() : marks.within(dates.get(0), dates.get(dates.size() - 1));
    return Charts.daily(
        id,
        f.moneyAxis(msg.get("axis.daily_revenue")),
        dates,
        List.of(msg.get("stmt.actual"), msg.get("stmt.counterfactual")),
        List.of(actual, expected),
        marks.outageFrom(),
        marks.outageTo(),
        marks.outageLabel(),
        events,
        height);
  }

  /** What the schemes cost the company against the fund ({@code company_impact} metrics). */
  record CompanyCost(List<Figure> figures) {
    static final List<String> MONEY =
        List.of(
            "cost_cash_paid",
            "cost_impressions",
            "cost_free_months",
            "cost_other_schemes",
            "cost_total",
            "fund_total",
            "cost_borne_by_company",
            "cost_borne_by_management",
            "subscription_revenue_at_risk");
    static final List<String> SHARES =
        List.of("cost_share_of_fund", "churn_rate_before", "churn_rate_after");

    /** The metrics the run has, money first, then shares; a metric the run lacks is left out. */
    static CompanyCost of(Map<String, Double> metrics, Formats f, Map<String, String> msg) {
      List<Figure> figures = new ArrayList<>();
      for (String k : MONEY) {
        if (metrics.containsKey(k)) {
          figures.add(
              new Figure(
                  msg.get("company." + k), f.money(metrics.get(k)), "", "company_impact." + k));
        }
      }
      for (String k : SHARES) {
        if (metrics.containsKey(k)) {
          figures.add(
              new Figure(
                  msg.get("company." + k), f.percent(metrics.get(k)), "", "company_impact." + k));
        }
      }
      return new CompanyCost(figures);
    }
  }

  /**
   * The share against the market, both rebased ({@code share_path}), by trading day, and the first
   * date; none when the table is empty.
   */
  record SharePrice(String chart, String from) {
    static Optional<SharePrice> of(Table sp, ChartMarks marks, Formats f, Map<String, String> msg) {
      if (sp.rowCount() == 0) {
        return Optional.empty();
      }
      double[] share = new double[sp.rowCount()];
      double[] market = new double[sp.rowCount()];
      List<LocalDate> dates = new ArrayList<>();
      for (int i = 0; i < sp.rowCount(); i++) {
        dates.add(LocalDate.parse(Rows.text(sp, i, "date").substring(0, 10)));
        share[i] = Rows.num(sp, i, "close_rebased");
        market[i] = Rows.num(sp, i, "market_rebased");
      }
      return Optional.of(
          new SharePrice(
              Charts.daily(
                  "price",
                  msg.get("axis.rebased"),
                  dates,
                  List.of(msg.get("series.share"), msg.get("series.market")),
                  List.of(share, market),
                  marks.outageFrom(),
                  marks.outageTo(),
                  marks.outageLabel(),
                  marks.within(dates.get(0), dates.get(dates.size() - 1)),
                  Charts.HEIGHT),
              f.date(dates.get(0))));
    }
  }

  /**
   * The event study ({@code event_study}): one row per event window (event, window, CAR, t, p,
   * market value change) and the cumulative abnormal return's path per event, in percent.
   */
  record EventStudy(List<List<String>> windows, String chart) {
    static EventStudy of(Table es, Formats f, Map<String, String> msg) {
      List<List<String>> windows = new ArrayList<>();
      Map<String, List<double[]>> car = new LinkedHashMap<>();
      for (int i = 0; i < es.rowCount(); i++) {
        String event = Rows.text(es, i, "event");
        if ("window".equals(Rows.text(es, i, "kind"))) {
          double value = Rows.num(es, i, "market_value_change");
          windows.add(
              List.of(
                  msg.getOrDefault("event." + event, event),
                  window(Rows.num(es, i, "window_from"), Rows.num(es, i, "window_to")),
                  f.percent(Rows.num(es, i, "car")),
                  f.number(Rows.num(es, i, "t"), 2),
                  f.number(Rows.num(es, i, "p"), 3),
                  f.percent(Rows.num(es, i, "car_zero_alpha")),
                  f.number(Rows.num(es, i, "p_zero_alpha"), 3),
                  Double.isNaN(value)
                      ? "–"
                      : f.moneyIn(value, Rows.text(es, i, "value_currency"))));
        } else {
          double day = Rows.num(es, i, "relative_day");
          double path = 100 * Rows.num(es, i, "car");
          double half = 100 * Z_95 * Rows.num(es, i, "sigma") * Math.sqrt(days(es, i, event));
          car.computeIfAbsent(msg.getOrDefault("event." + event, event), k -> new ArrayList<>())
              .add(
                  new double[] {
                    day,
                    path,
                    Double.isFinite(half) ? path - half : path,
                    Double.isFinite(half) ? path + half : path
                  });
        }
      }
      List<double[][]> series = new ArrayList<>();
      for (List<double[]> s : car.values()) {
        series.add(s.toArray(new double[0][]));
      }
      return new EventStudy(
          windows,
          Charts.linesWithBands(
              "car",
              msg.get("axis.relative_day"),
              msg.get("axis.car"),
              new ArrayList<>(car.keySet()),
              series));
    }

    /**
     * The abnormal returns summed into row {@code i}'s CAR: the event's day rows up to and
     * including this one (its path starts at its first day row).
     */
    static int days(Table es, int i, String event) {
      int n = 0;
      double day = Rows.num(es, i, "relative_day");
      for (int k = 0; k < es.rowCount(); k++) {
        if (event.equals(Rows.text(es, k, "event"))
            && "day".equals(Rows.text(es, k, "kind"))
            && Rows.num(es, k, "relative_day") <= day) {
          n++;
        }
      }
      return n;
    }

    /** An event window in trading days relative to the event, as [from, to]. */
    static String window(double from, double to) {
      return "[" + (int) from + ", " + (int) to + "]";
    }
  }

  static String range(Formats f, Table t, int i, String low, String high) {
    return f.moneyRange(Rows.num(t, i, low), Rows.num(t, i, high));
  }

  private static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}

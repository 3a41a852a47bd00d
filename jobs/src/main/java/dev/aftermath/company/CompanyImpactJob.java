package dev.aftermath.company;

import static org.apache.spark.sql.functions.col;

import dev.aftermath.io.TableWriter;
import dev.aftermath.scenario.BuiltInScheme;
import dev.aftermath.scenario.EventStudyTerms;
import dev.aftermath.scenario.Scenario;
import dev.aftermath.spark.ColumnNames;
import dev.aftermath.spark.Progress;
import dev.aftermath.stage.StageContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Company impact for investors (METHODS.md "Company impact"): what the schemes cost the company
 * under the merchants' choices against the fund and its split, the subscription revenue at risk,
 * platform churn before and after the outage ({@code company_impact}); and the event study on the
 * platform's share ({@code event_study}).
 */
public final class CompanyImpactJob {
  static final double DAYS_PER_MONTH = 365.25 / 12;
  static final Set<String> MIGRATION = Set.of("competitor_migration", "contract_cancel");

  private final SparkSession spark;
  private final Scenario scenario;
  private final TableWriter writer;
  private final Progress progress;

  /** The stage over {@code context}: its session, scenario, scoped tables and progress. */
  public CompanyImpactJob(StageContext context) {
    this.spark = context.spark();
    this.scenario = context.scenario();
    this.writer = context.writer();
    this.progress = context.progress();
  }

  public Map<String, Long> run() {
    Map<String, Long> written = new LinkedHashMap<>();
    List<Object[]> metrics = progress.stage("company: impact", this::metrics);
    List<Row> rows = new ArrayList<>();
    for (Object[] m : metrics) {
      Double v = m[1] == null ? null : ((Number) m[1]).doubleValue();
      if (v != null && scenario.currency().equals(m[2])) {
        v = Math.round(v * 100) / 100.0; // money to the cent
      }
      rows.add(RowFactory.create(m[0], v, m[2], m[3]));
    }
    StructType schema =
        new StructType()
            .add("metric", DataTypes.StringType)
            .add("value", DataTypes.DoubleType)
            .add("unit", DataTypes.StringType)
            .add("note", DataTypes.StringType);
    written.put(
        "company_impact",
        writer.result("company_impact", spark.createDataFrame(rows, schema).coalesce(1)));
    List<EventStudy.Day> prices = sharePrices();
    if (!prices.isEmpty()) {
      written.put("event_study", writer.result("event_study", eventStudy(prices)));
      written.put("share_path", writer.result("share_path", sharePath(prices)));
    }
    return written;
  }

  private List<Object[]> metrics() {
    String currency = scenario.currency();
    var liability = scenario.liability();
    Set<String> migrating = new HashSet<>();
    if (writer.exists("churn_signals")) {
      for (Row r :
          writer
              .read("churn_signals")
              .filter(col("customer_id").isNull())
              .filter(col("signal").isin(MIGRATION.toArray()))
              .filter(col("ts").geq(org.apache.spark.sql.functions.lit(scenario.outage().start())))
              .select("merchant_id")
              .distinct()
              .collectAsList()) {
        migrating.add(r.getString(0));
      }
    }
    List<Row> merchants =
        writer
            .read("merchant_payout")
            .select(
                "merchant_id",
                "chosen_scheme",
                "chosen_payout",
                BuiltInScheme.TRAFFIC_IMPRESSIONS_VALUE,
                BuiltInScheme.TRAFFIC_EXTENSION_VALUE)
            .join(
                writer
                    .read("merchants")
                    .select("merchant_id", "monthly_fee", "signup_date", "left_platform_at"),
                ColumnNames.of("merchant_id"))
            .collectAsList();
    Map<String, double[]> byScheme = new TreeMap<>();
    double cash = 0;
    double impressions = 0;
    double freeMonths = 0;
    double other = 0;
    double atRiskFees = 0;
    long atRisk = 0;
    LocalDate start = scenario.analysis().historyStart();
    LocalDate outage = scenario.outage().start().toLocalDate();
    LocalDate end = scenario.analysis().horizonEnd().plusDays(1);
    double[] before = new double[2]; // merchants leaving, merchant-days on the platform
    double[] after = new double[2];
    for (Row r : merchants) {
      String chosen = r.getAs("chosen_scheme");
      double payout = num(r.getAs("chosen_payout"));
      double[] s = byScheme.computeIfAbsent(chosen, k -> new double[2]);
      s[0]++;
      s[1] += payout;
      if (BuiltInScheme.CASH.schemeName().equals(chosen)) {
        cash += payout;
      } else if (BuiltInScheme.TRAFFIC.schemeName().equals(chosen)) {
        if (num(r.getAs(BuiltInScheme.TRAFFIC_IMPRESSIONS_VALUE)) > 0) {
          impressions += scenario.traffic().impressions();
        }
        freeMonths += num(r.getAs(BuiltInScheme.TRAFFIC_EXTENSION_VALUE));
      } else {
        other += payout;
      }
      double fee = num(r.getAs("monthly_fee"));
      LocalDate signup = r.getAs("signup_date");
      LocalDate left = r.getAs("left_platform_at");
      if (migrating.contains(r.<String>getAs("merchant_id"))
          || left != null && !left.isBefore(outage)) {
        atRisk++;
        atRiskFees += fee * liability.subscriptionHorizonMonths();
      }
      exposure(before, signup, left, start, outage);
      exposure(after, signup, left, outage, end);
    }
    double impressionCost = impressions / 1000 * liability.impressionCostCpm();
    double total = cash + impressionCost + freeMonths + other;
    List<Object[]> m = new ArrayList<>();
    byScheme.forEach(
        (scheme, s) -> {
          m.add(new Object[] {"merchants_choosing_" + scheme, s[0], "merchants", ""});
          m.add(new Object[] {"payout_value_" + scheme, s[1], currency, "as valued to merchants"});
        });
    m.add(
        new Object[] {
          "cost_cash_paid", cash, currency, "chosen_payout of merchants choosing cash"
        });
    m.add(
        new Object[] {
          "impressions_granted",
          impressions,
          "impressions",
          "ad-eligible merchants choosing traffic"
        });
    m.add(
        new Object[] {
          "cost_impressions",
          impressionCost,
          currency,
          "impressions / 1000 × liability.impression_cost_cpm (assumption)"
        });
    m.add(new Object[] {"cost_free_months", freeMonths, currency, "subscription fees forgone"});
    m.add(new Object[] {"cost_other_schemes", other, currency, "other offered schemes, at payout"});
    m.add(
        new Object[] {
          "cost_total", total, currency, "cost to the company of the merchants' choices"
        });
    scenario
        .fund()
        .ifPresent(
            f -> {
              m.add(new Object[] {"fund_total", f.total(), currency, "fund.total"});
              m.add(new Object[] {"cost_share_of_fund", total / f.total(), "ratio", ""});
              if (f.company().isPresent() && f.management().isPresent()) {
                double c = f.company().getAsDouble();
                double g = f.management().getAsDouble();
                double borne = Math.min(total, f.total());
                m.add(
                    new Object[] {
                      "cost_borne_by_company",
                      borne * c / (c + g),
                      currency,
                      "pro rata of the fund's contributions"
                    });
                m.add(
                    new Object[] {
                      "cost_borne_by_management",
                      borne * g / (c + g),
                      currency,
                      "pro rata of the fund's contributions"
                    });
                m.add(
                    new Object[] {
                      "cost_beyond_fund", Math.max(0, total - f.total()), currency, ""
                    });
              }
            });
    m.add(
        new Object[] {
          "merchants_at_risk",
          atRisk,
          "merchants",
          "left after the outage started or sent competitor_migration / contract_cancel"
        });
    m.add(
        new Object[] {
          "subscription_revenue_at_risk",
          atRiskFees,
          currency,
          "their monthly_fee × liability.subscription_horizon_months"
        });
    m.add(
        new Object[] {
          "merchants_left_before",
          before[0],
          "merchants",
          "left between history start and the outage"
        });
    m.add(
        new Object[] {
          "churn_rate_before",
          rate(before),
          "per merchant-month",
          "leavers / merchant-months on the platform"
        });
    m.add(
        new Object[] {
          "merchants_left_after", after[0], "merchants", "left between the outage and the horizon"
        });
    m.add(
        new Object[] {
          "churn_rate_after",
          rate(after),
          "per merchant-month",
          "leavers / merchant-months on the platform"
        });
    return m;
  }

  /** Adds a merchant's leaving and its days on the platform within [from, to). */
  static void exposure(
      double[] acc, LocalDate signup, LocalDate left, LocalDate from, LocalDate to) {
    LocalDate a = signup == null || signup.isBefore(from) ? from : signup;
    LocalDate b = left == null || !left.isBefore(to) ? to : left.plusDays(1);
    if (b.isAfter(a)) {
      acc[1] += ChronoUnit.DAYS.between(a, b);
    }
    if (left != null && !left.isBefore(from) && left.isBefore(to)) {
      acc[0]++;
    }
  }

  static Double rate(double[] acc) {
    return acc[1] > 0 ? acc[0] / (acc[1] / DAYS_PER_MONTH) : null;
  }

  static double num(Object v) {
    return v == null ? 0 : ((Number) v).doubleValue();
  }

  /**
   * The platform's and the market's closes on the days both traded, oldest first; empty without
   * share prices or the scenario's symbols.
   */
  private List<EventStudy.Day> sharePrices() {
    List<EventStudy.Day> days = new ArrayList<>();
    if (scenario.share().isEmpty() || !writer.exists("share_prices")) {
      return days;
    }
    String symbol = scenario.share().get().symbol();
    String market = scenario.share().get().market();
    Map<LocalDate, double[]> closes = new TreeMap<>();
    for (Row r : writer.read("share_prices").collectAsList()) {
      String s = r.getAs("symbol");
      int k = symbol.equals(s) ? 0 : market.equals(s) ? 1 : -1;
      if (k >= 0) {
        closes.computeIfAbsent(r.getAs("date"), d -> new double[] {Double.NaN, Double.NaN})[k] =
            num(r.getAs("close"));
      }
    }
    closes.forEach(
        (d, c) -> {
          if (!Double.isNaN(c[0]) && !Double.isNaN(c[1])) {
            days.add(new EventStudy.Day(d, c[0], c[1]));
          }
        });
    return days;
  }

  /** {@code share_path}: both closes and both rebased to 100 at the first common day. */
  private Dataset<Row> sharePath(List<EventStudy.Day> days) {
    List<Row> rows = new ArrayList<>();
    double p0 = days.get(0).close();
    double m0 = days.get(0).marketClose();
    for (EventStudy.Day d : days) {
      rows.add(
          RowFactory.create(
              d.date(),
              d.close(),
              d.marketClose(),
              100 * d.close() / p0,
              100 * d.marketClose() / m0));
    }
    StructType schema =
        new StructType()
            .add("date", DataTypes.DateType)
            .add("close", DataTypes.DoubleType)
            .add("market_close", DataTypes.DoubleType)
            .add("close_rebased", DataTypes.DoubleType)
            .add("market_rebased", DataTypes.DoubleType);
    return spark.createDataFrame(rows, schema).coalesce(1);
  }

  /** {@code event_study}: per day and per window, for each event. */
  private Dataset<Row> eventStudy(List<EventStudy.Day> days) {
    EventStudyTerms terms = scenario.eventStudy();
    List<Row> rows = new ArrayList<>();
    for (EventStudyTerms.Event e : terms.events()) {
      EventStudy.Result res =
          EventStudy.run(
              days,
              e.name(),
              e.date(),
              terms.estimationDays(),
              terms.gapDays(),
              terms.windows(),
              terms.sharesOutstanding());
      if (res == null) {
        continue;
      }
      EventStudy.Fit f = res.fit();
      for (EventStudy.DayResult d : res.days()) {
        rows.add(
            RowFactory.create(
                "day",
                e.name(),
                f.eventDay(),
                d.date(),
                d.relativeDay(),
                null,
                null,
                d.ret(),
                d.marketReturn(),
                d.expected(),
                d.abnormal(),
                d.car(),
                null,
                null,
                null,
                null,
                f.alpha(),
                f.beta(),
                Math.sqrt(f.sigma2()),
                null));
      }
      for (EventStudy.WindowResult w : res.windows()) {
        rows.add(
            RowFactory.create(
                "window",
                e.name(),
                f.eventDay(),
                w.start(),
                null,
                w.from(),
                w.to(),
                null,
                null,
                null,
                null,
                w.car(),
                Math.sqrt(w.variance()),
                w.t(),
                w.p(),
                w.valueChange(),
                f.alpha(),
                f.beta(),
                Math.sqrt(f.sigma2()),
                terms.currency()));
      }
    }
    StructType schema =
        new StructType()
            .add("kind", DataTypes.StringType)
            .add("event", DataTypes.StringType)
            .add("event_day", DataTypes.DateType)
            .add("date", DataTypes.DateType)
            .add("relative_day", DataTypes.IntegerType)
            .add("window_from", DataTypes.IntegerType)
            .add("window_to", DataTypes.IntegerType)
            .add("return", DataTypes.DoubleType)
            .add("market_return", DataTypes.DoubleType)
            .add("expected_return", DataTypes.DoubleType)
            .add("abnormal_return", DataTypes.DoubleType)
            .add("car", DataTypes.DoubleType)
            .add("car_sd", DataTypes.DoubleType)
            .add("t", DataTypes.DoubleType)
            .add("p", DataTypes.DoubleType)
            .add("market_value_change", DataTypes.DoubleType)
            .add("alpha", DataTypes.DoubleType)
            .add("beta", DataTypes.DoubleType)
            .add("sigma", DataTypes.DoubleType)
            .add("value_currency", DataTypes.StringType);
    return spark.createDataFrame(rows, schema).coalesce(1);
  }
}

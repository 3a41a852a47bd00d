package dev.aftermath.company;

import static org.apache.spark.sql.functions.col;

import dev.aftermath.io.TableWriter;
import dev.aftermath.scenario.BuiltInScheme;
import dev.aftermath.scenario.Scenario;
import dev.aftermath.spark.ColumnNames;
import dev.aftermath.spark.MetricTable;
import dev.aftermath.spark.Progress;
import dev.aftermath.spark.SmallTable;
import dev.aftermath.stage.StageContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Company impact for investors (METHODS.md "Company impact"): what the schemes cost the company
 * under the merchants' choices against the fund and its split, the subscription revenue at risk,
 * platform churn before and after the outage ({@code company_impact}); and the event study on the
 * platform's share ({@code event_study}).
 */
public final class CompanyImpactJob {
  static final Set<String> MIGRATION = Set.of("competitor_migration", "contract_cancel");

  /** {@code event_study}: its columns, in order, and the field of the row each takes. */
  private static final SmallTable.Mapping<EventStudyRow> EVENT_STUDY =
      SmallTable.<EventStudyRow>mapping()
          .string("kind", EventStudyRow::kind)
          .string("event", EventStudyRow::event)
          .date("event_day", EventStudyRow::eventDay)
          .date("date", EventStudyRow::date)
          .integer("relative_day", EventStudyRow::relativeDay)
          .integer("window_from", EventStudyRow::windowFrom)
          .integer("window_to", EventStudyRow::windowTo)
          .number("return", EventStudyRow::ret)
          .number("market_return", EventStudyRow::marketReturn)
          .number("expected_return", EventStudyRow::expectedReturn)
          .number("abnormal_return", EventStudyRow::abnormalReturn)
          .number("car", EventStudyRow::car)
          .number("car_sd", EventStudyRow::carSd)
          .number("t", EventStudyRow::t)
          .number("p", EventStudyRow::p)
          .number("market_value_change", EventStudyRow::marketValueChange)
          .number("alpha", EventStudyRow::alpha)
          .number("beta", EventStudyRow::beta)
          .number("sigma", EventStudyRow::sigma)
          .string("value_currency", EventStudyRow::valueCurrency)
          .number("car_zero_alpha", EventStudyRow::carZeroAlpha)
          .number("t_zero_alpha", EventStudyRow::tZeroAlpha)
          .number("p_zero_alpha", EventStudyRow::pZeroAlpha)
          .number("beta_zero_alpha", EventStudyRow::betaZeroAlpha);

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
    List<CompanyImpact.Metric> metrics = progress.stage("company: impact", this::metrics);
    MetricTable impact = MetricTable.withTextColumns("unit", "note");
    for (CompanyImpact.Metric m : metrics) {
      impact.add(m.name(), m.value(), m.unit(), m.note());
    }
    written.put("company_impact", writer.result("company_impact", impact.dataset(spark)));
    List<EventStudy.Day> prices = sharePrices();
    if (!prices.isEmpty()) {
      written.put("event_study", writer.result("event_study", eventStudy(prices)));
      written.put("share_path", writer.result("share_path", sharePath(prices)));
    }
    return written;
  }

  private List<CompanyImpact.Metric> metrics() {
    List<MerchantOutcome> merchants = merchantOutcomes();
    var liability = scenario.liability();
    LocalDate outage = scenario.outage().start().toLocalDate();
    CompanyCosts costs =
        CompanyCosts.of(merchants, scenario.traffic().impressions(), liability.impressionCostCpm());
    RevenueAtRisk atRisk =
        RevenueAtRisk.of(merchants, outage, liability.subscriptionHorizonMonths());
    ChurnRates churn =
        ChurnRates.of(
            merchants,
            scenario.analysis().historyStart(),
            outage,
            scenario.analysis().horizonEnd().plusDays(1));
    return CompanyImpact.metrics(costs, scenario.fund(), atRisk, churn, scenario.currency());
  }

  /** Each merchant's chosen payout and subscription, with whether it signalled migration. */
  private List<MerchantOutcome> merchantOutcomes() {
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
    List<MerchantOutcome> merchants = new ArrayList<>();
    for (Row r :
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
            .orderBy("merchant_id") // the costs are sums: one order on every run
            .collectAsList()) {
      String id = r.getAs("merchant_id");
      merchants.add(
          new MerchantOutcome(
              id,
              r.getAs("chosen_scheme"),
              num(r.getAs("chosen_payout")),
              num(r.getAs(BuiltInScheme.TRAFFIC_IMPRESSIONS_VALUE)),
              num(r.getAs(BuiltInScheme.TRAFFIC_EXTENSION_VALUE)),
              num(r.getAs("monthly_fee")),
              r.getAs("signup_date"),
              r.getAs("left_platform_at"),
              migrating.contains(id)));
    }
    return merchants;
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
    double p0 = days.get(0).close();
    double m0 = days.get(0).marketClose();
    return SmallTable.<EventStudy.Day>mapping()
        .date("date", EventStudy.Day::date)
        .number("close", EventStudy.Day::close)
        .number("market_close", EventStudy.Day::marketClose)
        .number("close_rebased", d -> 100 * d.close() / p0)
        .number("market_rebased", d -> 100 * d.marketClose() / m0)
        .table(days)
        .dataset(spark);
  }

  /** {@code event_study}: per day and per window, for each event. */
  private Dataset<Row> eventStudy(List<EventStudy.Day> days) {
    return EVENT_STUDY.table(EventStudyRow.of(days, scenario.eventStudy())).dataset(spark);
  }
}

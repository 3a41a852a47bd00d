package dev.aftermath.schemes;

import dev.aftermath.casedata.MerchantIndustries;
import dev.aftermath.io.TableWriter;
import dev.aftermath.scenario.BuiltInScheme;
import dev.aftermath.scenario.CustomScheme;
import dev.aftermath.scenario.PayoutColumn;
import dev.aftermath.scenario.Scenario;
import dev.aftermath.spark.MetricTable;
import dev.aftermath.spark.Progress;
import dev.aftermath.stage.StageContext;
import dev.aftermath.stats.NormalLoss;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Payout schemes against actual losses (METHODS.md "Payout schemes"): every scheme for every
 * merchant, the merchant's rational choice between the schemes offered, its coverage and shortfall;
 * the fund; and the fairness of each scheme across industries, sizes, data recovery and existing or
 * new merchants. Writes {@code merchant_payout} (one row per merchant, joined into {@code
 * merchant_impact} by the merchant-impact stage), {@code scheme_summary}, {@code scheme_fairness}
 * and {@code fund_allocation}.
 */
public final class PayoutSchemesJob {
  private final SparkSession spark;
  private final Scenario scenario;
  private final TableWriter writer;
  private final Progress progress;

  /** The stage over {@code context}: its session, scenario, scoped tables and progress. */
  public PayoutSchemesJob(StageContext context) {
    this.spark = context.spark();
    this.scenario = context.scenario();
    this.writer = context.writer();
    this.progress = context.progress();
  }

  /** One merchant's result. */
  record Payout(MerchantPayoutInput input, Map<String, BigDecimal> values, String chosen) {
    BigDecimal chosenPayout() {
      return values.get(chosen);
    }
  }

  /** Runs the stage; returns rows written per table. */
  public Map<String, Long> run() {
    Map<String, Double> rates =
        scenario.cash().marginRates(MerchantIndustries.of(writer.read("merchants")));
    Map<String, LocalDateTime[]> windows = PayoutInputs.windows(scenario);
    List<Row> rows =
        progress.stage(
            "schemes: merchant inputs", () -> PayoutInputs.table(writer, scenario).collectAsList());
    SchemeValues schemeValues = new SchemeValues(scenario, rates);
    List<Payout> payouts = new ArrayList<>(rows.size());
    Map<String, Double> size = new LinkedHashMap<>();
    for (Row r : rows) {
      MerchantPayoutInput in = PayoutInputs.of(r, windows);
      Map<String, BigDecimal> v = schemeValues.of(in);
      payouts.add(new Payout(in, v, choose(v, scenario.schemes().offered())));
      Double s = PayoutInputs.number(r, "pre_outage_daily_revenue");
      size.put(in.merchantId(), s == null ? 0 : s);
    }
    double totalChosen = payouts.stream().mapToDouble(p -> p.chosenPayout().doubleValue()).sum();
    FundAllocation fund = FundAllocation.of(totalChosen, scenario.fund());

    Map<String, Long> written = new LinkedHashMap<>();
    Dataset<Row> payoutColumns =
        spark.createDataFrame(merchantRows(payouts, fund, size), merchantSchema(scenario));
    written.put(
        "merchant_payout", writer.result("merchant_payout", payoutColumns.orderBy("merchant_id")));
    SchemeFairnessTable fairness = new SchemeFairnessTable(schemeNames(scenario), payouts, size);
    written.put(
        "scheme_summary",
        writer.result("scheme_summary", fairness.summary(spark, scenario.schemes().offered())));
    written.put("scheme_fairness", writer.result("scheme_fairness", fairness.table(spark)));
    written.put("fund_allocation", writer.result("fund_allocation", fundTable(fund)));
    return written;
  }

  /**
   * The offered scheme paying the most (the merchant's rational choice); on a tie, the first listed
   * in {@code schemes.offered}.
   */
  static String choose(Map<String, BigDecimal> values, List<String> offered) {
    String best = offered.get(0);
    for (String s : offered) {
      if (values.get(s).compareTo(values.get(best)) > 0) {
        best = s;
      }
    }
    return best;
  }

  /** The schemes compared: the built-in ones and the user-defined ones, in order. */
  static List<String> schemeNames(Scenario scenario) {
    List<String> names = new ArrayList<>(BuiltInScheme.names());
    for (CustomScheme c : scenario.schemes().custom()) {
      names.add(c.name());
    }
    return names;
  }

  /**
   * The money columns of {@code merchant_payout} that show the schemes: each built-in scheme's
   * ({@link BuiltInScheme#columns()}), then each user-defined scheme's payout.
   */
  static List<PayoutColumn> payoutColumns(Scenario scenario) {
    List<PayoutColumn> columns = new ArrayList<>();
    for (BuiltInScheme s : BuiltInScheme.values()) {
      columns.addAll(s.columns());
    }
    for (CustomScheme c : scenario.schemes().custom()) {
      columns.add(c.payoutColumn());
    }
    return columns;
  }

  /** The columns of {@code merchant_payout}, in order. */
  static StructType merchantSchema(Scenario scenario) {
    StructType s = new StructType().add("merchant_id", DataTypes.StringType);
    for (PayoutColumn c : payoutColumns(scenario)) {
      s = s.add(c.name(), DataTypes.DoubleType);
    }
    return s.add("chosen_scheme", DataTypes.StringType)
        .add("chosen_payout", DataTypes.DoubleType)
        .add("chosen_payout_after_fund", DataTypes.DoubleType)
        .add("coverage_ratio", DataTypes.DoubleType)
        .add("shortfall", DataTypes.DoubleType)
        .add("pre_outage_daily_revenue", DataTypes.DoubleType)
        .add("loss_estimate", DataTypes.DoubleType)
        .add("loss_sd", DataTypes.DoubleType)
        .add("probability_covered", DataTypes.DoubleType);
  }

  private List<Row> merchantRows(
      List<Payout> payouts, FundAllocation fund, Map<String, Double> size) {
    List<PayoutColumn> columns = payoutColumns(scenario);
    List<Row> out = new ArrayList<>(payouts.size());
    for (Payout p : payouts) {
      Map<String, BigDecimal> v = p.values();
      List<Object> row = new ArrayList<>();
      row.add(p.input().merchantId());
      for (PayoutColumn c : columns) {
        row.add(v.get(c.valueKey()).doubleValue());
      }
      double chosen = p.chosenPayout().doubleValue();
      double loss = v.get(BuiltInScheme.ACTUAL_LOSS.schemeName()).doubleValue();
      row.add(p.chosen());
      row.add(chosen);
      row.add(SchemeValues.money(chosen * fund.proRataFactor()).doubleValue());
      row.add(loss > 0 ? chosen / loss : null);
      row.add(SchemeValues.money(loss - chosen).doubleValue());
      row.add(size.get(p.input().merchantId()));
      NormalLoss l = p.input().loss();
      row.add(SchemeValues.money(l.mean()).doubleValue());
      row.add(SchemeValues.money(l.sd()).doubleValue());
      row.add(l.probabilityAtMost(chosen));
      out.add(RowFactory.create(row.toArray()));
    }
    return out;
  }

  private Dataset<Row> fundTable(FundAllocation fund) {
    MetricTable metrics = MetricTable.withTextColumns("note");
    for (Object[] r : fund.rows()) {
      metrics.add((String) r[0], (Number) r[1], (String) r[2]);
    }
    return metrics.dataset(spark);
  }
}

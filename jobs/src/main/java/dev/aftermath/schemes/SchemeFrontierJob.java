package dev.aftermath.schemes;

import static org.apache.spark.sql.functions.col;

import dev.aftermath.io.TableWriter;
import dev.aftermath.liability.ClaimPropensity;
import dev.aftermath.liability.ExposureDistribution;
import dev.aftermath.liability.ExposureInput;
import dev.aftermath.liability.ExposureInputs;
import dev.aftermath.liability.ExposureModel;
import dev.aftermath.scenario.BuiltInScheme;
import dev.aftermath.scenario.Fund;
import dev.aftermath.scenario.LiabilityTerms;
import dev.aftermath.scenario.Scenario;
import dev.aftermath.spark.ColumnNames;
import dev.aftermath.spark.Progress;
import dev.aftermath.spark.SmallTable;
import dev.aftermath.stage.StageContext;
import dev.aftermath.stats.NormalLoss;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The compensation frontier (METHODS.md, "The compensation frontier"): which payout rules, for a
 * given cost, make the most merchants whole, and where the offered schemes and the fund lie against
 * them. Reads {@code merchant_payout} (each merchant's claimable loss and its spread, what the
 * offered schemes pay it), {@code merchant_loss} (the lost margin a margin-share rule pays on),
 * {@code merchants} (fees) and {@code impact_totals} (how much of an industry's error its merchants
 * share); writes {@code scheme_frontier}.
 */
public final class SchemeFrontierJob {
  /** Rules of the single families' frontier paired into the merchants' choice between two. */
  static final int PAIRS_FROM = 24;

  /** Draws of the merchants' losses for the intervals of the number made whole. */
  static final int DRAWS = 400;

  /** Draws of the liability Monte Carlo per rule (the exposure stage's first draws). */
  static final int EXPOSURE_DRAWS = 1_000;

  private final SparkSession spark;
  private final Scenario scenario;
  private final TableWriter writer;
  private final Progress progress;

  public SchemeFrontierJob(StageContext context) {
    this.spark = context.spark();
    this.scenario = context.scenario();
    this.writer = context.writer();
    this.progress = context.progress();
  }

  /**
   * The merchants as the search sees them (ordered by id), per merchant the industry's shared share
   * ρ of the lost margin's error, their ids, and the same merchants as the liability model sees
   * them.
   */
  record Inputs(
      List<FrontierMerchant> merchants,
      double[] rho,
      List<String> ids,
      List<ExposureInput> exposed) {}

  public Map<String, Long> run() {
    Inputs in = progress.stage("frontier: merchant inputs", this::inputs);
    List<FrontierMerchant> merchants = in.merchants();
    List<SchemeFrontier.Point> tried =
        progress.stage(
            "frontier: search",
            () -> SchemeFrontier.search(FrontierGrid.singles(scenario), merchants, PAIRS_FROM));
    List<SchemeFrontier.Point> front = SchemeFrontier.frontier(tried);
    List<SchemeFrontier.Point> cashFront = SchemeFrontier.cashFrontier(tried);
    List<String> offeredNames = scenario.schemes().offered();
    List<SchemeFrontier.Point> offered = new ArrayList<>();
    for (int i = 0; i < offeredNames.size(); i++) {
      offered.add(
          SchemeFrontier.evaluate(new FrontierRule.Offered(i, offeredNames.get(i)), merchants));
    }
    offered.add(SchemeFrontier.evaluate(new FrontierRule.OfferedChoice(offeredNames), merchants));
    List<SchemeFrontier.Point> withInterval = new ArrayList<>(front);
    cashFront.stream().filter(p -> !front.contains(p)).forEach(withInterval::add);
    withInterval.addAll(offered);
    Map<SchemeFrontier.Point, double[]> intervals =
        progress.stage("frontier: intervals", () -> intervals(withInterval, in));
    Map<SchemeFrontier.Point, double[]> exposure =
        progress.stage("frontier: exposure", () -> exposure(withInterval, in));
    SmallTable t = table();
    Frontiers fronts = new Frontiers(front, cashFront);
    for (SchemeFrontier.Point p : tried) {
      add(t, "tried", p, intervals.get(p), exposure.get(p), fronts);
    }
    for (SchemeFrontier.Point p : offered) {
      add(t, "offered", p, intervals.get(p), exposure.get(p), fronts);
    }
    Optional<Fund> fund = scenario.fund();
    if (fund.isPresent()) {
      SchemeFrontier.Point best = SchemeFrontier.bestAtCost(front, fund.get().total());
      SchemeFrontier.Point bestCash = SchemeFrontier.bestAtCost(cashFront, fund.get().total());
      Object[] row = new Object[t.schema().size()];
      row[0] = "fund";
      row[1] = "fund";
      row[2] = "fund.total";
      row[3] = false;
      row[4] = false;
      row[5] = fund.get().total();
      int n = row.length;
      row[n - 6] = best == null ? null : label(best.rule());
      row[n - 5] = best == null ? null : best.expectedMadeWhole();
      row[n - 4] = bestCash == null ? null : label(bestCash.rule());
      row[n - 3] = bestCash == null ? null : bestCash.expectedMadeWhole();
      t.row(row);
    }
    Map<String, Long> written = new LinkedHashMap<>();
    written.put("scheme_frontier", writer.result("scheme_frontier", t.dataset(spark).coalesce(1)));
    return written;
  }

  static String label(FrontierRule r) {
    return r.family() + "(" + r.parameters() + ")";
  }

  private static SmallTable table() {
    return SmallTable.columns()
        .string("kind")
        .string("family")
        .string("parameters")
        .bool("on_frontier")
        .bool("on_cash_frontier")
        .number("expected_cost")
        .number("total_payout")
        .number("cost_within_fund")
        .number("cost_beyond_fund")
        .number("borne_by_company")
        .number("borne_by_management")
        .bigint("merchants_with_loss")
        .number("merchants_made_whole")
        .number("merchants_made_whole_low")
        .number("merchants_made_whole_high")
        .bigint("merchants_made_whole_point")
        .number("median_coverage")
        .number("gini_shortfall")
        .number("largest_relative_shortfall")
        .string("worst_served_industry")
        .string("worst_served_size_decile")
        .string("frontier_rule_at_cost")
        .number("frontier_made_whole_at_cost")
        .string("cash_frontier_rule_at_cost")
        .number("cash_frontier_made_whole_at_cost")
        .number("exposure_mean")
        .number("exposure_p90")
        .table();
  }

  /** The frontier of every rule tried and that of the rules paying money only. */
  record Frontiers(List<SchemeFrontier.Point> all, List<SchemeFrontier.Point> cash) {}

  private void add(
      SmallTable t,
      String kind,
      SchemeFrontier.Point p,
      double[] interval,
      double[] exposure,
      Frontiers fronts) {
    FundAllocation split = FundAllocation.of(p.cost(), scenario.fund());
    SchemeFrontier.Point best = SchemeFrontier.bestAtCost(fronts.all(), p.cost());
    SchemeFrontier.Point bestCash = SchemeFrontier.bestAtCost(fronts.cash(), p.cost());
    boolean tried = "tried".equals(kind);
    t.row(
        kind,
        p.rule().family(),
        p.rule().parameters(),
        tried && fronts.all().contains(p),
        tried && fronts.cash().contains(p),
        round(p.cost()),
        round(p.payout()),
        split.fundTotal() == null ? null : round(split.paid()),
        split.fundTotal() == null ? null : round(p.cost() - split.paid()),
        split.paidByCompany() == null ? null : round(split.paidByCompany()),
        split.paidByManagement() == null ? null : round(split.paidByManagement()),
        p.merchantsWithLoss(),
        p.expectedMadeWhole(),
        interval == null ? null : interval[0],
        interval == null ? null : interval[1],
        p.madeWhole(),
        p.medianCoverage(),
        p.giniShortfall(),
        p.largestRelativeShortfall(),
        p.worstServedIndustry(),
        p.worstServedSizeDecile(),
        best == null ? null : label(best.rule()),
        best == null ? null : best.expectedMadeWhole(),
        bestCash == null ? null : label(bestCash.rule()),
        bestCash == null ? null : bestCash.expectedMadeWhole(),
        exposure == null ? null : round(exposure[0]),
        exposure == null ? null : round(exposure[1]));
  }

  /**
   * Per point, the 5th and 95th percentiles of the number of merchants made whole over {@link
   * #DRAWS} draws of the losses: L_i = μ_i + σ_i (√ρ U_g + √(1 − ρ) ε_i), U_g shared by the
   * merchants of industry g, from one generator seeded with {@code liability.seed}.
   */
  private Map<SchemeFrontier.Point, double[]> intervals(
      List<SchemeFrontier.Point> points, Inputs in) {
    List<FrontierMerchant> ms = in.merchants();
    int n = ms.size();
    Map<String, Integer> industry = new LinkedHashMap<>();
    int[] group = new int[n];
    for (int i = 0; i < n; i++) {
      group[i] = industry.computeIfAbsent(ms.get(i).industry(), k -> industry.size());
    }
    double[][] paid = new double[points.size()][n];
    for (int r = 0; r < points.size(); r++) {
      for (int i = 0; i < n; i++) {
        paid[r][i] = points.get(r).rule().payout(ms.get(i));
      }
    }
    UniformRandomProvider rng =
        RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {scenario.liability().seed(), 23});
    ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    double[][] counts = new double[points.size()][DRAWS];
    double[] u = new double[industry.size()];
    double[] loss = new double[n];
    for (int d = 0; d < DRAWS; d++) {
      for (int g = 0; g < u.length; g++) {
        u[g] = gauss.sample();
      }
      for (int i = 0; i < n; i++) {
        NormalLoss l = ms.get(i).loss();
        double rho = in.rho()[i];
        loss[i] =
            l.mean()
                + l.sd() * (Math.sqrt(rho) * u[group[i]] + Math.sqrt(1 - rho) * gauss.sample());
      }
      for (int r = 0; r < points.size(); r++) {
        int whole = 0;
        for (int i = 0; i < n; i++) {
          if (ms.get(i).hasLoss() && loss[i] <= paid[r][i]) {
            whole++;
          }
        }
        counts[r][d] = whole;
      }
    }
    Map<SchemeFrontier.Point, double[]> out = new HashMap<>();
    for (int r = 0; r < points.size(); r++) {
      double[] c = counts[r].clone();
      java.util.Arrays.sort(c);
      out.put(
          points.get(r),
          new double[] {
            c[(int) Math.floor(0.05 * (DRAWS - 1))], c[(int) Math.ceil(0.95 * (DRAWS - 1))]
          });
    }
    return out;
  }

  /**
   * Per point, the mean and 90th percentile of the total exposure under {@code
   * liability.primary_regime} had merchants been paid by its rule: the exposure stage's model
   * ({@link ExposureModel}) on the rule's payouts, with each merchant's claim probability from its
   * shortfall under the rule, over the first {@link #EXPOSURE_DRAWS} of the exposure stage's draws.
   */
  private Map<SchemeFrontier.Point, double[]> exposure(
      List<SchemeFrontier.Point> points, Inputs in) {
    LiabilityTerms terms = scenario.liability();
    List<ExposureInput> exposed = in.exposed();
    Map<String, Integer> at = new HashMap<>();
    for (int i = 0; i < in.ids().size(); i++) {
      at.put(in.ids().get(i), i);
    }
    ExposureModel model = new ExposureModel(spark, writer, terms, exposed);
    ClaimPropensity claims = new ClaimPropensity(terms);
    int regime = LiabilityTerms.REGIMES.indexOf(terms.primaryRegime());
    List<double[]> payouts = new ArrayList<>();
    List<double[]> claimed = new ArrayList<>();
    for (SchemeFrontier.Point p : points) {
      double[] payout = new double[exposed.size()];
      double[] claim = new double[exposed.size()];
      for (int i = 0; i < exposed.size(); i++) {
        ExposureInput e = exposed.get(i);
        Integer k = at.get(e.merchantId());
        payout[i] = k == null ? 0 : p.rule().payout(in.merchants().get(k));
        claim[i] = claims.of(e.actualLoss() - payout[i], e.dailyRevenue(), e.signals());
      }
      payouts.add(payout);
      claimed.add(claim);
    }
    List<double[][]> totals = model.totals(payouts, claimed, EXPOSURE_DRAWS);
    Map<SchemeFrontier.Point, double[]> out = new HashMap<>();
    for (int k = 0; k < points.size(); k++) {
      ExposureDistribution d = ExposureDistribution.of(totals.get(k)[regime]);
      out.put(points.get(k), new double[] {d.mean(), d.quantile(0.9)});
    }
    return out;
  }

  /** One row per merchant, collected: {@code merchant_payout} with its fee and lost margin. */
  private Inputs inputs() {
    List<String> offered = scenario.schemes().offered();
    List<Row> rows =
        writer
            .read("merchant_payout")
            .join(
                writer.read("merchant_loss").select("merchant_id", "industry", "lost_margin"),
                ColumnNames.of("merchant_id"))
            .join(
                writer.read("merchants").select("merchant_id", "monthly_fee", "ad_eligible"),
                ColumnNames.of("merchant_id"))
            .orderBy(col("merchant_id"))
            .collectAsList();
    Map<String, Double> size = new LinkedHashMap<>();
    for (Row r : rows) {
      size.put(r.getAs("merchant_id"), orZero(r, "pre_outage_daily_revenue"));
    }
    Map<String, Integer> decile = SchemeFairnessTable.deciles(size);
    double outageDays = scenario.cash().durationHours() / 24;
    double impressionCost =
        scenario.traffic() == null
            ? 0
            : scenario.traffic().impressions() / 1000.0 * scenario.liability().impressionCostCpm();
    List<FrontierMerchant> merchants = new ArrayList<>(rows.size());
    for (int k = 0; k < rows.size(); k++) {
      Row r = rows.get(k);
      String id = r.getAs("merchant_id");
      double[] payout = new double[offered.size()];
      double[] cost = new double[offered.size()];
      for (int i = 0; i < offered.size(); i++) {
        String s = offered.get(i);
        payout[i] = orZero(r, payoutColumn(s));
        cost[i] = payout[i];
        if (BuiltInScheme.TRAFFIC.schemeName().equals(s)) {
          // impressions at the platform's cost, free months at the fee forgone
          cost[i] =
              (orZero(r, BuiltInScheme.TRAFFIC_IMPRESSIONS_VALUE) > 0 ? impressionCost : 0)
                  + orZero(r, BuiltInScheme.TRAFFIC_EXTENSION_VALUE);
        }
      }
      Object fee = r.getAs("monthly_fee");
      Boolean eligible = r.getAs("ad_eligible");
      String industry = r.getAs("industry");
      merchants.add(
          new FrontierMerchant(
              industry,
              String.format(java.util.Locale.ROOT, "%02d", decile.get(id)),
              new NormalLoss(orZero(r, "loss_estimate"), orZero(r, "loss_sd")),
              orZero(r, "actual_loss"),
              orZero(r, "cash_payout") / outageDays,
              orZero(r, "lost_margin"),
              fee == null ? 0 : ((Number) fee).doubleValue(),
              eligible != null && eligible,
              payout,
              cost));
    }
    List<ExposureInput> exposed = ExposureInputs.merchants(writer, scenario);
    Map<String, Double> rhoByIndustry =
        ExposureInputs.sharedShare(
            writer, "impact_totals", "lost_margin_low", "lost_margin_high", exposed, false);
    double[] rho = new double[merchants.size()];
    for (int k = 0; k < merchants.size(); k++) {
      rho[k] = rhoByIndustry.getOrDefault(merchants.get(k).industry(), 0.0);
    }
    List<String> ids = new ArrayList<>();
    for (Row r : rows) {
      ids.add(r.getAs("merchant_id"));
    }
    return new Inputs(merchants, rho, ids, exposed);
  }

  /** The column of {@code merchant_payout} holding what scheme {@code s} pays. */
  private String payoutColumn(String s) {
    for (BuiltInScheme b : BuiltInScheme.values()) {
      if (b.schemeName().equals(s)) {
        return b.columns().get(0).name();
      }
    }
    for (var c : scenario.schemes().custom()) {
      if (c.name().equals(s)) {
        return c.payoutColumn().name();
      }
    }
    throw new IllegalStateException("no payout column for scheme " + s);
  }

  private static double orZero(Row r, String column) {
    Object v = r.getAs(column);
    return v == null ? 0 : ((Number) v).doubleValue();
  }

  static Double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}

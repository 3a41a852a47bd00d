package dev.aftermath.defection;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dev.aftermath.spark.ColumnNames;
import dev.aftermath.spark.ExactSum;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The defection result tables, built from the per merchant and segment sums (one row per merchant
 * and segment, already on the driver): estimates and 90% intervals per segment, per merchant and in
 * total, with the parameter error shared by all customers of a fitted model.
 */
final class DefectionTables {
  /** Fewest customers a merchant must have been expected to bring back for an estimate. */
  static final double MIN_EXPECTED_RETURNERS = 0.01;

  /** Industries with fewer merchants with active customers borrow the platform-wide prior. */
  static final int MIN_POOLED_MERCHANTS = 10;

  /**
   * Family-wise level, over all the platform's merchants, at which cancellations beyond the
   * pre-outage rate count as caused.
   */
  static final double CAUSED_LEVEL = 0.05;

  private final SparkSession spark;
  private final DefectionCalendar cal;
  private final CustomerModels models;
  private final Map<String, Double> marginRates;
  private final Map<String, MerchantEvidence> evidence = new TreeMap<>();
  private final Map<String, DefectionPosterior.Estimate> byMerchant = new TreeMap<>();
  private final Map<String, Double> causedByMerchant = new TreeMap<>();
  private final List<Row> segmentRows = new ArrayList<>();

  /**
   * @param binned sums per merchant, segment, returned, confirmed and no-return bin
   * @param cancelRates per industry, member cancellations per active customer and day before the
   *     outage
   * @param cancelDays days over which cancellations after the outage's start are counted
   */
  DefectionTables(
      SparkSession spark,
      DefectionCalendar cal,
      CustomerModels models,
      Map<String, Double> marginRates,
      List<Row> binned,
      Map<String, Double> cancelRates,
      double cancelDays) {
    this.spark = spark;
    this.cal = cal;
    this.models = models;
    this.marginRates = marginRates;
    for (Row r : binned) {
      evidence.computeIfAbsent(r.getString(0), k -> new MerchantEvidence(k, r.getString(1))).add(r);
    }
    // a merchant whose customers could not have come back (it left before the window opened)
    // gives no evidence: no estimate, rather than its prior's
    evidence.values().removeIf(e -> e.active() - e.noReturn() < MIN_EXPECTED_RETURNERS);
    Map<String, List<MerchantEvidence>> byIndustry = new TreeMap<>();
    evidence
        .values()
        .forEach(e -> byIndustry.computeIfAbsent(e.industry, k -> new ArrayList<>()).add(e));
    // cancellations caused by the outage: beyond what the pre-outage rate makes plausible for any
    // merchant of its industry
    int merchants = evidence.size();
    for (var entry : byIndustry.entrySet()) {
      double rate = cancelRates.getOrDefault(entry.getKey(), 0.0);
      for (MerchantEvidence e : entry.getValue()) {
        causedByMerchant.put(e.merchant, caused(e, rate * cancelDays, merchants));
      }
    }
    Map<String, DefectionPosterior.Priors> priors = priors(byIndustry, shiftSds(byIndustry));
    evidence.values().parallelStream()
        .map(
            e -> {
              double caused = causedByMerchant.get(e.merchant);
              return Map.entry(
                  e.merchant, DefectionPosterior.estimate(e, priors.get(e.industry), caused));
            })
        .toList()
        .forEach(
            entry -> {
              MerchantEvidence e = evidence.get(entry.getKey());
              entry
                  .getValue()
                  .forEach(
                      (segment, est) -> {
                        if (segment == null) {
                          byMerchant.put(e.merchant, est);
                        } else {
                          segmentRows.add(
                              row(e.merchant, e.industry, segment, e.segments.get(segment), est));
                        }
                      });
            });
  }

  /** Cancellations of non-returners beyond the pre-outage rate's family-wise bound. */
  static double caused(MerchantEvidence e, double ratePerCustomer, int merchants) {
    long confirmed = e.confirmedNonReturners();
    if (confirmed == 0) {
      return 0;
    }
    double expected = ratePerCustomer * e.active();
    if (expected <= 0) {
      return confirmed;
    }
    int bound =
        new org.hipparchus.distribution.discrete.PoissonDistribution(expected)
            .inverseCumulativeProbability(1 - CAUSED_LEVEL / Math.max(1, merchants));
    return Math.max(0, confirmed - bound);
  }

  /**
   * Per industry, the standard deviation of the shared error on the log-odds of no return: the
   * held-out check's, and the fitted parameters' (their covariance carried through the gradient of
   * the industry's Σ P0, per unit of Σ P0 (1 − P0)), in quadrature.
   */
  private Map<String, Double> shiftSds(Map<String, List<MerchantEvidence>> byIndustry) {
    Map<String, double[]> gradient = new TreeMap<>();
    Map<String, Double> information = new TreeMap<>();
    byIndustry.forEach(
        (industry, list) -> {
          String group = models.of(industry).fittedOn();
          double[] g = gradient.computeIfAbsent(group, k -> new double[DefectionPosterior.PARAMS]);
          for (MerchantEvidence e : list) {
            double[] ge = e.gradient();
            for (int k = 0; k < g.length; k++) {
              g[k] += ge[k];
            }
            information.merge(group, e.noReturnVariance(), Double::sum);
          }
        });
    Map<String, Double> out = new TreeMap<>();
    for (String industry : byIndustry.keySet()) {
      CustomerModels.Models m = models.of(industry);
      double info = information.getOrDefault(m.fittedOn(), 0.0);
      double param =
          info > 0
              ? Math.sqrt(quadratic(gradient.get(m.fittedOn()), m.purchases().logCovariance()))
                  / info
              : 0;
      double check = m.shiftSd();
      out.put(industry, Math.sqrt(check * check + param * param));
    }
    return out;
  }

  /**
   * The pooled priors of each industry (small industries share the platform-wide pool), with the
   * interval of the pool's mean and the pools refitted under the model's shared error.
   */
  private Map<String, DefectionPosterior.Priors> priors(
      Map<String, List<MerchantEvidence>> byIndustry, Map<String, Double> shiftSd) {
    Map<String, List<MerchantEvidence>> pools = new TreeMap<>();
    byIndustry.forEach(
        (industry, list) ->
            pools.put(
                list.size() >= MIN_POOLED_MERCHANTS ? industry : CustomerModels.PLATFORM,
                new ArrayList<>()));
    byIndustry.forEach(
        (industry, list) ->
            pools
                .get(pools.containsKey(industry) ? industry : CustomerModels.PLATFORM)
                .addAll(list));
    Map<String, DefectionPosterior.Priors> byPool = new TreeMap<>();
    pools.forEach(
        (pool, list) -> {
          // one shift per pool: its merchants' industries' largest (they share a model or not)
          double sd = 0;
          for (MerchantEvidence e : list) {
            sd = Math.max(sd, shiftSd.get(e.industry));
          }
          PooledPrior.Pool central = PooledPrior.pool(likelihoods(list, 0, false));
          double phi = dispersion(list, central.central());
          DefectionPosterior.Prior up =
              sd > 0 ? PooledPrior.fit(likelihoods(list, sd, false)) : central.central();
          DefectionPosterior.Prior down =
              sd > 0 ? PooledPrior.fit(likelihoods(list, -sd, false)) : central.central();
          DefectionPosterior.Prior other = PooledPrior.fit(likelihoods(list, 0, true));
          byPool.put(
              pool,
              new DefectionPosterior.Priors(
                  central.central(), central.low(), central.high(), up, down, other, sd, phi));
        });
    Map<String, DefectionPosterior.Priors> out = new TreeMap<>();
    byIndustry.forEach(
        (industry, list) ->
            out.put(
                industry,
                byPool.get(pools.containsKey(industry) ? industry : CustomerModels.PLATFORM)));
    poolOf.clear();
    byIndustry.forEach(
        (industry, list) ->
            poolOf.put(industry, pools.containsKey(industry) ? industry : CustomerModels.PLATFORM));
    return out;
  }

  /**
   * How much more the pool's merchants' non-return varies than if each customer returned
   * independently at its merchant's estimated share (Pearson's dispersion, at least 1): merchants
   * differ in more than their customers' histories (their own demand, their own shop).
   */
  private double dispersion(List<MerchantEvidence> list, DefectionPosterior.Prior prior) {
    double squares = 0;
    double variance = 0;
    for (MerchantEvidence e : list) {
      double[] c = DefectionPosterior.nonReturnCheck(e, prior, causedByMerchant.get(e.merchant));
      squares += (c[2] - c[0]) * (c[2] - c[0]);
      variance += c[1];
    }
    return variance > 0 ? Math.max(1, squares / variance) : 1;
  }

  /** The pool each industry's prior comes from. */
  private final Map<String, String> poolOf = new TreeMap<>();

  private List<double[]> likelihoods(
      List<MerchantEvidence> list, double shift, boolean otherClock) {
    return list.parallelStream()
        .map(
            e ->
                DefectionPosterior.logLikelihood(
                    e, causedByMerchant.get(e.merchant), shift, otherClock))
        .toList();
  }

  /** Estimate columns of one segment (no lost-value interval) or merchant. */
  private Row row(
      String merchant,
      String industry,
      String segment,
      MerchantEvidence.Segment sums,
      DefectionPosterior.Estimate e) {
    return estimateRow(merchant, industry, segment, sums == null ? null : List.of(sums), e);
  }

  private Row estimateRow(
      String merchant,
      String industry,
      String segment,
      List<MerchantEvidence.Segment> parts,
      DefectionPosterior.Estimate e) {
    boolean seg = segment != null;
    long active = 0;
    long returned = 0;
    long confirmed = 0;
    double expected = 0;
    for (MerchantEvidence.Segment s : parts) {
      active += s.active;
      returned += s.returned;
      confirmed += s.confirmed;
      expected += s.noReturn;
    }
    double rate = marginRates.get(industry);
    double perDefected = e.defected() > 0 ? e.lostValue() / e.defected() : 0;
    List<Object> v = new ArrayList<>();
    v.add(merchant);
    v.add(industry);
    if (seg) {
      v.add(segment);
    }
    v.add(active);
    v.add(returned);
    v.add(round(expected));
    v.add(active - returned);
    v.add(round(e.defected()));
    v.add(round(e.low()));
    v.add(round(e.high()));
    v.add(confirmed);
    v.add(round(e.lostValue()));
    if (!seg) {
      v.add(round(e.low() * perDefected));
      v.add(round(e.high() * perDefected));
    }
    v.add(round(e.lostValue() * rate));
    return RowFactory.create(v.toArray());
  }

  private static StructType estimateColumns(StructType head, boolean valueInterval) {
    StructType s =
        head.add("active_customers", DataTypes.LongType)
            .add("returned_customers", DataTypes.LongType)
            .add("expected_nonreturn", DataTypes.DoubleType)
            .add("observed_nonreturn", DataTypes.LongType)
            .add("defected_customers", DataTypes.DoubleType)
            .add("defected_customers_low", DataTypes.DoubleType)
            .add("defected_customers_high", DataTypes.DoubleType)
            .add("confirmed_defections", DataTypes.LongType)
            .add("lost_customer_value", DataTypes.DoubleType);
    if (valueInterval) {
      s =
          s.add("lost_customer_value_low", DataTypes.DoubleType)
              .add("lost_customer_value_high", DataTypes.DoubleType);
    }
    return s.add("lost_customer_margin", DataTypes.DoubleType);
  }

  static final StructType SEGMENTS =
      estimateColumns(
          new StructType()
              .add("merchant_id", DataTypes.StringType)
              .add("industry", DataTypes.StringType)
              .add("segment", DataTypes.StringType),
          false);

  static final StructType MERCHANT_ESTIMATES =
      estimateColumns(
          new StructType()
              .add("merchant_id", DataTypes.StringType)
              .add("estimate_industry", DataTypes.StringType),
          true);

  /** {@code customer_defection}: per merchant and segment (one_time, repeat, core). */
  Dataset<Row> segmentTable() {
    return spark.createDataFrame(segmentRows, SEGMENTS).orderBy("merchant_id", "segment");
  }

  /**
   * {@code merchant_defection}: every merchant, with its defection estimate (zero where it had no
   * active customers, empty where it left before return could be observed), its member data lost,
   * and a quality flag.
   */
  Dataset<Row> merchantTable(Dataset<Row> merchants, Dataset<Row> memberLoss) {
    List<Row> rows = new ArrayList<>();
    byMerchant.forEach(
        (merchant, e) -> {
          MerchantEvidence ev = evidence.get(merchant);
          rows.add(estimateRow(merchant, ev.industry, null, List.copyOf(ev.segments.values()), e));
        });
    Dataset<Row> estimates = spark.createDataFrame(rows, MERCHANT_ESTIMATES);
    Column leftDay = datediff(col("left_platform_at"), lit(cal.origin()));
    Column noWindow =
        col("left_platform_at").isNotNull().and(leftDay.plus(1).leq(cal.windowStartDay()));
    Dataset<Row> joined =
        merchants
            .select("merchant_id", "industry", "left_platform_at")
            .join(estimates, ColumnNames.of("merchant_id"), "left");
    if (memberLoss != null) {
      joined = joined.join(memberLoss, ColumnNames.of("merchant_id"), "left");
    } else {
      joined =
          joined
              .withColumn("lost_member_balances", lit(null).cast(DataTypes.DoubleType))
              .withColumn("lost_member_points", lit(null).cast(DataTypes.DoubleType));
    }
    List<Column> out = new ArrayList<>();
    out.add(col("merchant_id"));
    out.add(col("industry"));
    for (var f : MERCHANT_ESTIMATES.fields()) {
      String name = f.name();
      if (name.equals("merchant_id") || name.equals("estimate_industry")) {
        continue;
      }
      Column zero = lit(0).cast(f.dataType());
      Column value = coalesce(col(name), zero);
      boolean counted =
          name.equals("active_customers")
              || name.equals("returned_customers")
              || name.equals("observed_nonreturn")
              || name.equals("confirmed_defections");
      out.add(
          (counted ? value : when(noWindow, lit(null).cast(f.dataType())).otherwise(value))
              .as(name));
    }
    out.add(coalesce(col("lost_member_balances"), lit(0.0)).as("lost_member_balances"));
    out.add(coalesce(col("lost_member_points"), lit(0.0)).as("lost_member_points"));
    Column quality =
        when(col("left_platform_at").isNotNull(), lit("left_platform"))
            .when(coalesce(col("active_customers"), lit(0L)).equalTo(0), lit("no_customers"))
            .when(col("industry").isin(withoutControl()), lit("no_control_series"))
            .otherwise(lit("ok"));
    out.add(quality.as("defection_quality"));
    return joined.select(out.toArray(Column[]::new)).orderBy("merchant_id");
  }

  private Object[] withoutControl() {
    List<String> none = new ArrayList<>();
    for (String industry : marginRates.keySet()) {
      if (!cal.hasControl(industry)) {
        none.add(industry);
      }
    }
    return none.toArray();
  }

  static final StructType TOTALS =
      new StructType()
          .add("scope", DataTypes.StringType)
          .add("industry", DataTypes.StringType)
          .add("merchants", DataTypes.LongType)
          .add("active_customers", DataTypes.LongType)
          .add("observed_nonreturn", DataTypes.LongType)
          .add("expected_nonreturn", DataTypes.DoubleType)
          .add("defected_customers", DataTypes.DoubleType)
          .add("defected_customers_low", DataTypes.DoubleType)
          .add("defected_customers_high", DataTypes.DoubleType)
          .add("confirmed_defections", DataTypes.LongType)
          .add("lost_customer_value", DataTypes.DoubleType)
          .add("lost_customer_value_low", DataTypes.DoubleType)
          .add("lost_customer_value_high", DataTypes.DoubleType)
          .add("lost_customer_margin", DataTypes.DoubleType)
          .add("lost_member_balances", DataTypes.DoubleType)
          .add("lost_member_points", DataTypes.DoubleType);

  /**
   * {@code defection_totals}: the platform and each industry. Independent parts of the variance add
   * up; the parameter part adds up per fitted model before its quadratic form, so an error in an
   * industry's model moves all its merchants together.
   */
  Dataset<Row> totals(Dataset<Row> merchantTable) {
    Map<String, double[]> members = new TreeMap<>();
    Map<String, Long> merchantCount = new TreeMap<>();
    for (Row r :
        merchantTable
            .groupBy("industry")
            .agg(
                org.apache.spark.sql.functions.count(lit(1)),
                ExactSum.of("lost_member_balances"),
                ExactSum.of("lost_member_points"))
            .collectAsList()) {
      merchantCount.put(r.getString(0), r.getLong(1));
      members.put(r.getString(0), new double[] {r.getDouble(2), r.getDouble(3)});
    }
    Map<String, Totals> byIndustry = new TreeMap<>();
    Totals platform = new Totals();
    byMerchant.forEach(
        (merchant, e) -> {
          MerchantEvidence ev = evidence.get(merchant);
          String model = models.of(ev.industry).fittedOn();
          String pool = poolOf.get(ev.industry);
          double rate = marginRates.get(ev.industry);
          byIndustry.computeIfAbsent(ev.industry, k -> new Totals()).add(ev, e, model, pool, rate);
          platform.add(ev, e, model, pool, rate);
        });
    List<Row> rows = new ArrayList<>();
    double[] allMembers = new double[2];
    long allMerchants = 0;
    for (String industry : merchantCount.keySet()) {
      double[] m = members.get(industry);
      allMembers[0] += m[0];
      allMembers[1] += m[1];
      allMerchants += merchantCount.get(industry);
    }
    rows.add(platform.row("platform", null, allMerchants, allMembers, models));
    for (String industry : merchantCount.keySet()) {
      rows.add(
          byIndustry
              .getOrDefault(industry, new Totals())
              .row(
                  "industry",
                  industry,
                  merchantCount.get(industry),
                  members.get(industry),
                  models));
    }
    return spark.createDataFrame(rows, TOTALS).coalesce(1);
  }

  /**
   * Sums of merchant estimates. Their independent variances add up; the systematic part (the
   * model's shared error) adds up signed within each fitted model before it is squared, so an error
   * in an industry's model moves all its merchants together.
   */
  private static final class Totals {
    long active;
    long observed;
    long confirmed;
    double expected;
    double defected;
    double defectedVar;
    double value;
    double valueVar;
    double margin;
    final Map<String, double[]> systematic = new TreeMap<>();

    void add(
        MerchantEvidence ev,
        DefectionPosterior.Estimate e,
        String model,
        String pool,
        double rate) {
      margin += e.lostValue() * rate;
      active += ev.active();
      observed += ev.active() - ev.returned();
      confirmed += ev.segments.values().stream().mapToLong(s -> s.confirmed).sum();
      expected += ev.noReturn();
      defected += e.defected();
      defectedVar += e.independentVariance();
      value += e.lostValue();
      valueVar += e.lostValueIndependentVariance();
      double[] s = systematic.computeIfAbsent("model " + model, k -> new double[2]);
      s[0] += e.systematic();
      s[1] += e.lostValueSystematic();
      double[] p = systematic.computeIfAbsent("pool " + pool, k -> new double[2]);
      p[0] += e.pooled();
      p[1] += e.lostValuePooled();
      double[] c = systematic.computeIfAbsent("clock " + ev.industry, k -> new double[2]);
      c[0] += e.clock();
      c[1] += e.lostValueClock();
    }

    Row row(
        String scope, String industry, long merchants, double[] members, CustomerModels models) {
      double vd = defectedVar;
      double vv = valueVar;
      for (double[] s : systematic.values()) {
        vd += s[0] * s[0];
        vv += s[1] * s[1];
      }
      double sd = Math.sqrt(vd);
      double sv = Math.sqrt(vv);
      // the interval of a count that lives on [0, observed non-return]
      return RowFactory.create(
          scope,
          industry,
          merchants,
          active,
          observed,
          round(expected),
          round(defected),
          round(Math.max(0, defected - DefectionPosterior.Z90 * sd)),
          round(Math.min(observed, defected + DefectionPosterior.Z90 * sd)),
          confirmed,
          round(value),
          round(Math.max(0, value - DefectionPosterior.Z90 * sv)),
          round(value + DefectionPosterior.Z90 * sv),
          round(margin),
          round(members[0]),
          round(members[1]));
    }
  }

  static double quadratic(double[] g, double[][] covariance) {
    if (covariance == null) {
      return 0;
    }
    double q = 0;
    int n = Math.min(g.length, covariance.length);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        q += g[i] * covariance[i][j] * g[j];
      }
    }
    return q;
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}

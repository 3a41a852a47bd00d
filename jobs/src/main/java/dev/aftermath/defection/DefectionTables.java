package dev.aftermath.defection;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dev.aftermath.spark.ColumnNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
  private final SparkSession spark;
  private final DefectionCalendar cal;
  private final CustomerModels models;
  private final Map<String, Double> marginRates;
  private final Map<String, DefectionEstimate> byMerchant = new LinkedHashMap<>();
  private final Map<String, String> industryOf = new LinkedHashMap<>();
  private final List<Row> segmentRows = new ArrayList<>();

  DefectionTables(
      SparkSession spark,
      DefectionCalendar cal,
      CustomerModels models,
      Map<String, Double> marginRates,
      List<Row> segmentSums) {
    this.spark = spark;
    this.cal = cal;
    this.models = models;
    this.marginRates = marginRates;
    Map<String, List<DefectionEstimate.Sums>> segments = new LinkedHashMap<>();
    for (Row r : segmentSums) {
      DefectionEstimate.Sums s =
          new DefectionEstimate.Sums(
              r.getLong(3),
              r.getLong(4),
              r.getLong(5),
              r.getDouble(6),
              r.getDouble(7),
              r.getDouble(8),
              r.getDouble(9),
              new double[] {
                r.getDouble(10), r.getDouble(11), r.getDouble(12), r.getDouble(13), r.getDouble(14)
              });
      String merchant = r.getString(0);
      String industry = r.getString(1);
      segments.computeIfAbsent(merchant, k -> new ArrayList<>()).add(s);
      industryOf.put(merchant, industry);
      DefectionEstimate e = DefectionEstimate.of(List.of(s));
      segmentRows.add(row(merchant, industry, r.getString(2), e, true));
    }
    segments.forEach((merchant, sums) -> byMerchant.put(merchant, DefectionEstimate.of(sums)));
  }

  private double[][] covariance(String industry) {
    return models.of(industry).purchases().logCovariance();
  }

  /** Estimate columns of one group; the segment table has no lost-value interval. */
  private Row row(
      String merchant, String industry, String segment, DefectionEstimate e, boolean seg) {
    double[][] cov = covariance(industry);
    double sdD =
        Math.sqrt(DefectionEstimate.variance(e.defectedVariance(), e.defectedGradient(), cov));
    double sdV =
        Math.sqrt(DefectionEstimate.variance(e.lostValueVariance(), e.lostValueGradient(), cov));
    double rate = marginRates.get(industry);
    List<Object> v = new ArrayList<>();
    v.add(merchant);
    v.add(industry);
    if (seg) {
      v.add(segment);
    }
    v.add(e.active());
    v.add(e.returned());
    v.add(round(e.expectedNonReturn()));
    v.add(e.active() - e.returned());
    v.add(round(e.defected()));
    v.add(round(e.defected() - DefectionEstimate.Z90 * sdD));
    v.add(round(e.defected() + DefectionEstimate.Z90 * sdD));
    v.add(e.confirmed());
    v.add(round(e.lostValue()));
    if (!seg) {
      v.add(round(e.lostValue() - DefectionEstimate.Z90 * sdV));
      v.add(round(e.lostValue() + DefectionEstimate.Z90 * sdV));
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
        (merchant, e) -> rows.add(row(merchant, industryOf.get(merchant), null, e, false)));
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
                org.apache.spark.sql.functions.sum("lost_member_balances"),
                org.apache.spark.sql.functions.sum("lost_member_points"))
            .collectAsList()) {
      merchantCount.put(r.getString(0), r.getLong(1));
      members.put(r.getString(0), new double[] {r.getDouble(2), r.getDouble(3)});
    }
    Map<String, Totals> byIndustry = new TreeMap<>();
    Totals platform = new Totals();
    byMerchant.forEach(
        (merchant, e) -> {
          String industry = industryOf.get(merchant);
          String model = models.of(industry).fittedOn();
          double rate = marginRates.get(industry);
          byIndustry.computeIfAbsent(industry, k -> new Totals()).add(e, model, rate);
          platform.add(e, model, rate);
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

  /** Sums of merchant estimates, with parameter gradients kept per fitted model. */
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
    final Map<String, double[][]> gradients = new TreeMap<>();

    void add(DefectionEstimate e, String model, double rate) {
      margin += e.lostValue() * rate;
      active += e.active();
      observed += e.active() - e.returned();
      confirmed += e.confirmed();
      expected += e.expectedNonReturn();
      defected += e.defected();
      defectedVar += e.defectedVariance();
      value += e.lostValue();
      valueVar += e.lostValueVariance();
      double[][] g = gradients.computeIfAbsent(model, k -> new double[2][DefectionEstimate.PARAMS]);
      for (int k = 0; k < DefectionEstimate.PARAMS; k++) {
        g[0][k] += e.defectedGradient()[k];
        g[1][k] += e.lostValueGradient()[k];
      }
    }

    Row row(
        String scope, String industry, long merchants, double[] members, CustomerModels models) {
      double vd = defectedVar;
      double vv = valueVar;
      for (var g : gradients.entrySet()) {
        double[][] cov = models.fitted(g.getKey()).purchases().logCovariance();
        vd += DefectionEstimate.quadratic(g.getValue()[0], cov);
        vv += DefectionEstimate.quadratic(g.getValue()[1], cov);
      }
      double sd = Math.sqrt(vd);
      double sv = Math.sqrt(vv);
      return RowFactory.create(
          scope,
          industry,
          merchants,
          active,
          observed,
          round(expected),
          round(defected),
          round(defected - DefectionEstimate.Z90 * sd),
          round(defected + DefectionEstimate.Z90 * sd),
          confirmed,
          round(value),
          round(value - DefectionEstimate.Z90 * sv),
          round(value + DefectionEstimate.Z90 * sv),
          round(margin),
          round(members[0]),
          round(members[1]));
    }
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}

package dev.aftermath.defection;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.xxhash64;

import dev.aftermath.clv.GammaGammaFit;
import dev.aftermath.clv.PurchaseModelFit;
import java.io.Serializable;
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
 * BG/NBD and Gamma-Gamma fitted per industry on the pre-outage histories of all its identified
 * customers, BG/NBD on the industry's demand clock ({@link DefectionCalendar}); an industry with
 * too few customers borrows the fit over the whole platform. Fitted on sufficient statistics, never
 * on customer rows on the driver: BG/NBD histories grouped by (x, first day, last day) (exact),
 * Gamma-Gamma spend grouped by x and log-spend rounded to 0.1%.
 */
final class CustomerModels implements Serializable {
  static final String PLATFORM = "(platform)";
  static final int MIN_CUSTOMERS = 500;
  static final int MIN_REPEAT_BUYERS = 100;
  static final long MAX_FIT_CUSTOMERS = 50_000;
  static final double SPEND_BIN = 1000; // bins per unit of log spend

  /**
   * The models used for one industry, and the group they were fitted on: the purchase model used
   * (Pareto/NBD with customers present at the origin of the data, METHODS.md) first, then BG/NBD,
   * fitted beside it for reference; and the spend model.
   */
  record Models(String fittedOn, List<PurchaseModelFit> candidates, GammaGammaFit spend)
      implements Serializable {
    PurchaseModelFit purchases() {
      return candidates.get(0);
    }
  }

  private final Map<String, Models> byIndustry;
  private final List<Models> fitted;

  private CustomerModels(Map<String, Models> byIndustry, List<Models> fitted) {
    this.byIndustry = byIndustry;
    this.fitted = fitted;
  }

  Models of(String industry) {
    return byIndustry.get(industry);
  }

  /** The models fitted on {@code group} (an industry, or {@link #PLATFORM}). */
  Models fitted(String group) {
    for (Models m : fitted) {
      if (m.fittedOn().equals(group)) {
        return m;
      }
    }
    throw new IllegalArgumentException("no models fitted on " + group);
  }

  static CustomerModels fit(Dataset<Row> all, DefectionCalendar cal) {
    Dataset<Row> histories = sample(all);
    Map<String, List<double[]>> purchases = new TreeMap<>();
    for (Row r :
        histories
            .groupBy("industry", "x", "first_day", "last_day", "origin_day")
            .count()
            .collectAsList()) {
      double[] h = cal.history(r.getString(0), r.getInt(1), r.getInt(2), r.getInt(3), r.getInt(4));
      double[] row = {h[0], h[1], h[2], h[3], r.getLong(5)};
      purchases.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(row);
      purchases.computeIfAbsent(PLATFORM, k -> new ArrayList<>()).add(row);
    }
    Map<String, List<double[]>> spend = new TreeMap<>();
    for (Row r :
        histories
            .filter(col("x").gt(0).and(col("monetary").gt(0)))
            .groupBy(col("industry"), col("x"), round(log(col("monetary")).multiply(SPEND_BIN)))
            .count()
            .collectAsList()) {
      double[] row = {r.getInt(1), Math.exp(r.getDouble(2) / SPEND_BIN), r.getLong(3)};
      spend.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(row);
      spend.computeIfAbsent(PLATFORM, k -> new ArrayList<>()).add(row);
    }
    List<String> groups = new ArrayList<>();
    boolean borrow = false;
    for (String g : purchases.keySet()) {
      if (g.equals(PLATFORM)) {
        continue;
      }
      if (enough(purchases.get(g), spend.get(g))) {
        groups.add(g);
      } else {
        borrow = true;
      }
    }
    if (borrow) {
      groups.add(PLATFORM);
    }
    Map<String, Models> models = new TreeMap<>();
    groups.parallelStream()
        .map(g -> new Models(g, fitPurchases(purchases.get(g)), fitSpend(spend.get(g))))
        .toList()
        .forEach(m -> models.put(m.fittedOn(), m));
    Map<String, Models> byIndustry = new TreeMap<>();
    for (String industry : purchases.keySet()) {
      if (!industry.equals(PLATFORM)) {
        byIndustry.put(industry, models.getOrDefault(industry, models.get(PLATFORM)));
      }
    }
    return new CustomerModels(byIndustry, new ArrayList<>(models.values()));
  }

  /**
   * At most {@link #MAX_FIT_CUSTOMERS} customers per industry, chosen by a hash of their
   * identifiers (the same customers on every run): the fit's cost stays bounded at any scale; its
   * standard errors are those of the sample.
   */
  private static Dataset<Row> sample(Dataset<Row> histories) {
    Column draw = pmod(xxhash64(col("merchant_id"), col("customer_id")), lit(1_000_000L));
    Column keep = lit(false);
    boolean all = true;
    for (Row r : histories.groupBy("industry").count().collectAsList()) {
      double share = Math.min(1, (double) MAX_FIT_CUSTOMERS / r.getLong(1));
      all &= share >= 1;
      keep = keep.or(col("industry").equalTo(r.getString(0)).and(draw.lt(share * 1_000_000)));
    }
    return all ? histories : histories.filter(keep);
  }

  private static boolean enough(List<double[]> purchases, List<double[]> spend) {
    double customers = purchases.stream().mapToDouble(r -> r[4]).sum();
    double repeat = spend == null ? 0 : spend.stream().mapToDouble(r -> r[2]).sum();
    return customers >= MIN_CUSTOMERS && repeat >= MIN_REPEAT_BUYERS;
  }

  private static List<PurchaseModelFit> fitPurchases(List<double[]> rows) {
    int n = rows.size();
    double[] x = new double[n];
    double[] tx = new double[n];
    double[] t = new double[n];
    double[] f = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      double[] r = rows.get(i);
      x[i] = r[0];
      tx[i] = r[1];
      t[i] = r[2];
      f[i] = r[3];
      w[i] = r[4];
    }
    // the model used comes first; BG/NBD beside it for reference
    return List.of(
        PurchaseModelFit.paretonbdTruncated(x, tx, t, f, w), PurchaseModelFit.bgnbd(x, tx, t, w));
  }

  private static GammaGammaFit fitSpend(List<double[]> rows) {
    if (rows == null || rows.isEmpty()) {
      return null;
    }
    int n = rows.size();
    double[] x = new double[n];
    double[] m = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      double[] r = rows.get(i);
      x[i] = r[0];
      m[i] = r[1];
      w[i] = r[2];
    }
    return GammaGammaFit.fit(x, m, w);
  }

  static final StructType FITS =
      new StructType()
          .add("fitted_on", DataTypes.StringType)
          .add("used_for", DataTypes.StringType)
          .add("model", DataTypes.StringType)
          .add("chosen", DataTypes.BooleanType)
          .add("time_unit", DataTypes.StringType)
          .add("customers", DataTypes.LongType)
          .add("r", DataTypes.DoubleType)
          .add("r_se", DataTypes.DoubleType)
          .add("alpha", DataTypes.DoubleType)
          .add("alpha_se", DataTypes.DoubleType)
          .add("a", DataTypes.DoubleType)
          .add("a_se", DataTypes.DoubleType)
          .add("b", DataTypes.DoubleType)
          .add("b_se", DataTypes.DoubleType)
          .add("s", DataTypes.DoubleType)
          .add("s_se", DataTypes.DoubleType)
          .add("beta", DataTypes.DoubleType)
          .add("beta_se", DataTypes.DoubleType)
          .add("theta", DataTypes.DoubleType)
          .add("theta_se", DataTypes.DoubleType)
          .add("log_likelihood", DataTypes.DoubleType)
          .add("repeat_buyers", DataTypes.LongType)
          .add("spend_p", DataTypes.DoubleType)
          .add("spend_q", DataTypes.DoubleType)
          .add("spend_gamma", DataTypes.DoubleType)
          .add("spend_log_likelihood", DataTypes.DoubleType);

  /**
   * One row per fitted group and candidate purchase model, the chosen one flagged: the {@code
   * bgnbd_fits} table.
   */
  Dataset<Row> table(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (Models m : fitted) {
      List<String> users = new ArrayList<>();
      byIndustry.forEach(
          (industry, used) -> {
            if (used == m) {
              users.add(industry);
            }
          });
      GammaGammaFit g = m.spend();
      for (PurchaseModelFit p : m.candidates()) {
        double[] log = p.model().toLog();
        double[] v = new double[5];
        double[] se = java.util.Arrays.copyOf(p.standardErrors(), 5);
        for (int k = 0; k < log.length; k++) {
          v[k] = Math.exp(log[k]);
        }
        if (log.length < 5) {
          se[4] = Double.NaN;
        }
        boolean pareto = !(p.model() instanceof dev.aftermath.clv.BgNbd);
        rows.add(
            RowFactory.create(
                m.fittedOn(),
                String.join(",", users),
                p.model().name(),
                p == m.purchases(),
                "demand-weighted day",
                Math.round(p.customers()),
                v[0],
                finite(se[0]),
                v[1],
                finite(se[1]),
                pareto ? null : v[2],
                pareto ? null : finite(se[2]),
                pareto ? null : v[3],
                pareto ? null : finite(se[3]),
                pareto ? v[2] : null,
                pareto ? finite(se[2]) : null,
                pareto ? v[3] : null,
                pareto ? finite(se[3]) : null,
                log.length > 4 ? v[4] : null,
                finite(se[4]),
                p.logLikelihood(),
                g == null ? 0L : Math.round(g.customers()),
                g == null ? null : g.params().p(),
                g == null ? null : g.params().q(),
                g == null ? null : g.params().gamma(),
                g == null ? null : g.logLikelihood()));
      }
    }
    return spark.createDataFrame(rows, FITS);
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}

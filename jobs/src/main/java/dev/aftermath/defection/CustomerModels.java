package dev.aftermath.defection;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.round;

import dev.aftermath.clv.BgNbdFit;
import dev.aftermath.clv.GammaGammaFit;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
  static final double SPEND_BIN = 1000; // bins per unit of log spend

  /** The models used for one industry, and the group they were fitted on. */
  record Models(String fittedOn, BgNbdFit purchases, GammaGammaFit spend) implements Serializable {}

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

  static CustomerModels fit(Dataset<Row> histories, DefectionCalendar cal) {
    Map<String, List<double[]>> purchases = new TreeMap<>();
    for (Row r :
        histories.groupBy("industry", "x", "first_day", "last_day").count().collectAsList()) {
      double[] h = cal.history(r.getString(0), r.getInt(1), r.getInt(2), r.getInt(3));
      double[] row = {h[0], h[1], h[2], r.getLong(4)};
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

  private static boolean enough(List<double[]> purchases, List<double[]> spend) {
    double customers = purchases.stream().mapToDouble(r -> r[3]).sum();
    double repeat = spend == null ? 0 : spend.stream().mapToDouble(r -> r[2]).sum();
    return customers >= MIN_CUSTOMERS && repeat >= MIN_REPEAT_BUYERS;
  }

  private static BgNbdFit fitPurchases(List<double[]> rows) {
    int n = rows.size();
    double[] x = new double[n];
    double[] tx = new double[n];
    double[] t = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      double[] r = rows.get(i);
      x[i] = r[0];
      tx[i] = r[1];
      t[i] = r[2];
      w[i] = r[3];
    }
    return BgNbdFit.fit(x, tx, t, w);
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
          .add("log_likelihood", DataTypes.DoubleType)
          .add("repeat_buyers", DataTypes.LongType)
          .add("spend_p", DataTypes.DoubleType)
          .add("spend_q", DataTypes.DoubleType)
          .add("spend_gamma", DataTypes.DoubleType)
          .add("spend_log_likelihood", DataTypes.DoubleType);

  /** One row per fitted group: the {@code bgnbd_fits} table. */
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
      BgNbdFit p = m.purchases();
      GammaGammaFit s = m.spend();
      rows.add(
          RowFactory.create(
              m.fittedOn(),
              String.join(",", users),
              "demand-weighted day",
              Math.round(p.customers()),
              p.params().r(),
              p.standardErrors()[0],
              p.params().alpha(),
              p.standardErrors()[1],
              p.params().a(),
              p.standardErrors()[2],
              p.params().b(),
              p.standardErrors()[3],
              p.logLikelihood(),
              s == null ? 0L : Math.round(s.customers()),
              s == null ? null : s.params().p(),
              s == null ? null : s.params().q(),
              s == null ? null : s.params().gamma(),
              s == null ? null : s.logLikelihood()));
    }
    return spark.createDataFrame(rows, FITS);
  }
}

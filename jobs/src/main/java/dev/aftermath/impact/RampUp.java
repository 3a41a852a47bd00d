package dev.aftermath.impact;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * How a merchant's sales grow (or settle) with its age on the platform, learnt from the merchants
 * that joined during the history: per industry where at least {@link #MIN_MERCHANTS} of them are
 * seen for {@link #BASE_DAYS} days, and for the platform ({@link #PLATFORM}). The curve g(a) is the
 * mean over those merchants of revenue at age a (divided by the control series where there is one)
 * relative to their own mean over their first {@link #BASE_DAYS} days, smoothed over 7 days (no
 * weekday pattern) and held at its last fortnight's mean beyond the ages seen. A shop that joined
 * during or after the outage is then projected from the level it showed after the restore along its
 * peers' curve, not held flat at that level.
 */
final class RampUp {
  static final String PLATFORM = "*";
  static final int BASE_DAYS = 28;
  static final int MIN_MERCHANTS = 20;

  /** Ages beyond which fewer than this many merchants are seen end the curve. */
  static final int MIN_SEEN = 10;

  private RampUp() {}

  /**
   * The curves: industry (or {@link #PLATFORM}) → g by age in days. {@code days} holds the on-
   * platform days before the outage of the merchants (merchant_id, industry, signup_date, date,
   * revenue).
   */
  static Map<String, double[]> learn(
      Dataset<Row> days, LocalDate origin, Map<String, double[]> control) {
    Map<String, TreeMap<Integer, Double>> byMerchant = new TreeMap<>();
    Map<String, String> industryOf = new TreeMap<>();
    for (Row r :
        days.filter(col("signup_date").geq(lit(origin)))
            .select(
                col("merchant_id"),
                col("industry"),
                datediff(col("date"), col("signup_date")).as("age"),
                col("date"),
                col("revenue").cast(DataTypes.DoubleType))
            .filter(col("age").geq(0))
            .collectAsList()) {
      double[] c = control.get(r.getString(1));
      int d = (int) ChronoUnit.DAYS.between(origin, r.<LocalDate>getAs(3));
      double value = c == null ? r.getDouble(4) : r.getDouble(4) / c[Math.min(d, c.length - 1)];
      byMerchant.computeIfAbsent(r.getString(0), k -> new TreeMap<>()).put(r.getInt(2), value);
      industryOf.put(r.getString(0), r.getString(1));
    }
    Map<String, List<double[]>> relative = new TreeMap<>();
    byMerchant.forEach(
        (id, series) -> {
          if (series.size() < BASE_DAYS || series.firstKey() > 0) {
            return;
          }
          double base = 0;
          for (int a = 0; a < BASE_DAYS; a++) {
            base += series.getOrDefault(a, 0.0);
          }
          base /= BASE_DAYS;
          if (base <= 0) {
            return;
          }
          double[] g = new double[series.lastKey() + 1];
          java.util.Arrays.fill(g, Double.NaN);
          for (var e : series.entrySet()) {
            g[e.getKey()] = e.getValue() / base;
          }
          relative.computeIfAbsent(industryOf.get(id), k -> new ArrayList<>()).add(g);
          relative.computeIfAbsent(PLATFORM, k -> new ArrayList<>()).add(g);
        });
    Map<String, double[]> curves = new TreeMap<>();
    relative.forEach(
        (scope, list) -> {
          if (list.size() >= MIN_MERCHANTS) {
            curves.put(scope, curve(list));
          }
        });
    return curves;
  }

  private static double[] curve(List<double[]> merchants) {
    int ages = merchants.stream().mapToInt(g -> g.length).max().orElse(0);
    List<Double> mean = new ArrayList<>();
    for (int a = 0; a < ages; a++) {
      double sum = 0;
      int n = 0;
      for (double[] g : merchants) {
        if (a < g.length && !Double.isNaN(g[a])) {
          sum += g[a];
          n++;
        }
      }
      if (n < MIN_SEEN) {
        break;
      }
      mean.add(sum / n);
    }
    double[] smooth = new double[mean.size()];
    for (int a = 0; a < smooth.length; a++) {
      int from = Math.max(0, a - 3);
      int to = Math.min(smooth.length - 1, a + 3);
      double s = 0;
      for (int b = from; b <= to; b++) {
        s += mean.get(b);
      }
      smooth[a] = s / (to - from + 1);
    }
    return smooth;
  }

  /**
   * g at {@code age}, held at the last fortnight's mean beyond the ages seen; 1 without a curve.
   */
  static double at(double[] curve, int age) {
    if (curve == null || curve.length == 0) {
      return 1;
    }
    if (age < 0) {
      return curve[0];
    }
    if (age < curve.length) {
      return curve[age];
    }
    int from = Math.max(0, curve.length - 14);
    double s = 0;
    for (int a = from; a < curve.length; a++) {
      s += curve[a];
    }
    return s / (curve.length - from);
  }
}

package dev.aftermath.defection;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.xxhash64;

import dev.aftermath.clv.BetaQuadrature;
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

  /** At most this many customers per industry in the held-out check's fits and scores. */
  static final long HOLDOUT_FIT_CUSTOMERS = 20_000;

  static final double SPEND_BIN = 1000; // bins per unit of log spend

  /**
   * The models used for one industry, and the group they were fitted on: the purchase model chosen
   * by the held-out check, fitted on the histories to the outage (and BG/NBD beside it for
   * reference where there is no check); the spend model; and each candidate's held-out check, with
   * its fit on the histories to the split (empty where the history is too short for one).
   */
  record Models(
      String fittedOn,
      List<PurchaseModelFit> candidates,
      GammaGammaFit spend,
      List<HeldOutCheck> checks)
      implements Serializable {
    PurchaseModelFit purchases() {
      return candidates.get(0);
    }

    /** The chosen model's held-out calibration shift (0 without a check). */
    double shift() {
      HeldOutCheck c = chosenCheck();
      return c == null ? 0 : c.appliedShift();
    }

    /**
     * Standard deviation of the chosen model's error on the log-odds of no return, carried to the
     * return window: from its held-out check, or {@link #UNCHECKED_SHIFT_SD} without one.
     */
    double shiftSd() {
      HeldOutCheck c = chosenCheck();
      return c == null ? UNCHECKED_SHIFT_SD : c.shiftSd();
    }

    /** The chosen model's held-out check, or null. */
    HeldOutCheck chosenCheck() {
      return checkOf(checks, purchases().model().name());
    }
  }

  /** The held-out check of the named model among {@code checks}, or null. */
  static HeldOutCheck checkOf(List<HeldOutCheck> checks, String model) {
    for (HeldOutCheck c : checks) {
      if (c.model().equals(model)) {
        return c;
      }
    }
    return null;
  }

  /**
   * One candidate model fitted on the histories before the held-out split and scored on the
   * held-out window: customers scored (active at the split), who did not buy in the window and how
   * many the model expected not to, the variance of that count had the model been right, and the
   * log score (Bernoulli log-likelihood of who bought; higher is better).
   */
  record HeldOutCheck(
      String model,
      PurchaseModelFit fit,
      double customers,
      double observedNonReturn,
      double expectedNonReturn,
      double nonReturnVariance,
      double logScore,
      double shift,
      double earlyShift,
      double information,
      double appliedLogScore)
      implements Serializable {
    /**
     * The shift applied in the return window: half the held-out one. Whether the model's error
     * before the outage carries over to the window after it cannot be checked before the outage
     * (measured: on CDNOW it does, mostly; on the demo the error changes sign between the two
     * windows), so the prediction is the midpoint of the fitted and the calibrated model.
     */
    double appliedShift() {
      return shift / 2;
    }

    /**
     * Uncertainty of the applied shift: half the held-out shift (the distance to either model), how
     * far the shift moves between the held-out window and its first half, and its own sampling
     * error, in quadrature.
     */
    double shiftSd() {
      double half = shift / 2;
      double drift = shift - earlyShift;
      return Math.sqrt(half * half + drift * drift + (information > 0 ? 1 / information : 0));
    }
  }

  /** Candidates of the held-out check, in the order preferred when they score alike. */
  static final List<String> CANDIDATES = List.of("paretonbd-truncated", "paretonbd", "bgnbd");

  /**
   * Assumed error on the log-odds of no return of a model that could not be checked (history too
   * short): about ±40% on the odds at 90%.
   */
  static final double UNCHECKED_SHIFT_SD = 0.2;

  /** Fewest customers scored in the held-out window for the check to choose a model. */
  static final int MIN_HELD_OUT = 200;

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

  /** The held-out data of a group: histories cut at the split, and those scored on the window. */
  private record HeldOut(List<double[]> fit, List<Scored> scored) {}

  /** Customers of one industry with the same history cut at the split: who bought in the window. */
  private record Scored(
      String industry,
      double[] history,
      long returned,
      long notReturned,
      long returnedEarly,
      long notReturnedEarly) {
    static final java.util.Comparator<Scored> ORDER =
        java.util.Comparator.comparing(Scored::industry)
            .thenComparing(Scored::history, java.util.Arrays::compare)
            .thenComparingLong(Scored::returned)
            .thenComparingLong(Scored::notReturned)
            .thenComparingLong(Scored::returnedEarly);
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
    Map<String, HeldOut> heldOut = heldOut(histories, cal);
    Map<String, double[]> activeByRepeats = activeByRepeats(histories, cal);
    // the order rows arrive from the cluster varies; sums over them must not
    purchases.values().forEach(CustomerModels::sortRows);
    spend.values().forEach(CustomerModels::sortRows);
    String key = key(purchases, spend, heldOut, activeByRepeats, cal);
    CustomerModels recent = RecentFits.get(key);
    if (recent != null) {
      return recent;
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
    DefectionCalendar.Holdout holdout = cal.holdout();
    Map<String, Models> models = new TreeMap<>();
    // the groups' fits are independent: on all cores, the largest first, so that no large fit is
    // left to run alone at the end
    List<String> bySize = new ArrayList<>(groups);
    bySize.sort(
        java.util.Comparator.comparingInt((String g) -> -purchases.get(g).size())
            .thenComparing(g -> g));
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(
            Math.max(1, Math.min(bySize.size(), Runtime.getRuntime().availableProcessors())));
    try {
      List<java.util.concurrent.Future<Models>> fits = new ArrayList<>();
      for (String g : bySize) {
        fits.add(
            pool.submit(
                () -> {
                  List<HeldOutCheck> checks =
                      check(heldOut.get(g), holdout, cal, activeByRepeats.get(g));
                  String chosen = choose(checks);
                  return new Models(
                      g,
                      fitPurchases(purchases.get(g), chosen, checks),
                      fitSpend(spend.get(g)),
                      checks);
                }));
      }
      for (java.util.concurrent.Future<Models> f : fits) {
        Models m = f.get();
        models.put(m.fittedOn(), m);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while fitting the customer models", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    Map<String, Models> byIndustry = new TreeMap<>();
    for (String industry : purchases.keySet()) {
      if (!industry.equals(PLATFORM)) {
        byIndustry.put(industry, models.getOrDefault(industry, models.get(PLATFORM)));
      }
    }
    CustomerModels fitted = new CustomerModels(byIndustry, new ArrayList<>(models.values()));
    RecentFits.put(key, fitted);
    return fitted;
  }

  /**
   * The digest of everything the fits read: the grouped histories and spend, the held-out rows, the
   * customers active at the outage by repeat class, the held-out days and each scored industry's
   * spans of the held-out windows ({@link RecentFits}).
   */
  private static String key(
      Map<String, List<double[]>> purchases,
      Map<String, List<double[]>> spend,
      Map<String, HeldOut> heldOut,
      Map<String, double[]> activeByRepeats,
      DefectionCalendar cal) {
    RecentFits.Key k = new RecentFits.Key();
    for (Map<String, List<double[]>> rows : List.of(purchases, spend)) {
      k.add(rows.size());
      rows.forEach(
          (group, list) -> {
            k.add(group).add(list.size());
            list.forEach(k::add);
          });
    }
    k.add(heldOut.size());
    java.util.Set<String> scoredIndustries = new java.util.TreeSet<>();
    heldOut.forEach(
        (group, held) -> {
          k.add(group).add(held.fit().size());
          held.fit().forEach(k::add);
          k.add(held.scored().size());
          for (Scored r : held.scored()) {
            k.add(r.industry()).add(r.history());
            k.add(r.returned()).add(r.notReturned()).add(r.returnedEarly());
            k.add(r.notReturnedEarly());
            scoredIndustries.add(r.industry());
          }
        });
    k.add(activeByRepeats.size());
    activeByRepeats.forEach((group, counts) -> k.add(group).add(counts));
    DefectionCalendar.Holdout h = cal.holdout();
    if (h == null) {
      k.add("no holdout");
    } else {
      k.add(h.split()).add(h.start()).add(h.middle()).add(h.end());
      for (String industry : scoredIndustries) {
        k.add(industry);
        k.add(cal.span(industry, h.split(), h.start()));
        k.add(cal.span(industry, h.start(), h.end()));
        k.add(cal.span(industry, h.start(), h.middle()));
      }
    }
    return k.digest();
  }

  /**
   * Histories cut at the held-out split, per group: every customer with a purchase before it (to
   * fit on), and the customers active at the split of merchants still on the platform at the
   * window's end, with whether they bought in the window (to score). Empty without a holdout.
   */
  private static Map<String, HeldOut> heldOut(Dataset<Row> histories, DefectionCalendar cal) {
    DefectionCalendar.Holdout holdout = cal.holdout();
    Map<String, HeldOut> out = new TreeMap<>();
    if (holdout == null) {
      return out;
    }
    Dataset<Row> cut = sample(histories, HOLDOUT_FIT_CUSTOMERS);
    Column scored =
        col("held_last_day")
            .geq(holdout.split() - cal.terms().lookbackDays())
            .and(col("window_end_day").geq(holdout.end()));
    for (Row r :
        cut.filter(col("held_first_day").isNotNull())
            .groupBy(
                col("industry"),
                col("held_x"),
                col("held_first_day"),
                col("held_last_day"),
                col("origin_day"),
                scored.as("scored"),
                col("held_returned"),
                col("held_returned_early"))
            .count()
            .collectAsList()) {
      String industry = r.getString(0);
      double[] h =
          cal.historyAt(
              industry, holdout.split(), r.getInt(1), r.getInt(2), r.getInt(3), r.getInt(4));
      long n = r.getLong(8);
      double[] fitRow = {h[0], h[1], h[2], h[3], n};
      for (String g : List.of(industry, PLATFORM)) {
        HeldOut held =
            out.computeIfAbsent(g, k -> new HeldOut(new ArrayList<>(), new ArrayList<>()));
        held.fit().add(fitRow);
        if (r.getBoolean(5)) {
          boolean returned = r.getBoolean(6);
          boolean early = r.getBoolean(7);
          held.scored()
              .add(
                  new Scored(
                      industry,
                      h,
                      returned ? n : 0,
                      returned ? 0 : n,
                      early ? n : 0,
                      early ? 0 : n));
        }
      }
    }
    for (HeldOut held : out.values()) {
      sortRows(held.fit());
      held.scored().sort(Scored.ORDER);
    }
    return out;
  }

  /**
   * Each candidate fitted on the histories before the split and scored on the held-out window;
   * empty where there is no holdout or too few customers to score.
   */
  private static List<HeldOutCheck> check(
      HeldOut held,
      DefectionCalendar.Holdout holdout,
      DefectionCalendar cal,
      double[] activeByRepeats) {
    double[] weights = held == null ? null : weights(held, activeByRepeats);
    if (held == null
        || held.scored().stream().mapToLong(r -> r.returned() + r.notReturned()).sum()
            < MIN_HELD_OUT) {
      return List.of();
    }
    List<HeldOutCheck> checks = new ArrayList<>();
    for (String name : CANDIDATES) {
      double[][] c = columns(held.fit());
      PurchaseModelFit fit = PurchaseModelFit.quick(name, c[0], c[1], c[2], c[3], c[4]);
      BetaQuadrature quadrature = new BetaQuadrature();
      int k = held.scored().size();
      double[] p0 = new double[k];
      double[] returned = new double[k];
      double[] notReturned = new double[k];
      double[] p0Early = new double[k];
      double[] returnedEarly = new double[k];
      double[] notReturnedEarly = new double[k];
      for (int i = 0; i < k; i++) {
        Scored r = held.scored().get(i);
        double gap = cal.span(r.industry(), holdout.split(), holdout.start());
        double window = cal.span(r.industry(), holdout.start(), holdout.end());
        double[] h = r.history();
        p0[i] =
            Calibration.bounded(
                fit.model().probabilityNoPurchase(gap, window, h[0], h[1], h[2], h[3], quadrature));
        double weight = weights[repeatClass(r.history()[0])];
        returned[i] = weight * r.returned();
        notReturned[i] = weight * r.notReturned();
        double early = cal.span(r.industry(), holdout.start(), holdout.middle());
        p0Early[i] =
            Calibration.bounded(
                fit.model().probabilityNoPurchase(gap, early, h[0], h[1], h[2], h[3], quadrature));
        returnedEarly[i] = weight * r.returnedEarly();
        notReturnedEarly[i] = weight * r.notReturnedEarly();
      }
      double customers = 0;
      double observed = 0;
      double expected = 0;
      double variance = 0;
      for (int i = 0; i < k; i++) {
        double n = returned[i] + notReturned[i];
        customers += n;
        observed += notReturned[i];
        expected += n * p0[i];
        variance += n * p0[i] * (1 - p0[i]);
      }
      double shift = Calibration.shift(p0, returned, notReturned);
      double earlyShift = Calibration.shift(p0Early, returnedEarly, notReturnedEarly);
      double information = Calibration.information(p0, returned, notReturned, shift);
      double score = Calibration.logScore(p0, returned, notReturned, 0);
      double applied = Calibration.logScore(p0, returned, notReturned, shift / 2);
      checks.add(
          new HeldOutCheck(
              name,
              fit,
              customers,
              observed,
              expected,
              variance,
              score,
              shift,
              earlyShift,
              information,
              applied));
    }
    return checks;
  }

  /**
   * The candidate with the best held-out log score once calibrated ({@link Calibration}); the first
   * candidate without a check.
   */
  private static String choose(List<HeldOutCheck> checks) {
    String best = CANDIDATES.get(0);
    double bestScore = Double.NEGATIVE_INFINITY;
    for (HeldOutCheck c : checks) {
      if (c.appliedLogScore() > bestScore) {
        best = c.model();
        bestScore = c.appliedLogScore();
      }
    }
    return best;
  }

  /** Classes of repeat purchases: 0, 1, 2, 3–4, 5–9, 10 or more. */
  static int repeatClass(double x) {
    return x < 1 ? 0 : x < 2 ? 1 : x < 3 ? 2 : x < 5 ? 3 : x < 10 ? 4 : 5;
  }

  static final int REPEAT_CLASSES = 6;

  /**
   * Per group, the customers active at the outage by class of repeat purchases: the population the
   * return window measures, which the held-out customers are weighted to.
   */
  private static Map<String, double[]> activeByRepeats(
      Dataset<Row> histories, DefectionCalendar cal) {
    Map<String, double[]> out = new TreeMap<>();
    for (Row r :
        histories
            .filter(col("last_day").geq(cal.outageDay() - cal.terms().lookbackDays()))
            .groupBy("industry", "x")
            .count()
            .collectAsList()) {
      int c = repeatClass(r.getInt(1));
      for (String g : List.of(r.getString(0), PLATFORM)) {
        out.computeIfAbsent(g, k -> new double[REPEAT_CLASSES])[c] += r.getLong(2);
      }
    }
    return out;
  }

  /**
   * Weights of the held-out customers by class of repeat purchases, so that the classes count as in
   * the population of the return window: a business whose customers all arrived early (one cohort)
   * has mostly new customers at the split and mostly repeat buyers at the outage, and a model can
   * be right about the one and wrong about the other. Classes absent from either side keep weight
   * 1.
   */
  private static double[] weights(HeldOut held, double[] active) {
    double[] scored = new double[REPEAT_CLASSES];
    for (Scored r : held.scored()) {
      scored[repeatClass(r.history()[0])] += r.returned() + r.notReturned();
    }
    double[] w = new double[REPEAT_CLASSES];
    java.util.Arrays.fill(w, 1);
    if (active == null) {
      return w;
    }
    double totalScored = 0;
    double totalActive = 0;
    for (int c = 0; c < REPEAT_CLASSES; c++) {
      if (scored[c] > 0 && active[c] > 0) {
        totalScored += scored[c];
        totalActive += active[c];
      }
    }
    for (int c = 0; c < REPEAT_CLASSES; c++) {
      if (scored[c] > 0 && active[c] > 0) {
        w[c] = (active[c] / totalActive) / (scored[c] / totalScored);
      }
    }
    return w;
  }

  /** Rows in a fixed order: lexicographic on their values. */
  private static void sortRows(List<double[]> rows) {
    rows.sort(java.util.Arrays::compare);
  }

  /**
   * At most {@link #MAX_FIT_CUSTOMERS} customers per industry, chosen by a hash of their
   * identifiers (the same customers on every run): the fit's cost stays bounded at any scale; its
   * standard errors are those of the sample.
   */
  private static Dataset<Row> sample(Dataset<Row> histories) {
    return sample(histories, MAX_FIT_CUSTOMERS);
  }

  private static Dataset<Row> sample(Dataset<Row> histories, long cap) {
    Column draw = pmod(xxhash64(col("merchant_id"), col("customer_id")), lit(1_000_000L));
    Column keep = lit(false);
    boolean all = true;
    for (Row r : histories.groupBy("industry").count().collectAsList()) {
      double share = Math.min(1, (double) cap / r.getLong(1));
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

  /** The chosen model fitted on the full histories, then BG/NBD beside it for reference. */
  private static List<PurchaseModelFit> fitPurchases(
      List<double[]> rows, String chosen, List<HeldOutCheck> checks) {
    PurchaseModelFit used = fit(rows, chosen, checks);
    if (chosen.equals("bgnbd")) {
      return List.of(used);
    }
    // BG/NBD for reference: its held-out fit where there is one (it is not used)
    return checkOf(checks, "bgnbd") != null ? List.of(used) : List.of(used, fitOne(rows, "bgnbd"));
  }

  /** The named model fitted on the full histories, from its held-out fit where there is one. */
  private static PurchaseModelFit fit(List<double[]> rows, String name, List<HeldOutCheck> checks) {
    HeldOutCheck c = checkOf(checks, name);
    return c != null ? refit(rows, c.fit()) : fitOne(rows, name);
  }

  /** Fits the family of {@code from} to rows {x, t_x, T, f, weight}, starting from it. */
  private static PurchaseModelFit refit(List<double[]> rows, PurchaseModelFit from) {
    double[][] c = columns(rows);
    return PurchaseModelFit.refit(from.model(), c[0], c[1], c[2], c[3], c[4]);
  }

  private static double[][] columns(List<double[]> rows) {
    int n = rows.size();
    double[][] c = new double[5][n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < 5; k++) {
        c[k][i] = rows.get(i)[k];
      }
    }
    return c;
  }

  /** Fits the named candidate to rows {x, t_x, T, f, weight}. */
  private static PurchaseModelFit fitOne(List<double[]> rows, String name) {
    double[][] c = columns(rows);
    return PurchaseModelFit.named(name, c[0], c[1], c[2], c[3], c[4]);
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
          .add("spend_log_likelihood", DataTypes.DoubleType)
          .add("fitted_through", DataTypes.StringType)
          .add("holdout_customers", DataTypes.LongType)
          .add("holdout_observed_nonreturn", DataTypes.LongType)
          .add("holdout_expected_nonreturn", DataTypes.DoubleType)
          .add("holdout_log_score", DataTypes.DoubleType)
          .add("holdout_calibration_shift", DataTypes.DoubleType)
          .add("holdout_applied_shift", DataTypes.DoubleType)
          .add("holdout_applied_log_score", DataTypes.DoubleType)
          .add("holdout_first_half_shift", DataTypes.DoubleType)
          .add("holdout_shift_sd", DataTypes.DoubleType);

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
      for (String name : CANDIDATES) {
        PurchaseModelFit full = null;
        for (PurchaseModelFit p : m.candidates()) {
          if (p.model().name().equals(name)) {
            full = p;
          }
        }
        HeldOutCheck check = checkOf(m.checks(), name);
        if (full == null && check == null) {
          continue;
        }
        rows.add(
            row(
                m,
                String.join(",", users),
                full != null ? full : check.fit(),
                full != null,
                check));
      }
    }
    return spark.createDataFrame(rows, FITS);
  }

  private static Row row(
      Models m, String users, PurchaseModelFit p, boolean toOutage, HeldOutCheck check) {
    GammaGammaFit g = m.spend();
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
    return RowFactory.create(
        m.fittedOn(),
        users,
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
        g == null ? null : g.logLikelihood(),
        toOutage ? "outage" : "holdout_split",
        check == null ? null : Math.round(check.customers()),
        check == null ? null : Math.round(check.observedNonReturn()),
        check == null ? null : check.expectedNonReturn(),
        check == null ? null : check.logScore(),
        check == null ? null : check.shift(),
        check == null ? null : check.appliedShift(),
        check == null ? null : check.appliedLogScore(),
        check == null ? null : check.earlyShift(),
        check == null ? null : check.shiftSd());
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}

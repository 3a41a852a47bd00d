package dev.aftermath.realdata;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;

/**
 * An incident case made from a real purchase log: the CDNOW customers (Fader, Hardie & Lee 2005;
 * one acquisition cohort of early 1997, followed to mid-1998, no control series), split by a hash
 * of their identifier into pseudo-merchants, with an outage injected at a chosen time that makes a
 * known share of the customers active before it defect (all their later orders removed). The data
 * stay in ../shared/data/cdnow; tests using this are skipped where it is absent.
 */
public final class CdnowCase {
  static final Path MASTER = Path.of("..", "..", "shared", "data", "cdnow", "CDNOW_master.txt");
  static final LocalDate HISTORY_START = LocalDate.of(1997, 1, 1);
  static final LocalDate HORIZON_END = LocalDate.of(1998, 6, 30);

  /** One purchase of the log. */
  record Purchase(String customer, LocalDate day, double amount) {}

  /** The case written, and how many active customers the outage removed, per merchant. */
  public record Made(Path dir, Map<String, Integer> removedByMerchant, int active) {
    public int removed() {
      return removedByMerchant.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  private CdnowCase() {}

  /**
   * Runs ingestion and the defection stage on a written case into {@code out/} beside it; returns
   * the platform row of {@code defection_totals}.
   */
  public static org.apache.spark.sql.Row defection(
      org.apache.spark.sql.SparkSession spark, Made made) {
    String casePath = made.dir().toString();
    java.io.PrintStream quiet = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
    dev.aftermath.ingest.CaseLayout layout =
        dev.aftermath.ingest.CaseLayout.inspect(
            casePath, new org.apache.hadoop.conf.Configuration());
    Path out = made.dir().resolve("out");
    new dev.aftermath.pipeline.Pipeline(
            spark, layout, new dev.aftermath.io.OutputLayout(out.toString()), 5, quiet)
        .run(
            casePath,
            List.of(
                dev.aftermath.pipeline.Stages.INGESTION, dev.aftermath.pipeline.Stages.DEFECTION));
    return spark
        .read()
        .parquet(out.resolve("tables/defection_totals").toString())
        .filter(org.apache.spark.sql.functions.col("scope").equalTo("platform"))
        .first();
  }

  /** The log, or the test skipped where it is absent. */
  public static List<Purchase> log() throws IOException {
    Assumptions.assumeTrue(
        Files.isRegularFile(MASTER), "CDNOW log not found at " + MASTER.toAbsolutePath());
    List<Purchase> out = new ArrayList<>();
    DateTimeFormatter f = DateTimeFormatter.BASIC_ISO_DATE;
    for (String line : Files.readAllLines(MASTER, StandardCharsets.UTF_8)) {
      String[] p = line.trim().split("\\s+");
      if (p.length < 4 || !Character.isDigit(p[0].charAt(0))) {
        continue;
      }
      double amount = Double.parseDouble(p[3]);
      if (amount > 0) {
        out.add(new Purchase(p[0], LocalDate.parse(p[1], f), amount));
      }
    }
    return out;
  }

  /**
   * The log with business buyers: a share {@code share} of the customers (by a hash of their id)
   * buy in bulk, every order of theirs multiplied by the customer's own Pareto factor (minimum
   * {@code scale}, tail index {@code alpha}), so that order values are heavy-tailed as on a
   * wholesale platform. Deterministic.
   */
  public static List<Purchase> withBusinessBuyers(
      List<Purchase> log, double share, double scale, double alpha) {
    List<Purchase> out = new ArrayList<>(log.size());
    for (Purchase p : log) {
      int h = Math.floorMod(p.customer().hashCode() * 0x632BE5AB, 1_000_000);
      double factor = 1;
      if (h < share * 1_000_000) {
        double u = (h + 0.5) / (share * 1_000_000);
        factor = scale * Math.pow(1 - u, -1 / alpha);
      }
      out.add(new Purchase(p.customer(), p.day(), Math.round(p.amount() * factor * 100) / 100.0));
    }
    return out;
  }

  static String merchant(String customer, int merchants) {
    return String.format("m%02d", Math.floorMod(customer.hashCode() * 0x9E3779B1, merchants));
  }

  /**
   * Writes the case: {@code merchants} pseudo-merchants, an outage of {@code outageHours} from
   * {@code outage}, and of the customers with a purchase in the 90 days before it, a share {@code
   * removeShare} (drawn with {@code seed}) who never buy again.
   */
  public static Made write(
      Path dir,
      List<Purchase> log,
      LocalDateTime outage,
      int outageHours,
      int merchants,
      double removeShare,
      long seed,
      Map<String, String> defectionTerms)
      throws IOException {
    Files.createDirectories(dir);
    LocalDate start = outage.toLocalDate();
    TreeSet<String> active = new TreeSet<>();
    for (Purchase p : log) {
      if (!p.day().isBefore(start.minusDays(90)) && p.day().isBefore(start)) {
        active.add(p.customer());
      }
    }
    SplittableRandom random = new SplittableRandom(seed);
    TreeSet<String> removed = new TreeSet<>();
    for (String c : active) {
      if (random.nextDouble() < removeShare) {
        removed.add(c);
      }
    }
    Map<String, Integer> byMerchant = new TreeMap<>();
    removed.forEach(c -> byMerchant.merge(merchant(c, merchants), 1, Integer::sum));
    try (Writer w = Files.newBufferedWriter(dir.resolve("orders.csv"))) {
      w.write("order_id,merchant_id,customer_id,created_at,amount,tax,status\n");
      int i = 0;
      for (Purchase p : log) {
        i++;
        LocalDateTime at = p.day().atTime(12, 0);
        if (removed.contains(p.customer()) && !at.isBefore(outage)) {
          continue;
        }
        w.write(
            String.format(
                "o%d,%s,%s,%s,%.2f,0,PAID%n",
                i, merchant(p.customer(), merchants), p.customer(), at, p.amount()));
      }
    }
    writeMerchantsAndScenario(dir, outage, outageHours, merchants, defectionTerms, HORIZON_END);
    return new Made(dir, byMerchant, active.size());
  }

  private static void writeMerchantsAndScenario(
      Path dir,
      LocalDateTime outage,
      int outageHours,
      int merchants,
      Map<String, String> defectionTerms,
      LocalDate horizonEnd)
      throws IOException {
    try (Writer w = Files.newBufferedWriter(dir.resolve("merchants.csv"))) {
      w.write(
          "merchant_id,name,industry,signup_date,monthly_fee,ad_eligible,data_recovered_pct,"
              + "left_platform_at\n");
      for (int m = 0; m < merchants; m++) {
        w.write(String.format("m%02d,shop %d,music,%s,100,true,100,%n", m, m, HISTORY_START));
      }
    }
    StringBuilder terms = new StringBuilder();
    defectionTerms.forEach(
        (k, v) -> terms.append("  ").append(k).append(": ").append(v).append('\n'));
    Files.writeString(
        dir.resolve("scenario.yaml"),
        "name: cdnow\n"
            + "timezone: UTC\n"
            + "currency: USD\n"
            + "outage:\n"
            + "  start: "
            + outage
            + "\n  end: "
            + outage.plusHours(outageHours)
            + "\nanalysis:\n"
            + "  history_start: "
            + HISTORY_START
            + "\n  horizon_end: "
            + horizonEnd
            + "\n"
            + (terms.length() > 0 ? "defection:\n" + terms : "")
            + "schemes:\n"
            + "  cash:\n"
            + "    baseline_start: "
            + outage.minusDays(6)
            + "\n    baseline_end: "
            + outage
            + "\n    duration_hours: "
            + outageHours
            + "\n    margin_rates: {default: 0.2}\n"
            + "  traffic: {impressions: 50000, cpm: 6.0, extension_months: 2}\n");
  }

  /** A case with a known revenue loss, and the loss. */
  public record RevenueCase(Path dir, double lostRevenue) {}

  /**
   * Writes a case whose outage removes a known revenue: a share {@code outageShare} of the orders
   * in the {@code outageDays} from {@code outage}, and a share {@code afterShare} of those in the
   * {@code afterDays} after it (drawn with {@code seed}). The log itself is the counterfactual, so
   * the true loss is exactly what was removed. With {@code controlShare} > 0 that share of the
   * customers is held out of the platform and their daily purchases (7-day mean) become the
   * industry's control series, a demand index from outside the platform that the outage did not
   * touch. An outside shock on demand: each order of the log (on the platform and among the
   * held-out customers alike) is kept with probability {@code demand(day)} (1: the log as it is),
   * before the outage removes its share. A demand that falls to a few percent and comes back is an
   * industry whose control series collapses toward zero and recovers.
   */
  public static RevenueCase writeRevenueLoss(
      Path dir,
      List<Purchase> log,
      LocalDateTime outage,
      int outageDays,
      double outageShare,
      double afterShare,
      int afterDays,
      int merchants,
      double controlShare,
      java.util.function.ToDoubleFunction<LocalDate> demand,
      long seed)
      throws IOException {
    Files.createDirectories(dir);
    SplittableRandom shock = new SplittableRandom(seed ^ 0x5DEECE66DL);
    LocalDateTime end = outage.plusDays(outageDays);
    LocalDateTime afterEnd = end.plusDays(afterDays);
    SplittableRandom random = new SplittableRandom(seed);
    TreeMap<LocalDate, Double> held = new TreeMap<>();
    double lost = 0;
    try (Writer w = Files.newBufferedWriter(dir.resolve("orders.csv"))) {
      w.write("order_id,merchant_id,customer_id,created_at,amount,tax,status\n");
      int i = 0;
      for (Purchase p : log) {
        i++;
        if (shock.nextDouble() >= demand.applyAsDouble(p.day())) {
          continue;
        }
        LocalDateTime at = p.day().atTime(12, 0);
        if (Math.floorMod(p.customer().hashCode() * 0x2545F491, 1000) < controlShare * 1000) {
          held.merge(p.day(), p.amount(), Double::sum);
          continue;
        }
        boolean inOutage = !at.isBefore(outage) && at.isBefore(end);
        boolean after = !at.isBefore(end) && at.isBefore(afterEnd);
        double u = random.nextDouble();
        if ((inOutage && u < outageShare) || (after && u < afterShare)) {
          lost += p.amount();
          continue;
        }
        w.write(
            String.format(
                "o%d,%s,%s,%s,%.2f,0,PAID%n",
                i, merchant(p.customer(), merchants), p.customer(), at, p.amount()));
      }
    }
    if (controlShare > 0) {
      try (Writer w = Files.newBufferedWriter(dir.resolve("industry_index.csv"))) {
        w.write("date,industry,index\n");
        for (LocalDate d = HISTORY_START;
            !d.isAfter(outage.toLocalDate().plusDays(63));
            d = d.plusDays(1)) {
          double sum = 0;
          for (int k = -3; k <= 3; k++) {
            sum += held.getOrDefault(d.plusDays(k), 0.0);
          }
          w.write(String.format("%s,music,%.4f%n", d, sum / 7 + 1));
        }
      }
    }
    // the analysis ends nine weeks after the outage, as long as the demo's
    writeMerchantsAndScenario(
        dir, outage, outageDays * 24, merchants, Map.of(), outage.toLocalDate().plusDays(63));
    return new RevenueCase(dir, lost);
  }

  /**
   * Runs ingestion, merchant-day and the lost-revenue stage on a written case into {@code out/}
   * beside it; returns the platform row of {@code impact_totals}.
   */
  public static org.apache.spark.sql.Row lostRevenue(
      org.apache.spark.sql.SparkSession spark, Path dir) {
    String casePath = dir.toString();
    java.io.PrintStream quiet = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
    dev.aftermath.ingest.CaseLayout layout =
        dev.aftermath.ingest.CaseLayout.inspect(
            casePath, new org.apache.hadoop.conf.Configuration());
    Path out = dir.resolve("out");
    new dev.aftermath.pipeline.Pipeline(
            spark, layout, new dev.aftermath.io.OutputLayout(out.toString()), 5, quiet)
        .run(
            casePath,
            List.of(
                dev.aftermath.pipeline.Stages.INGESTION,
                dev.aftermath.pipeline.Stages.MERCHANT_DAY,
                dev.aftermath.pipeline.Stages.LOST_REVENUE));
    return spark
        .read()
        .parquet(out.resolve("tables/impact_totals").toString())
        .filter(org.apache.spark.sql.functions.col("scope").equalTo("platform"))
        .first();
  }
}

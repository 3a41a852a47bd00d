package dev.aftermath.bench;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import dev.aftermath.daily.MerchantDayJob;
import dev.aftermath.defection.CustomerHistories;
import dev.aftermath.defection.DefectionCalendar;
import dev.aftermath.ingest.CaseLayout;
import dev.aftermath.ingest.InputTables;
import dev.aftermath.ingest.SourceFormat;
import dev.aftermath.ingest.TableSource;
import dev.aftermath.io.OutputLayout;
import dev.aftermath.io.TableWriter;
import dev.aftermath.scenario.Scenario;
import dev.aftermath.schemes.PayoutInputs;
import dev.aftermath.spark.Progress;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * The engine's own floor: each core computation written as the shortest plain Spark SQL a competent
 * Spark user would write (`bench/floor/*.sql`: {@code GROUP BY}, {@code count(DISTINCT)}, {@code
 * sequence}/{@code explode}, joins), run in the benchmark's Spark session beside the stage's own
 * transform on the same Parquet and settings, each timed (wall clock, process CPU), and checked to
 * give the same table. Ours ÷ floor says how much of a stage's time is our formulation rather than
 * Spark itself.
 */
final class SparkFloor {
  /** One computation: its name, SQL resource, the run's stage it mirrors. */
  record Computation(String name, String resource, String ourStage) {}

  /** One timed pair: ours and the floor in this process, and whether their outputs agree. */
  record Timing(
      Computation computation,
      double oursWall,
      double oursCpu,
      double floorWall,
      double floorCpu,
      long rows,
      boolean same,
      String detail) {}

  static final Computation SCAN = new Computation("scan floor", "scan_floor", null);
  static final Computation MERCHANT_DAY =
      new Computation(
          "merchant-day revenue, paid orders, distinct customers", "merchant_day", "merchant_day");
  static final Computation PAYOUT_INPUTS =
      new Computation(
          "cash-plan baselines (schemes' merchant inputs)",
          "payout_inputs",
          "schemes: merchant inputs");
  static final Computation HISTORIES =
      new Computation(
          "pre-outage customer summaries (frequency, recency, age, spend)",
          "customer_histories",
          "defection: customer histories");

  static final Computation INGEST_ORDERS =
      new Computation(
          "orders ingestion (validate, quarantine reasons, deduplicate)",
          "ingest_orders",
          "ingest orders");

  private static final List<String> TABLES =
      List.of(
          "orders",
          "merchants",
          "merchant_day",
          "merchant_day_counterfactual",
          "merchant_loss",
          "merchant_defection");

  private final SparkSession spark;
  private final Scenario scenario;
  private final TableWriter tables;
  private final Path work;
  private final Map<String, String> values;
  private final DefectionCalendar cal;

  SparkFloor(SparkSession spark, Path run, Scenario scenario, Path work) {
    this.spark = spark;
    this.scenario = scenario;
    this.tables = new TableWriter(spark, new OutputLayout(run.toString()));
    this.work = work;
    this.cal = DefectionCalendar.of(scenario, Map.of());
    this.values = values(run.resolve("tables"), work, scenario, cal);
    for (String t : TABLES) {
      tables.read(t).createOrReplaceTempView(t);
    }
  }

  /** The placeholders of the floor's SQL: the DuckDB peer's, plus the held-out split's days. */
  static Map<String, String> values(
      Path tables, Path work, Scenario scenario, DefectionCalendar cal) {
    Map<String, String> v = new LinkedHashMap<>(DuckDbPeer.values(tables, work, scenario));
    DefectionCalendar.Holdout h = cal.holdout();
    v.put("held_split", Integer.toString(h == null ? -1 : h.split()));
    v.put("held_start", Integer.toString(h == null ? 0 : h.start()));
    v.put("held_end", Integer.toString(h == null ? 0 : h.end()));
    v.put("held_middle", Integer.toString(h == null ? 0 : h.middle()));
    List<String> windows = new ArrayList<>();
    for (int k = 0; k < PayoutInputs.windows(scenario).size(); k++) {
      windows.add("r.w" + k);
    }
    v.put("window_columns", String.join(", ", windows));
    return v;
  }

  /** The SQL of a computation with this run's values in place. */
  String sql(Computation c) {
    return SqlTemplate.fill("/bench/floor/" + c.resource() + ".sql", values);
  }

  /** The scan floor (read and sum the order columns): wall and CPU seconds. */
  double[] scan() {
    return timed(() -> spark.sql(sql(SCAN)).collectAsList().size());
  }

  /** merchant_day: ours and the floor, each written to Parquet; the same rows and values? */
  Timing merchantDay() {
    Dataset<Row> orders = tables.read("orders");
    Dataset<Row> merchants = tables.read("merchants");
    String ours = work.resolve("floor-ours-merchant_day").toString();
    String floor = work.resolve("floor-merchant_day").toString();
    double[] o =
        timed(
            () -> {
              MerchantDayJob.merchantDay(orders, merchants, scenario)
                  .write()
                  .mode(SaveMode.Overwrite)
                  .parquet(ours);
              return 0;
            });
    double[] f =
        timed(
            () -> {
              spark.sql(sql(MERCHANT_DAY)).write().mode(SaveMode.Overwrite).parquet(floor);
              return 0;
            });
    Dataset<Row> a = spark.read().parquet(ours);
    Dataset<Row> b = spark.read().parquet(floor);
    long rows = a.count();
    long differ = a.exceptAll(b).count() + b.exceptAll(a).count();
    boolean sameSchema = a.schema().equals(b.schema());
    return new Timing(
        MERCHANT_DAY,
        o[0],
        o[1],
        f[0],
        f[1],
        rows,
        differ == 0 && sameSchema,
        or(
            (differ == 0 ? "" : differ + " rows differ")
                + (sameSchema
                    ? ""
                    : "schemas differ: "
                        + a.schema().simpleString()
                        + " / "
                        + b.schema().simpleString())));
  }

  /**
   * Ingestion of the orders as plain Spark, against the run's stage (ours is not run again here:
   * the stage ingests the case as a whole). The floor reads the case's order files, checks them
   * with one SQL {@code CASE}, keeps the good rows once per order_id ({@code dropDuplicates}) with
   * the derived columns, writes them to Parquet, and counts the rejected rows by reason. The same
   * output: its table equals the run's {@code orders} (both ways, any order), and its counts by
   * reason and of duplicates equal the run's quarantine and duplicates. What it lacks is said in
   * the detail.
   */
  Timing ingestOrders(String caseDir) {
    TableSource source =
        CaseLayout.inspect(caseDir, spark.sparkContext().hadoopConfiguration())
            .source(InputTables.ORDERS)
            .orElseThrow(() -> new IllegalArgumentException(caseDir + " has no orders"));
    if (source.format() == SourceFormat.DATABASE) {
      return new Timing(
          INGEST_ORDERS,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          0,
          false,
          "database source");
    }
    String zone = spark.conf().get("spark.sql.session.timeZone");
    spark.conf().set("spark.sql.session.timeZone", scenario.timezone().getId());
    try {
      String[] files = source.files().toArray(String[]::new);
      Dataset<Row> raw =
          source.format() == SourceFormat.CSV
              ? spark.read().option("header", true).csv(files)
              : spark.read().parquet(files);
      raw.createOrReplaceTempView("raw_orders");
      String out = work.resolve("floor-orders").toString();
      Map<String, Long> reasons = new java.util.TreeMap<>();
      long[] good = new long[1];
      double[] f =
          timed(
              () -> {
                Dataset<Row> checked = spark.sql(sql(INGEST_ORDERS));
                checked
                    .filter(col("reason").isNull())
                    .dropDuplicates("order_id")
                    .select(
                        col("order_id"),
                        col("merchant_id"),
                        col("customer_id"),
                        col("created_at"),
                        col("amount"),
                        col("tax"),
                        col("status"),
                        to_date(col("created_at")).as("local_date"),
                        when(col("status").equalTo("PAID"), col("amount").minus(col("tax")))
                            .otherwise(lit(0))
                            .cast(DataTypes.createDecimalType(18, 4))
                            .as("revenue"))
                    .write()
                    .mode(SaveMode.Overwrite)
                    .parquet(out);
                for (Row r : checked.groupBy("reason").count().collectAsList()) {
                  if (r.isNullAt(0)) {
                    good[0] = r.getLong(1);
                  } else {
                    reasons.put(r.getString(0), r.getLong(1));
                  }
                }
                return 0;
              });
      Dataset<Row> ours = tables.read("orders");
      Dataset<Row> floor = spark.read().parquet(out);
      long rows = ours.count();
      List<String> problems = new ArrayList<>();
      long differ = ours.exceptAll(floor).count() + floor.exceptAll(ours).count();
      if (differ > 0) {
        problems.add(differ + " rows differ");
      }
      if (!sameColumns(ours, floor)) {
        problems.add(
            "schemas differ: "
                + ours.schema().simpleString()
                + " / "
                + floor.schema().simpleString());
      }
      Map<String, Long> ourReasons = new java.util.TreeMap<>();
      for (Row r :
          tables
              .read("quarantine")
              .filter(col("table").equalTo("orders"))
              .groupBy("reason")
              .count()
              .collectAsList()) {
        ourReasons.put(r.getString(0), r.getLong(1));
      }
      if (!ourReasons.equals(reasons)) {
        problems.add("quarantined by reason: ours " + ourReasons + ", floor " + reasons);
      }
      long ourDuplicates = tables.read("duplicates").filter(col("table").equalTo("orders")).count();
      long floorDuplicates = good[0] - floor.count();
      if (ourDuplicates != floorDuplicates) {
        problems.add("duplicates: ours " + ourDuplicates + ", floor " + floorDuplicates);
      }
      return new Timing(
          INGEST_ORDERS,
          Double.NaN,
          Double.NaN,
          f[0],
          f[1],
          rows,
          problems.isEmpty(),
          problems.isEmpty()
              ? "identical (table, reasons, duplicates); the floor lacks each rejected row's file,"
                  + " line, column, value and masked text, the per-file reconciliation, and a"
                  + " fixed choice of the row kept among duplicates"
              : String.join("; ", problems));
    } finally {
      spark.conf().set("spark.sql.session.timeZone", zone);
    }
  }

  /** The same column names and types, in the same order (nullability aside). */
  private static boolean sameColumns(Dataset<Row> a, Dataset<Row> b) {
    var x = a.schema().fields();
    var y = b.schema().fields();
    if (x.length != y.length) {
      return false;
    }
    for (int i = 0; i < x.length; i++) {
      if (!x[i].name().equals(y[i].name()) || !x[i].dataType().equals(y[i].dataType())) {
        return false;
      }
    }
    return true;
  }

  /** The schemes' merchant inputs: ours and the floor, each collected; equal field by field? */
  Timing payoutInputs() {
    List<List<Row>> out = new ArrayList<>();
    double[] o = timed(() -> add(out, PayoutInputs.table(tables, scenario).collectAsList()));
    double[] f = timed(() -> add(out, spark.sql(sql(PAYOUT_INPUTS)).collectAsList()));
    String diff = RowComparison.differences(out.get(0), out.get(1), r -> r.getString(0));
    return new Timing(
        PAYOUT_INPUTS, o[0], o[1], f[0], f[1], out.get(0).size(), diff.isEmpty(), or(diff));
  }

  /** The customer summaries: ours and the floor, each cached and counted; the same rows? */
  Timing customerHistories() {
    Dataset<Row> ours =
        CustomerHistories.of(
                tables.read("orders"),
                tables.read("merchants"),
                cal,
                scenario.outage().start(),
                lit(cal.windowStartDay()))
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> floor = spark.sql(sql(HISTORIES)).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long[] rows = new long[1];
      double[] o = timed(() -> rows[0] = ours.count());
      double[] f = timed(floor::count);
      String diff = historiesDiffer(ours, floor);
      return new Timing(HISTORIES, o[0], o[1], f[0], f[1], rows[0], diff.isEmpty(), or(diff));
    } finally {
      ours.unpersist();
      floor.unpersist();
    }
  }

  /**
   * The columns that differ between two customer-summary tables, joined on merchant and customer:
   * every column equal, the average spend within 1e-9 relative (ours adds exactly, the floor in
   * double).
   */
  static String historiesDiffer(Dataset<Row> ours, Dataset<Row> floor) {
    List<String> problems = new ArrayList<>();
    if (!ours.schema().equals(floor.schema())) {
      problems.add(
          "schemas differ: "
              + ours.schema().simpleString()
              + " / "
              + floor.schema().simpleString());
    }
    Dataset<Row> a = ours.alias("a");
    Dataset<Row> b = floor.alias("b");
    Dataset<Row> joined =
        a.join(
            b,
            col("a.merchant_id")
                .equalTo(col("b.merchant_id"))
                .and(col("a.customer_id").equalTo(col("b.customer_id"))),
            "full_outer");
    Column bad = col("a.merchant_id").isNull().or(col("b.merchant_id").isNull());
    for (String c : ours.columns()) {
      if (c.equals("monetary")) {
        Column apart = abs(col("a.monetary").minus(col("b.monetary")));
        bad = bad.or(apart.gt(greatest(lit(1.0), abs(col("a.monetary"))).multiply(1e-9)));
      } else {
        bad = bad.or(col("a." + c).eqNullSafe(col("b." + c)).unary_$bang());
      }
    }
    long n = joined.filter(bad).count();
    if (n > 0) {
      problems.add(n + " customers differ");
    }
    return String.join("; ", problems);
  }

  private static int add(List<List<Row>> out, List<Row> rows) {
    out.add(rows);
    return rows.size();
  }

  private static String or(String diff) {
    return diff.isEmpty() ? "identical" : diff;
  }

  /** Runs {@code work} and returns its wall and process CPU seconds. */
  private static double[] timed(Supplier<? extends Number> work) {
    long cpu0 = Progress.processCpuNanos();
    long t0 = System.nanoTime();
    work.get();
    return new double[] {(System.nanoTime() - t0) / 1e9, (Progress.processCpuNanos() - cpu0) / 1e9};
  }

  /** Compares collected rows field by field: numbers within 1e-9 relative, others equal. */
  static final class RowComparison {
    private RowComparison() {}

    static String differences(List<Row> ours, List<Row> floor, Function<Row, String> key) {
      if (ours.size() != floor.size()) {
        return ours.size() + " rows against " + floor.size();
      }
      if (ours.isEmpty()) {
        return "";
      }
      String[] names = ours.get(0).schema().fieldNames();
      if (names.length != floor.get(0).schema().fieldNames().length) {
        return names.length + " columns against " + floor.get(0).schema().fieldNames().length;
      }
      for (int i = 0; i < ours.size(); i++) {
        Row a = ours.get(i);
        Row b = floor.get(i);
        for (int j = 0; j < names.length; j++) {
          if (!same(a.get(j), b.get(j))) {
            return key.apply(a) + "." + names[j] + ": " + a.get(j) + " against " + b.get(j);
          }
        }
      }
      return "";
    }

    static boolean same(Object a, Object b) {
      if (a == null || b == null) {
        return a == b;
      }
      if (a instanceof Number x && b instanceof Number y) {
        if (x instanceof BigDecimal p && y instanceof BigDecimal q) {
          return p.compareTo(q) == 0;
        }
        double u = x.doubleValue();
        double v = y.doubleValue();
        return Math.abs(u - v) <= 1e-9 * Math.max(1, Math.abs(u));
      }
      return a.equals(b);
    }
  }
}

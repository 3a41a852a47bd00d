package dev.aftermath.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aftermath.io.OutputLayout;
import dev.aftermath.io.StagedFiles;
import dev.aftermath.io.TableWriter;
import dev.aftermath.scenario.Scenario;
import dev.aftermath.spark.Progress;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Writes a demo incident case ({@code OUT/case}) and its planted truth ({@code OUT/truth}). The
 * merchants are drawn on the driver; each merchant's customers and orders are simulated in Spark
 * tasks from the merchant's own random streams, so the result does not depend on partitioning.
 * Everything is written under a staging folder and moved into place at the end.
 */
public final class DemoCaseGenerator {
  private final SparkSession spark;
  private final Scenario scenario;
  private final String scenarioYaml;
  private final int merchants;
  private final long seed;
  private final CaseFormat format;
  private final String outDir;
  private final Progress progress;
  private double volume = 1;

  public DemoCaseGenerator(
      SparkSession spark,
      Scenario scenario,
      String scenarioYaml,
      int merchants,
      long seed,
      CaseFormat format,
      String outDir,
      Progress progress) {
    this.spark = spark;
    this.scenario = scenario;
    this.scenarioYaml = scenarioYaml;
    this.merchants = merchants;
    this.seed = seed;
    this.format = format;
    this.outDir = outDir;
    this.progress = progress;
  }

  /**
   * Multiplies every merchant's order rate by {@code v} (default 1, the calibrated case): a larger
   * case for benchmarks, with the same merchants, fee tiers and planted effects.
   */
  public DemoCaseGenerator withVolume(double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException("volume must be a positive number, not " + v);
    }
    this.volume = v;
    return this;
  }

  /** Generates the case and its truth. */
  public GenerateResult run() {
    spark.conf().set("spark.sql.session.timeZone", scenario.timezone().getId());
    boolean text = format == CaseFormat.CSV;
    FileSystem fs = fileSystem();
    Path out = new Path(outDir);
    Path staging = new Path(out, ".staging-" + UUID.randomUUID());
    Path caseDir = new Path(staging, "case");
    Path truthDir = new Path(staging, "truth");
    List<MerchantProfile> profiles = MerchantFactory.create(seed, merchants, scenario, volume);
    MerchantSimulator simulator = new MerchantSimulator(seed, scenario, text);
    CaseRows rows = new CaseRows(scenario.timezone(), text);
    JavaRDD<MerchantProfile> rdd =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .parallelize(profiles, Math.max(4, Math.min(200, merchants / 250)));
    Map<String, Long> caseRows = new LinkedHashMap<>();
    Map<String, Long> truthRows = new LinkedHashMap<>();
    try {
      writeText(fs, new Path(caseDir, "scenario.yaml"), scenarioYaml);
      if (scenarioYaml.equals(DemoCase.bundledScenario())) {
        // the Weimob case: the quoted public figures travel with it, for the reports
        writeText(fs, new Path(caseDir, "facts.yaml"), DemoCase.bundledFacts());
      }
      progress.stage(
          "generate merchants",
          () -> {
            caseRows.put("merchants", (long) profiles.size());
            if (text) {
              writeMerchantsCsv(fs, new Path(caseDir, "merchants.csv"), profiles);
            } else {
              singleParquet(fs, merchantsFrame(profiles), new Path(caseDir, "merchants.parquet"));
            }
          });
      progress.stage(
          "generate orders",
          () ->
              caseRows.put(
                  "orders",
                  writeTable(
                      rdd.flatMap(
                          each(simulator, o -> o.orders().stream().map(rows::order).iterator())),
                      rows.asText(rows.ordersSchema()),
                      new Path(caseDir, "orders"),
                      text)));
      progress.stage(
          "generate members",
          () ->
              caseRows.put(
                  "members",
                  writeTable(
                      rdd.flatMap(
                          each(simulator, o -> o.members().stream().map(rows::member).iterator())),
                      rows.asText(rows.membersSchema()),
                      new Path(caseDir, "members"),
                      text)));
      progress.stage(
          "generate churn_signals",
          () ->
              caseRows.put(
                  "churn_signals",
                  writeTable(
                      rdd.flatMap(
                          each(simulator, o -> o.signals().stream().map(rows::signal).iterator())),
                      rows.asText(rows.signalsSchema()),
                      new Path(caseDir, "churn_signals"),
                      text)));
      progress.stage(
          "generate market series",
          () -> {
            caseRows.put(
                "industry_index",
                writeSmall(fs, caseDir, "industry_index", industryIndexFrame(), text));
            caseRows.put(
                "share_prices", writeSmall(fs, caseDir, "share_prices", sharePricesFrame(), text));
          });
      TableWriter truth =
          TableWriter.uncontracted(spark, new OutputLayout(truthDir.toString(), ""));
      progress.stage(
          "generate truth",
          () -> {
            Map<String, MerchantProfile> byId = new TreeMap<>();
            profiles.forEach(p -> byId.put(p.merchantId(), p));
            truthRows.put(
                "merchant_truth",
                truth.result(
                    "merchant_truth",
                    spark.createDataFrame(
                        rdd.map(p -> TruthRows.merchant(simulator.simulate(p).truth(), p)),
                        TruthRows.MERCHANT)));
            truthRows.put(
                "customer_truth",
                truth.result(
                    "customer_truth",
                    spark.createDataFrame(
                        rdd.flatMap(
                            each(
                                simulator,
                                o -> o.customers().stream().map(TruthRows::customer).iterator())),
                        TruthRows.CUSTOMER)));
            truthRows.put(
                "bad_rows",
                truth.result(
                    "bad_rows",
                    spark.createDataFrame(
                        rdd.flatMap(
                            each(
                                simulator,
                                o ->
                                    o.orders().stream()
                                        .filter(r -> r.bad() != null)
                                        .map(TruthRows::badRow)
                                        .iterator())),
                        TruthRows.BAD_ROW)));
            truth.text(new Path(truthDir, "summary.json"), summary(truthDir, caseRows));
            truth.cleanStaging();
          });
      StagedFiles.replace(fs, caseDir, new Path(out, "case"));
      StagedFiles.replace(fs, truthDir, new Path(out, "truth"));
      return new GenerateResult(
          new Path(out, "case").toString(), new Path(out, "truth").toString(), caseRows, truthRows);
    } finally {
      try {
        fs.delete(staging, true);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot remove " + staging, e);
      }
    }
  }

  /** Applies {@code pick} to each merchant's simulated outcome. */
  private static FlatMapFunction<MerchantProfile, Row> each(
      MerchantSimulator simulator, SerializableFunction<MerchantOutcome, Iterator<Row>> pick) {
    return p -> pick.apply(simulator.simulate(p));
  }

  /** A function Spark can ship to executors. */
  interface SerializableFunction<A, B> extends java.io.Serializable {
    B apply(A a);
  }

  private long writeTable(JavaRDD<Row> rdd, StructType schema, Path target, boolean text) {
    Dataset<Row> df = spark.createDataFrame(rdd, schema);
    long rows = writeParts(df, target, text);
    renameParts(target, text ? ".csv" : ".parquet");
    return rows;
  }

  /** Part files named part-00000 and up, so the same seed gives the same file names. */
  private void renameParts(Path folder, String suffix) {
    FileSystem fs = fileSystem();
    try {
      FileStatus[] parts =
          fs.listStatus(
              folder, p -> p.getName().startsWith("part-") && p.getName().endsWith(suffix));
      java.util.Arrays.sort(parts, java.util.Comparator.comparing(f -> f.getPath().getName()));
      for (int i = 0; i < parts.length; i++) {
        Path to = new Path(folder, String.format(java.util.Locale.ROOT, "part-%05d%s", i, suffix));
        if (!fs.rename(parts[i].getPath(), to)) {
          throw new IOException("cannot rename " + parts[i].getPath());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot name the parts of " + folder, e);
    }
  }

  private long writeParts(Dataset<Row> df, Path target, boolean text) {
    if (text) {
      df.write()
          .mode(SaveMode.ErrorIfExists)
          .option("header", "true")
          .option("quote", "\"")
          .option("escape", "\"")
          .option("nullValue", "")
          .csv(target.toString());
      // no field of these tables holds a line break, so lines are rows
      return spark
          .read()
          .option("header", "true")
          .option("escape", "\"")
          .csv(target.toString())
          .count();
    }
    df.write().mode(SaveMode.ErrorIfExists).parquet(target.toString());
    return spark.read().parquet(target.toString()).count();
  }

  private long writeSmall(FileSystem fs, Path caseDir, String name, Dataset<Row> df, boolean text) {
    if (text) {
      Path tmp = new Path(caseDir, "." + name);
      df.coalesce(1).write().option("header", "true").csv(tmp.toString());
      StagedFiles.replaceWithSinglePart(fs, tmp, ".csv", new Path(caseDir, name + ".csv"));
    } else {
      singleParquet(fs, df, new Path(caseDir, name + ".parquet"));
    }
    return df.count();
  }

  private void singleParquet(FileSystem fs, Dataset<Row> df, Path target) {
    Path tmp = new Path(target.getParent(), "." + target.getName());
    df.coalesce(1).write().parquet(tmp.toString());
    StagedFiles.replaceWithSinglePart(fs, tmp, ".parquet", target);
  }

  private Dataset<Row> merchantsFrame(List<MerchantProfile> profiles) {
    List<Row> out = new ArrayList<>();
    for (MerchantProfile p : profiles) {
      out.add(
          RowFactory.create(
              p.merchantId(),
              p.name(),
              p.industry().code(),
              p.signupDate(),
              new java.math.BigDecimal(p.monthlyFee()).setScale(2),
              p.adEligible(),
              p.recoveredPct(),
              p.leftPlatformAt()));
    }
    StructType schema =
        new StructType(
            new StructField[] {
              field("merchant_id", DataTypes.StringType), field("name", DataTypes.StringType),
              field("industry", DataTypes.StringType), field("signup_date", DataTypes.DateType),
              field("monthly_fee", CaseRows.MONEY), field("ad_eligible", DataTypes.BooleanType),
              field("data_recovered_pct", DataTypes.DoubleType),
                  field("left_platform_at", DataTypes.DateType)
            });
    return spark.createDataFrame(out, schema);
  }

  /** merchants.csv written directly: UTF-8 with a BOM, as spreadsheet exports are. */
  private static void writeMerchantsCsv(
      FileSystem fs, Path target, List<MerchantProfile> profiles) {
    try (OutputStream o = fs.create(target, false);
        Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8);
        CSVPrinter csv = CSVFormat.RFC4180.print(w)) {
      w.write('\uFEFF');
      csv.printRecord(
          "merchant_id",
          "name",
          "industry",
          "signup_date",
          "monthly_fee",
          "ad_eligible",
          "data_recovered_pct",
          "left_platform_at");
      for (MerchantProfile p : profiles) {
        csv.printRecord(
            p.merchantId(),
            p.name(),
            p.industry().code(),
            p.signupDate(),
            p.monthlyFee() + ".00",
            p.adEligible(),
            p.recoveredPct(),
            p.leftPlatformAt() == null ? "" : p.leftPlatformAt());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + target, e);
    }
  }

  private Dataset<Row> industryIndexFrame() {
    List<Row> out = new ArrayList<>();
    for (var p :
        MarketSeries.industryIndex(
            seed, scenario.analysis().historyStart(), scenario.analysis().horizonEnd())) {
      out.add(RowFactory.create(p.date(), p.industry(), p.index()));
    }
    return spark.createDataFrame(
        out,
        new StructType(
            new StructField[] {
              field("date", DataTypes.DateType),
              field("industry", DataTypes.StringType),
              field("index", DataTypes.DoubleType)
            }));
  }

  private Dataset<Row> sharePricesFrame() {
    String symbol = scenario.share().map(s -> s.symbol()).orElse("2013.HK");
    String market = scenario.share().map(s -> s.market()).orElse("HSI");
    List<Row> out = new ArrayList<>();
    for (var c :
        MarketSeries.sharePrices(
            seed,
            symbol,
            market,
            scenario.analysis().historyStart(),
            scenario.analysis().horizonEnd())) {
      out.add(RowFactory.create(c.date(), c.symbol(), c.close()));
    }
    return spark.createDataFrame(
        out,
        new StructType(
            new StructField[] {
              field("date", DataTypes.DateType),
              field("symbol", DataTypes.StringType),
              field("close", DataTypes.DoubleType)
            }));
  }

  private String summary(Path truthDir, Map<String, Long> caseRows) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("seed", seed);
    json.put("merchants", merchants);
    json.put("volume", volume);
    json.put("format", format.name().toLowerCase(java.util.Locale.ROOT));
    json.put("case_rows", caseRows);
    Dataset<Row> bad = spark.read().parquet(new Path(truthDir, "bad_rows").toString());
    Map<String, Long> byExpected = new TreeMap<>();
    for (Row r : bad.groupBy("expected").count().collectAsList()) {
      byExpected.put(r.getString(0), r.getLong(1));
    }
    json.put("planted_in_orders", byExpected);
    long orders = caseRows.get("orders");
    long dups = byExpected.getOrDefault("DUPLICATE", 0L);
    long badRows =
        byExpected.entrySet().stream()
            .filter(e -> !e.getKey().equals("DUPLICATE"))
            .mapToLong(Map.Entry::getValue)
            .sum();
    json.put("orders_valid_expected", orders - dups - badRows);
    Dataset<Row> m = spark.read().parquet(new Path(truthDir, "merchant_truth").toString());
    Row t =
        m.agg(
                org.apache.spark.sql.functions.sum("true_lost_revenue"),
                    org.apache.spark.sql.functions.sum("expected_lost_revenue"),
                org.apache.spark.sql.functions.sum("defected_customers"),
                    org.apache.spark.sql.functions.sum("member_balance_lost"))
            .first();
    json.put("true_lost_revenue_total", Math.round(t.getDouble(0) * 100) / 100.0);
    json.put("expected_lost_revenue_total", Math.round(t.getDouble(1) * 100) / 100.0);
    json.put("defected_customers_total", t.getLong(2));
    json.put("member_balance_lost_total", Math.round(t.getDouble(3) * 100) / 100.0);
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json)
          + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private FileSystem fileSystem() {
    try {
      return new Path(outDir).getFileSystem(spark.sparkContext().hadoopConfiguration());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open " + outDir, e);
    }
  }

  private static void writeText(FileSystem fs, Path target, String text) {
    try (OutputStream o = fs.create(target, false)) {
      o.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + target, e);
    }
  }

  private static StructField field(String name, org.apache.spark.sql.types.DataType type) {
    return new StructField(name, type, true, Metadata.empty());
  }
}

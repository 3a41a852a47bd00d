package dev.aftermath.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aftermath.DataQualityException;
import dev.aftermath.casedata.MerchantIndustries;
import dev.aftermath.io.TableWriter;
import dev.aftermath.scenario.Scenario;
import dev.aftermath.spark.Progress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Ingestion: reads every table of a case, validates each row against the contract, quarantines bad
 * rows with a reason, drops duplicates, and writes typed Parquet tables, the quarantine and
 * duplicates tables, and {@code reconciliation.json}. Gates: every file's rows reconcile, and no
 * table has more than the allowed share of rejected rows.
 */
public final class IngestJob {
  /** Columns of the quarantine table. */
  public static final List<String> QUARANTINE_COLUMNS =
      List.of("table", "file", "line", "row_index", "column", "value", "reason", "raw", "end_line");

  private final SparkSession spark;
  private final CaseLayout layout;
  private final TableWriter writer;
  private final Progress progress;
  private final double maxQuarantinedPct;

  public IngestJob(
      SparkSession spark,
      CaseLayout layout,
      TableWriter writer,
      Progress progress,
      double maxQuarantinedPct) {
    this.spark = spark;
    this.layout = layout;
    this.writer = writer;
    this.progress = progress;
    this.maxQuarantinedPct = maxQuarantinedPct;
  }

  /** Runs ingestion; throws {@link DataQualityException} when a gate fails (after writing). */
  public IngestResult run() {
    Scenario scenario = layout.scenario();
    spark.conf().set("spark.sql.session.timeZone", scenario.timezone().getId());
    Map<String, FileCounts> files = new TreeMap<>();
    Map<String, Long> written = new LinkedHashMap<>();
    List<Dataset<Row>> quarantine = new ArrayList<>();
    List<Dataset<Row>> duplicates = new ArrayList<>();
    List<Dataset<Row>> cached = new ArrayList<>();
    Broadcast<Set<String>> merchantIds = null;
    try {
      for (TableSpec spec : InputTables.ALL) {
        var declared = layout.source(spec);
        if (declared.isEmpty()) {
          continue;
        }
        // a database table is read once, into a snapshot that is then read as Parquet
        var source =
            declared.get().format() == SourceFormat.DATABASE
                ? java.util.Optional.of(
                    progress.stage(
                        "read " + spec.name() + " from the database",
                        () -> DatabaseSnapshot.take(spark, declared.get(), writer.layout())))
                : declared;
        Broadcast<Set<String>> ids = merchantIds;
        progress.stage(
            "ingest " + spec.name(),
            () -> {
              Dataset<Row> validated = validate(spark, source.get(), scenario, ids);
              Dataset<Row> ledger =
                  Deduplication.ledger(validated, spec.key())
                      .persist(StorageLevel.MEMORY_AND_DISK());
              cached.add(ledger);
              Dataset<Row> dups = Deduplication.duplicates(ledger, spec.key());
              if (dups != null) {
                cached.add(dups);
              }
              Dataset<Row> kept =
                  Deduplication.kept(validated.filter(col(RowValidator.REASON).isNull()), dups);
              long rows = writer.parquet(spec.name(), TableShapes.shape(spec, kept, scenario));
              written.put(spec.name(), rows);
              count(source.get(), ledger, dups, files);
              long valid =
                  files.values().stream()
                      .filter(f -> f.table().equals(spec.name()))
                      .mapToLong(FileCounts::valid)
                      .sum();
              if (valid != rows) {
                throw new DataQualityException(
                    spec.name() + ": " + valid + " valid rows but " + rows + " written");
              }
              quarantine.add(quarantineRows(spec, ledger));
              if (dups != null) {
                duplicates.add(Deduplication.rows(spark, source.get(), dups));
              }
            });
        if (spec == InputTables.MERCHANTS) {
          Dataset<Row> merchants =
              spark.read().parquet(writer.layout().table(spec.name()).toString());
          // every industry needs a margin rate: stop here, before the orders, if one has none
          scenario.cash().marginRates(MerchantIndustries.of(merchants));
          Set<String> ids2 =
              new HashSet<>(merchants.select("merchant_id").as(Encoders.STRING()).collectAsList());
          merchantIds = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(ids2);
        }
      }
      List<QuarantinedRow> examples = new ArrayList<>();
      progress.stage(
          "write quarantine",
          () -> {
            Dataset<Row> q = quarantine.stream().reduce(Dataset::unionByName).orElseThrow();
            written.put("quarantine", writer.result("quarantine", q));
            Dataset<Row> d =
                duplicates.stream()
                    .reduce(Dataset::unionByName)
                    .orElseGet(() -> Deduplication.none(spark));
            written.put("duplicates", writer.result("duplicates", d));
            for (Row r :
                spark
                    .read()
                    .parquet(writer.layout().table("quarantine").toString())
                    .orderBy("table", "file", "line", "row_index")
                    .limit(5)
                    .collectAsList()) {
              examples.add(
                  new QuarantinedRow(
                      r.getString(0),
                      r.getString(1),
                      (Long) r.get(2),
                      (Long) r.get(3),
                      r.getString(4),
                      r.getString(5),
                      r.getString(6),
                      r.<Long>getAs("end_line")));
            }
          });
      writeReconciliation(files);
      IngestResult result = new IngestResult(files, written, examples);
      gate(result);
      return result;
    } finally {
      cached.forEach(Dataset::unpersist);
    }
  }

  /** Source rows of a table, validated: one output row per input row. */
  static Dataset<Row> validate(
      SparkSession spark,
      TableSource source,
      Scenario scenario,
      Broadcast<Set<String>> merchantIds) {
    Dataset<Row> raw = SourceReader.read(spark, source);
    RowValidator validator = new RowValidator(source, scenario.timezone(), merchantIds);
    return raw.map(validator, Encoders.row(RowValidator.outputSchema(source.spec())));
  }

  private static void count(
      TableSource source, Dataset<Row> ledger, Dataset<Row> dups, Map<String, FileCounts> files) {
    Map<String, Map<String, Long>> reasons = new TreeMap<>();
    Map<String, Long> read = new HashMap<>();
    Map<String, Long> goodRows = new HashMap<>();
    for (String label : source.labels()) {
      read.put(label, 0L); // a file with a header and no rows is reported too
      reasons.put(label, new TreeMap<>());
    }
    for (Row r : ledger.groupBy(SourceColumns.FILE, RowValidator.REASON).count().collectAsList()) {
      String file = r.getString(0);
      read.merge(file, r.getLong(2), Long::sum);
      reasons.computeIfAbsent(file, f -> new TreeMap<>());
      if (r.get(1) != null) {
        reasons.get(file).merge(r.getString(1), r.getLong(2), Long::sum);
      } else {
        goodRows.merge(file, r.getLong(2), Long::sum);
      }
    }
    Map<String, Long> dup = dups == null ? Map.of() : perFile(dups);
    for (String file : read.keySet()) {
      Map<String, Long> byReason = reasons.get(file);
      long quarantined = byReason.values().stream().mapToLong(Long::longValue).sum();
      long good = goodRows.getOrDefault(file, 0L);
      long duplicates = dup.getOrDefault(file, 0L);
      // valid per file is what is left; the run then checks that the table holds exactly their sum
      files.put(
          file,
          new FileCounts(
              source.spec().name(),
              read.get(file),
              good - duplicates,
              quarantined,
              duplicates,
              byReason));
    }
  }

  private static Map<String, Long> perFile(Dataset<Row> df) {
    Map<String, Long> out = new HashMap<>();
    for (Row r : df.groupBy(SourceColumns.FILE).count().collectAsList()) {
      out.put(r.getString(0), r.getLong(1));
    }
    return out;
  }

  private static Dataset<Row> quarantineRows(TableSpec spec, Dataset<Row> ledger) {
    return ledger
        .filter(col(RowValidator.REASON).isNotNull())
        .select(
            lit(spec.name()).as("table"),
            col(SourceColumns.FILE).as("file"),
            col(SourceColumns.LINE).as("line"),
            col(SourceColumns.ROW).as("row_index"),
            col(RowValidator.COLUMN).as("column"),
            col(RowValidator.VALUE).as("value"),
            col(RowValidator.REASON).as("reason"),
            col(SourceColumns.RAW).as("raw"),
            col(SourceColumns.END_LINE).as("end_line"));
  }

  private void writeReconciliation(Map<String, FileCounts> files) {
    Map<String, Object> json = new LinkedHashMap<>();
    files.forEach(
        (file, c) -> {
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("table", c.table());
          entry.put("read", c.read());
          entry.put("valid", c.valid());
          entry.put("quarantined", c.quarantined());
          entry.put("duplicates", c.duplicates());
          entry.put("by_reason", c.byReason());
          json.put(file, entry);
        });
    try {
      String text =
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json);
      writer.text(new Path(writer.layout().tables(), "reconciliation.json"), text + "\n");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Cannot render reconciliation.json", e);
    }
  }

  private void gate(IngestResult result) {
    List<String> failures = new ArrayList<>();
    result
        .files()
        .forEach(
            (file, c) -> {
              if (!c.balanced()) {
                failures.add(
                    String.format(
                        Locale.ROOT,
                        "%s: read %d != valid %d + quarantined %d + duplicates %d",
                        file,
                        c.read(),
                        c.valid(),
                        c.quarantined(),
                        c.duplicates()));
              }
            });
    Map<String, long[]> perTable = new TreeMap<>();
    result
        .files()
        .values()
        .forEach(
            c -> {
              long[] t = perTable.computeIfAbsent(c.table(), k -> new long[2]);
              t[0] += c.read();
              t[1] += c.quarantined();
            });
    perTable.forEach(
        (table, t) -> {
          double pct = t[0] == 0 ? 0 : 100.0 * t[1] / t[0];
          if (pct > maxQuarantinedPct) {
            failures.add(
                String.format(
                    Locale.ROOT,
                    "%s: %.2f%% of rows quarantined (%d of %d), above the %.2f%% allowed (--max-quarantined-pct)",
                    table,
                    pct,
                    t[1],
                    t[0],
                    maxQuarantinedPct));
          }
        });
    if (!failures.isEmpty()) {
      throw new DataQualityException(
          "Data-quality gate failed: "
              + String.join("; ", failures)
              + ". See tables/quarantine.csv and tables/reconciliation.json.");
    }
  }
}

package dev.aftermath.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import dev.aftermath.scenario.Scenario;
import dev.aftermath.text.ConsoleText;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What the case leaves out, stated rather than hidden: {@code case_notes}, one row per gap a reader
 * of the results must know of — industries the scenario prices but no merchant is in, industries
 * without a control series, merchants on the platform with no order during the outage (all of them,
 * in a case whose orders stop), merchants with no order at all. The stages run through these cases;
 * the notes say where their figures rest on less.
 */
final class CaseNotes {
  private CaseNotes() {}

  /** At most this many names in a note's detail; the count says how many there are. */
  static final int MAX_NAMED = 20;

  static final StructType SCHEMA =
      new StructType()
          .add("note", DataTypes.StringType)
          .add("count", DataTypes.LongType)
          .add("of", DataTypes.LongType)
          .add("detail", DataTypes.StringType);

  /**
   * The notes for a case from its ingested tables ({@code industryIndex} null when the case has
   * none).
   */
  static Dataset<Row> of(
      SparkSession spark,
      Scenario scenario,
      Dataset<Row> merchants,
      Dataset<Row> orders,
      Dataset<Row> industryIndex) {
    // merchants on the platform during the outage: signed up before it ended, not gone before it
    Date start = Date.valueOf(scenario.outage().start().toLocalDate());
    Date end = Date.valueOf(scenario.outage().end().toLocalDate());
    Column onPlatform =
        col("signup_date")
            .leq(lit(end))
            .and(col("left_platform_at").isNull().or(col("left_platform_at").geq(lit(start))));
    Column inOutage =
        col("created_at")
            .geq(lit(scenario.outage().start()))
            .and(col("created_at").lt(lit(scenario.outage().end())));
    Dataset<Row> perMerchant =
        orders
            .groupBy("merchant_id")
            .agg(
                count(lit(1)).as("orders"),
                max(when(inOutage, lit(1)).otherwise(lit(0))).as("in_outage"));
    // one row per merchant, on the driver (a few MB at full scale), read once
    Set<String> industries = new TreeSet<>();
    List<String> never = new ArrayList<>();
    List<String> silent = new ArrayList<>();
    long present = 0;
    long all = 0;
    for (Row r :
        merchants
            .select(col("merchant_id"), col("industry"), onPlatform.as("on_platform"))
            .join(perMerchant, "merchant_id", "left")
            .orderBy("merchant_id")
            .collectAsList()) {
      all++;
      String id = r.getString(0);
      industries.add(r.getString(1));
      if (r.isNullAt(3)) {
        never.add(id);
      }
      if (Boolean.TRUE.equals(r.get(2))) {
        present++;
        if (r.isNullAt(4) || r.getInt(4) == 0) {
          silent.add(id);
        }
      }
    }

    List<Row> notes = new ArrayList<>();
    Set<String> priced = new TreeSet<>(scenario.cash().marginRates().keySet());
    priced.remove("default");
    Set<String> empty = new TreeSet<>(priced);
    empty.removeAll(industries);
    add(notes, "industry_without_merchants", empty, priced.size());

    Set<String> controlled =
        industryIndex == null
            ? Set.of()
            : new TreeSet<>(
                industryIndex.select("industry").distinct().as(Encoders.STRING()).collectAsList());
    Set<String> uncontrolled = new TreeSet<>(industries);
    uncontrolled.removeAll(controlled);
    add(notes, "industry_without_control_series", uncontrolled, industries.size());
    add(notes, "merchants_without_orders_in_outage", silent, present);
    add(notes, "merchants_without_orders", never, all);
    return spark.createDataFrame(notes, SCHEMA).coalesce(1);
  }

  /**
   * The notes as lines for the run summary: "merchants_without_orders_in_outage: 3 of 3 (BIG,
   * QUIET, SMALL)", made safe for a terminal.
   */
  static List<String> lines(Dataset<Row> notes) {
    List<String> out = new ArrayList<>();
    for (Row r : notes.orderBy("note").collectAsList()) {
      out.add(
          ConsoleText.oneLine(
              String.format(
                  Locale.ROOT,
                  "%s: %,d of %,d (%s)",
                  r.getString(0),
                  r.getLong(1),
                  r.getLong(2),
                  r.getString(3))));
    }
    return out;
  }

  private static void add(List<Row> notes, String note, Collection<String> names, long of) {
    if (names.isEmpty()) {
      return;
    }
    notes.add(RowFactory.create(note, (long) names.size(), of, detail(names)));
  }

  /** The first {@link #MAX_NAMED} names, comma-separated, and how many more there are. */
  static String detail(Collection<String> names) {
    List<String> shown = names.stream().limit(MAX_NAMED).toList();
    String s = String.join(", ", shown);
    return names.size() > shown.size() ? s + ", … (+" + (names.size() - shown.size()) + ")" : s;
  }
}

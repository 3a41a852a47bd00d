package dev.aftermath.daily;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.aftermath.io.TableWriter;
import dev.aftermath.scenario.Scenario;
import dev.aftermath.spark.Progress;
import dev.aftermath.spark.Sorted;
import dev.aftermath.stage.StageContext;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * The base table of every later stage: per merchant and local calendar day, net revenue, paid
 * orders, distinct customers and refunds ({@code merchant_day}); and the same per hour on the days
 * the outage starts and ends ({@code merchant_hour}). Every day a merchant was on the platform
 * within the analysis window has a row, zero when it sold nothing.
 */
public final class MerchantDayJob {
  private final SparkSession spark;
  private final Scenario scenario;
  private final TableWriter writer;
  private final Progress progress;

  /** The stage over {@code context}: its session, scenario, scoped tables and progress. */
  public MerchantDayJob(StageContext context) {
    this.spark = context.spark();
    this.scenario = context.scenario();
    this.writer = context.writer();
    this.progress = context.progress();
  }

  /** Builds both tables from the ingested orders and merchants; returns rows written per table. */
  public Map<String, Long> run() {
    Dataset<Row> orders = writer.read("orders");
    Dataset<Row> merchants = writer.read("merchants");
    Map<String, Long> written = new LinkedHashMap<>();
    progress.stage(
        "merchant_day",
        () ->
            written.put(
                "merchant_day",
                writer.result("merchant_day", merchantDay(orders, merchants, scenario))));
    progress.stage(
        "merchant_hour",
        () ->
            written.put(
                "merchant_hour",
                writer.result("merchant_hour", merchantHour(orders, merchants, scenario))));
    return written;
  }

  /**
   * Per merchant and day: the aggregates, on a dense calendar of the days it was on the platform.
   */
  public static Dataset<Row> merchantDay(
      Dataset<Row> orders, Dataset<Row> merchants, Scenario scenario) {
    LocalDate from = scenario.analysis().historyStart();
    LocalDate to = scenario.analysis().horizonEnd();
    Dataset<Row> sums =
        aggregate(
            orders
                .filter(col("local_date").between(from, to))
                .withColumnRenamed("local_date", "date"),
            List.of("merchant_id", "date"));
    Dataset<Row> calendar = onPlatform(merchants, from, to);
    return Sorted.by(
        densify(calendar, sums, List.of("merchant_id", "date")), "merchant_id", "date");
  }

  /** Per merchant and hour on the outage's first and last local days. */
  public static Dataset<Row> merchantHour(
      Dataset<Row> orders, Dataset<Row> merchants, Scenario scenario) {
    LocalDate first = scenario.outage().start().toLocalDate();
    LocalDate last = scenario.outage().end().toLocalDate();
    Dataset<Row> sums =
        aggregate(
            orders
                .filter(col("local_date").isin(first, last))
                .withColumnRenamed("local_date", "date")
                .withColumn("hour", hour(col("created_at"))),
            List.of("merchant_id", "date", "hour"));
    Dataset<Row> days = onPlatform(merchants, first, last).filter(col("date").isin(first, last));
    Dataset<Row> calendar = days.withColumn("hour", explode(sequence(lit(0), lit(23))));
    return Sorted.by(
        densify(calendar, sums, List.of("merchant_id", "date", "hour")),
        "merchant_id",
        "date",
        "hour");
  }

  /**
   * The sums per key, in two steps so that distinct customers need no separate pass: per key and
   * customer first (each customer once), then per key, counting the customers with a paid order
   * (guest orders, without a customer, count in the sums but not as customers).
   */
  private static Dataset<Row> aggregate(Dataset<Row> orders, List<String> keys) {
    Column paid = col("status").equalTo("PAID");
    Column refunded = col("status").equalTo("REFUNDED");
    List<Column> perCustomerKeys = new java.util.ArrayList<>();
    keys.forEach(k -> perCustomerKeys.add(col(k)));
    perCustomerKeys.add(col("customer_id"));
    Dataset<Row> perCustomer =
        orders
            .groupBy(perCustomerKeys.toArray(Column[]::new))
            .agg(
                sum(when(paid, col("revenue"))).as("net_revenue"),
                sum(when(paid, lit(1)).otherwise(lit(0)))
                    .cast(DataTypes.LongType)
                    .as("paid_orders"),
                sum(when(refunded, lit(1)).otherwise(lit(0)))
                    .cast(DataTypes.LongType)
                    .as("refunds"),
                sum(when(refunded, col("amount").minus(col("tax")))).as("refund_amount"));
    Column buyer = col("customer_id").isNotNull().and(col("paid_orders").gt(0));
    return perCustomer
        .groupBy(keys.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new))
        .agg(
            sum("net_revenue").as("net_revenue"),
            sum("paid_orders").as("paid_orders"),
            count(when(buyer, lit(1))).as("customers"),
            sum("refunds").as("refunds"),
            sum("refund_amount").as("refund_amount"));
  }

  /** One row per merchant and day from max(signup, from) to min(left_platform_at, to). */
  private static Dataset<Row> onPlatform(Dataset<Row> merchants, LocalDate from, LocalDate to) {
    Column first = greatest(col("signup_date"), lit(from));
    Column last = least(coalesce(col("left_platform_at"), lit(to)), lit(to));
    return merchants
        .select(col("merchant_id"), first.as("first"), last.as("last"))
        .filter(col("first").leq(col("last")))
        .select(
            col("merchant_id"),
            explode(sequence(col("first"), col("last"), expr("interval 1 day"))).as("date"));
  }

  private static Dataset<Row> densify(Dataset<Row> calendar, Dataset<Row> sums, List<String> keys) {
    scala.collection.immutable.Seq<String> keySeq =
        scala.jdk.javaapi.CollectionConverters.asScala(keys).toList();
    Dataset<Row> joined =
        calendar.withColumn("on_platform", lit(true)).join(sums, keySeq, "full_outer");
    List<Column> columns = new java.util.ArrayList<>();
    keys.forEach(k -> columns.add(col(k)));
    columns.add(coalesce(col("net_revenue"), lit(0)).cast(MONEY).as("net_revenue"));
    columns.add(coalesce(col("paid_orders"), lit(0L)).as("paid_orders"));
    columns.add(coalesce(col("customers"), lit(0L)).as("customers"));
    columns.add(coalesce(col("refunds"), lit(0L)).as("refunds"));
    columns.add(coalesce(col("refund_amount"), lit(0)).cast(MONEY).as("refund_amount"));
    // false: orders on a day outside the merchant's signup..left_platform_at span
    columns.add(coalesce(col("on_platform"), lit(false)).as("on_platform"));
    return joined.select(columns.toArray(Column[]::new));
  }

  private static final org.apache.spark.sql.types.DecimalType MONEY =
      DataTypes.createDecimalType(18, 2);
}

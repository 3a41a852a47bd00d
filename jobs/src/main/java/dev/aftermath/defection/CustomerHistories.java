package dev.aftermath.defection;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.aftermath.spark.ExactSum;
import java.time.LocalDateTime;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Per merchant and identified customer (guest orders carry no customer and are left out), from the
 * PAID orders: the pre-outage history in days (first and last purchase day, repeat purchase days x,
 * average revenue of the repeat days) and whether the customer bought in its merchant's return
 * window (from {@code windowStart}, a column of the merchants). A purchase "transaction" is a day
 * with at least one PAID order, so that several orders of one visit count once. The same history
 * cut at the held-out split ({@link DefectionCalendar#holdout}: x, first and last day before it,
 * and whether the customer bought in the held-out window; empty where the customer had not bought
 * before the split) serves the held-out check of the customer models. These rows carry customer
 * identifiers: they stay inside the job.
 */
public final class CustomerHistories {
  private CustomerHistories() {}

  public static Dataset<Row> of(
      Dataset<Row> orders,
      Dataset<Row> merchants,
      DefectionCalendar cal,
      LocalDateTime outageStart,
      Column windowStart) {
    Column day = datediff(col("local_date"), lit(cal.origin()));
    Column pre = col("created_at").lt(lit(outageStart));
    Dataset<Row> days =
        orders
            .filter(col("status").equalTo("PAID").and(col("customer_id").isNotNull()))
            .filter(day.geq(0).and(day.leq(cal.horizonDay())))
            .filter(day.leq(cal.outageDay()).or(day.geq(cal.windowStartDay())))
            // one shuffle by customer serves both aggregations below
            .repartition(col("merchant_id"), col("customer_id"))
            .groupBy(col("merchant_id"), col("customer_id"), day.as("day"))
            .agg(
                sum(when(pre, col("revenue"))).cast(DataTypes.DoubleType).as("pre_revenue"),
                max(pre).as("pre"));
    Column leftDay =
        when(col("left_platform_at").isNull(), lit(-1))
            .otherwise(datediff(col("left_platform_at"), lit(cal.origin())));
    Column windowEnd =
        when(leftDay.lt(0), lit(cal.horizonDay() + 1))
            .otherwise(least(lit(cal.horizonDay() + 1), leftDay.plus(1)));
    Column preDay = when(col("pre"), col("day"));
    DefectionCalendar.Holdout holdout = cal.holdout();
    int split = holdout == null ? -1 : holdout.split();
    Column heldDay = when(col("day").lt(split), col("day"));
    Column heldReturn =
        holdout == null
            ? lit(false)
            : col("day").geq(holdout.start()).and(col("day").lt(holdout.end()));
    Column heldEarly =
        holdout == null
            ? lit(false)
            : col("day").geq(holdout.start()).and(col("day").lt(holdout.middle()));
    return days.join(
            merchants.select(
                col("merchant_id"),
                col("industry"),
                windowEnd.as("window_end_day"),
                windowStart.as("window_start_day"),
                greatest(lit(0), datediff(col("signup_date"), lit(cal.origin()))).as("origin_day")),
            "merchant_id")
        .groupBy(
            "merchant_id",
            "customer_id",
            "industry",
            "window_start_day",
            "window_end_day",
            "origin_day")
        .agg(
            min(preDay).as("first_day"),
            max(preDay).as("last_day"),
            count(preDay).as("purchase_days"),
            ExactSum.of(when(col("pre"), col("pre_revenue"))).as("pre_revenue"),
            min_by(col("pre_revenue"), coalesce(preDay, lit(Integer.MAX_VALUE)))
                .as("first_revenue"),
            max(when(
                        col("day")
                            .geq(col("window_start_day"))
                            .and(col("day").lt(col("window_end_day"))),
                        lit(true))
                    .otherwise(lit(false)))
                .as("returned"),
            min(heldDay).as("held_first_day"),
            max(heldDay).as("held_last_day"),
            count(heldDay).as("held_purchase_days"),
            max(when(heldReturn, lit(true)).otherwise(lit(false))).as("held_returned"),
            max(when(heldEarly, lit(true)).otherwise(lit(false))).as("held_returned_early"))
        .filter(col("first_day").isNotNull())
        .select(
            col("merchant_id"),
            col("customer_id"),
            col("industry"),
            col("window_start_day"),
            col("window_end_day"),
            col("purchase_days").minus(1).cast(DataTypes.IntegerType).as("x"),
            col("first_day"),
            col("last_day"),
            col("origin_day"),
            when(
                    col("purchase_days").gt(1),
                    col("pre_revenue")
                        .minus(col("first_revenue"))
                        .divide(col("purchase_days").minus(1)))
                .otherwise(lit(0.0))
                .as("monetary"),
            col("returned"),
            col("held_purchase_days").minus(1).cast(DataTypes.IntegerType).as("held_x"),
            col("held_first_day"),
            col("held_last_day"),
            col("held_returned"),
            col("held_returned_early"));
  }
}

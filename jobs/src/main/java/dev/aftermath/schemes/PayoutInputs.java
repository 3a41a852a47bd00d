package dev.aftermath.schemes;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.aftermath.io.TableWriter;
import dev.aftermath.scenario.CustomScheme;
import dev.aftermath.scenario.Scenario;
import dev.aftermath.spark.ColumnNames;
import dev.aftermath.spark.ExactSum;
import dev.aftermath.stats.NormalLoss;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Per merchant, what the schemes need, in one pass over the orders: PAID revenue net of tax in each
 * baseline window [start, end) (timestamps in the scenario's local time, as the orders are), the
 * mean no-outage daily revenue over the outage days from the lost-revenue stage, the pre-outage
 * mean daily revenue (the size used in the fairness table), and the earlier stages' losses with
 * their 90% intervals. One row per merchant reaches the driver.
 */
public final class PayoutInputs {
  private PayoutInputs() {}

  /** Baseline windows by key: the cash plan's, then each custom cash scheme with its own. */
  public static Map<String, LocalDateTime[]> windows(Scenario scenario) {
    Map<String, LocalDateTime[]> w = new LinkedHashMap<>();
    w.put(
        SchemeValues.CASH_WINDOW,
        new LocalDateTime[] {scenario.cash().baselineStart(), scenario.cash().baselineEnd()});
    for (CustomScheme c : scenario.schemes().custom()) {
      if (c.cash() != null && c.cash().baselineStart() != null) {
        w.put(c.name(), new LocalDateTime[] {c.cash().baselineStart(), c.cash().baselineEnd()});
      }
    }
    return w;
  }

  /**
   * Per merchant, PAID revenue net of tax in each window [start, end): columns {@code w0, w1, …} in
   * the order of {@code windows}.
   */
  static Dataset<Row> windowRevenue(Dataset<Row> orders, Map<String, LocalDateTime[]> windows) {
    List<Column> sums = new ArrayList<>();
    int k = 0;
    for (LocalDateTime[] w : windows.values()) {
      Column in = col("created_at").geq(lit(w[0])).and(col("created_at").lt(lit(w[1])));
      sums.add(sum(when(in, col("revenue")).otherwise(lit(BigDecimal.ZERO))).as("w" + k++));
    }
    return orders
        .filter(col("status").equalTo("PAID"))
        .groupBy("merchant_id")
        .agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new));
  }

  public static Dataset<Row> table(TableWriter writer, Scenario scenario) {
    Dataset<Row> revenue = windowRevenue(writer.read("orders"), windows(scenario));
    Dataset<Row> counterfactual =
        writer
            .read("merchant_day_counterfactual")
            .filter(col("period").equalTo("outage"))
            .groupBy("merchant_id")
            .agg(ExactSum.mean("counterfactual_revenue").as("counterfactual_daily"));
    Dataset<Row> size =
        writer
            .read("merchant_day")
            .filter(col("date").lt(lit(scenario.outage().start().toLocalDate())))
            .groupBy("merchant_id")
            .agg(avg("net_revenue").cast("double").as("pre_outage_daily_revenue"));
    Dataset<Row> impact =
        writer
            .read("merchant_loss")
            .select(
                "merchant_id", "lost_margin", "lost_margin_low", "lost_margin_high", "margin_rate")
            .join(
                writer
                    .read("merchant_defection")
                    .select(
                        "merchant_id",
                        "lost_customer_margin",
                        "lost_customer_value_low",
                        "lost_customer_value_high",
                        "lost_member_balances"),
                ColumnNames.of("merchant_id"),
                "left");
    return writer
        .read("merchants")
        .select(
            "merchant_id",
            "industry",
            "is_new",
            "monthly_fee",
            "ad_eligible",
            "data_recovered_pct",
            "left_platform_at")
        .join(revenue, ColumnNames.of("merchant_id"), "left")
        .join(counterfactual, ColumnNames.of("merchant_id"), "left")
        .join(size, ColumnNames.of("merchant_id"), "left")
        .join(impact, ColumnNames.of("merchant_id"), "left")
        .orderBy("merchant_id");
  }

  /** One collected row as the schemes' input. */
  static MerchantPayoutInput of(Row r, Map<String, LocalDateTime[]> windows) {
    Map<String, BigDecimal> revenue = new LinkedHashMap<>();
    int k = 0;
    for (String key : windows.keySet()) {
      BigDecimal v = r.getAs("w" + k++);
      revenue.put(key, v == null ? BigDecimal.ZERO : v);
    }
    BigDecimal fee = r.getAs("monthly_fee");
    Boolean eligible = r.getAs("ad_eligible");
    return new MerchantPayoutInput(
        r.getAs("merchant_id"),
        r.getAs("industry"),
        !r.<Boolean>getAs("is_new"),
        fee == null ? BigDecimal.ZERO : fee,
        eligible != null && eligible,
        number(r, "data_recovered_pct"),
        r.getAs("left_platform_at") != null,
        revenue,
        number(r, "counterfactual_daily"),
        number(r, "lost_margin"),
        sd90(r, "lost_margin_low", "lost_margin_high", 1.0),
        number(r, "lost_customer_margin"),
        sd90(r, "lost_customer_value_low", "lost_customer_value_high", number(r, "margin_rate")),
        number(r, "lost_member_balances"));
  }

  /** σ from the 90% interval in {@code low}, {@code high}, times {@code scale}; null if unknown. */
  private static Double sd90(Row r, String low, String high, Double scale) {
    Double l = number(r, low);
    Double h = number(r, high);
    if (l == null || h == null || scale == null) {
      return null;
    }
    return NormalLoss.sdOf90(l, h) * scale;
  }

  static Double number(Row r, String column) {
    Object v = r.getAs(column);
    return v == null ? null : ((Number) v).doubleValue();
  }
}

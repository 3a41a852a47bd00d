package dev.aftermath.liability;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import dev.aftermath.io.TableWriter;
import dev.aftermath.scenario.Scenario;
import dev.aftermath.spark.ColumnNames;
import dev.aftermath.stats.SharedErrorShare;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * Reads what the exposure stage needs: one row per merchant from {@code merchant_loss}, {@code
 * merchant_defection}, {@code merchant_payout} and {@code merchants} (collected: one small row per
 * merchant), the merchant-level churn signals after the outage started, and the industries' shared
 * share of error from {@code impact_totals} and {@code defection_totals}.
 */
public final class ExposureInputs {
  private ExposureInputs() {}

  public static List<ExposureInput> merchants(TableWriter writer, Scenario scenario) {
    Map<String, Map<String, Long>> signals = new HashMap<>();
    if (writer.exists("churn_signals")) {
      for (Row r :
          writer
              .read("churn_signals")
              .filter(col("customer_id").isNull())
              .filter(col("ts").geq(lit(scenario.outage().start())))
              .groupBy("merchant_id", "signal")
              .agg(count(lit(1)).as("n"))
              .collectAsList()) {
        signals
            .computeIfAbsent(r.getString(0), k -> new TreeMap<>())
            .put(r.getString(1), r.getLong(2));
      }
    }
    List<ExposureInput> out = new ArrayList<>();
    for (Row r :
        writer
            .read("merchant_loss")
            .join(
                writer.read("merchant_defection").drop("industry"),
                ColumnNames.of("merchant_id"),
                "left")
            .join(writer.read("merchant_payout"), ColumnNames.of("merchant_id"), "left")
            .join(
                writer.read("merchants").select("merchant_id", "monthly_fee"),
                ColumnNames.of("merchant_id"))
            .orderBy("merchant_id")
            .collectAsList()) {
      double rate = d(r, "margin_rate");
      String id = r.getAs("merchant_id");
      out.add(
          new ExposureInput(
              id,
              r.getAs("industry"),
              rate,
              d(r, "lost_margin"),
              SharedErrorShare.sd(d(r, "lost_margin_low"), d(r, "lost_margin_high")),
              d(r, "lost_customer_margin"),
              SharedErrorShare.sd(d(r, "lost_customer_value_low"), d(r, "lost_customer_value_high"))
                  * rate,
              d(r, "lost_member_balances"),
              d(r, "actual_loss"),
              d(r, "chosen_payout"),
              d(r, "shortfall"),
              d(r, "monthly_fee"),
              d(r, "pre_outage_daily_revenue"),
              r.getAs("chosen_scheme"),
              d(r, "defected_customers"),
              signals.getOrDefault(id, Map.of())));
    }
    return out;
  }

  /**
   * Per industry, the shared share of error of a quantity whose industry totals are in {@code
   * totalsTable} (interval columns {@code low}/{@code high}), given the merchants' own sds.
   */
  public static Map<String, Double> sharedShare(
      TableWriter writer,
      String totalsTable,
      String low,
      String high,
      List<ExposureInput> merchants,
      boolean customers) {
    Map<String, double[]> sums = new HashMap<>();
    for (ExposureInput m : merchants) {
      // the customers' totals are of value, the merchants' sds of margin: one rate per industry
      double sd =
          customers
              ? (m.marginRate() > 0 ? m.lostCustomerMarginSd() / m.marginRate() : 0)
              : m.lostMarginSd();
      double[] s = sums.computeIfAbsent(m.industry(), k -> new double[2]);
      s[0] += sd;
      s[1] += sd * sd;
    }
    Map<String, Double> rho = new TreeMap<>();
    if (!writer.exists(totalsTable)) {
      return rho;
    }
    for (Row r :
        writer.read(totalsTable).filter(col("scope").equalTo("industry")).collectAsList()) {
      String industry = r.getAs("industry");
      double[] s = sums.get(industry);
      if (s == null) {
        continue;
      }
      double total = SharedErrorShare.sd(d(r, low), d(r, high));
      rho.put(industry, SharedErrorShare.rho(total, s[0], s[1]));
    }
    return rho;
  }

  static double d(Row r, String column) {
    Object v = r.getAs(column);
    return v == null ? 0 : ((Number) v).doubleValue();
  }
}

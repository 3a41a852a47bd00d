package dev.aftermath.exposure;

import dev.aftermath.liability.ExposureDistribution;
import dev.aftermath.liability.ExposureInput;
import dev.aftermath.scenario.LiabilityTerms;
import dev.aftermath.spark.SmallTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The exposure result tables, from the simulated totals (small: one row per regime or point). */
final class ExposureTables {
  private final SparkSession spark;
  private final ExposureDistribution[] regimes;
  private final Double remainingFund;

  ExposureTables(SparkSession spark, double[][] totals, Double remainingFund) {
    this.spark = spark;
    this.remainingFund = remainingFund;
    this.regimes = new ExposureDistribution[totals.length];
    for (int r = 0; r < totals.length; r++) {
      regimes[r] = ExposureDistribution.of(totals[r]);
    }
  }

  /**
   * {@code exposure_distribution}: per regime mean, sd, P50, P90, P99, TVaR at 90% and 99%, against
   * the fund left.
   */
  Dataset<Row> distribution() {
    SmallTable t =
        SmallTable.columns()
            .string("regime")
            .bigint("draws")
            .number("mean")
            .number("sd")
            .number("p50")
            .number("p90")
            .number("p99")
            .number("max")
            .number("fund_remaining")
            .number("probability_exceeds_fund_remaining")
            .number("tvar90")
            .number("tvar99")
            .number("return_period_fund_remaining")
            .table();
    for (int r = 0; r < regimes.length; r++) {
      ExposureDistribution e = regimes[r];
      t.row(
          LiabilityTerms.REGIMES.get(r),
          (long) e.sorted().length,
          round(e.mean()),
          round(e.sd()),
          round(e.quantile(0.5)),
          round(e.quantile(0.9)),
          round(e.quantile(0.99)),
          round(e.max()),
          remainingFund,
          remainingFund == null ? null : e.exceedance(remainingFund),
          round(e.tailMean(0.9)),
          round(e.tailMean(0.99)),
          remainingFund == null ? null : e.returnPeriod(remainingFund));
    }
    return t.dataset(spark);
  }

  /** {@code loss_exceedance}: per regime, P(total > x) at evenly spaced x from 0 to the largest. */
  Dataset<Row> exceedance(int points) {
    SmallTable t =
        SmallTable.columns()
            .string("regime")
            .number("x")
            .number("probability")
            .number("return_period")
            .table();
    for (int r = 0; r < regimes.length; r++) {
      ExposureDistribution e = regimes[r];
      double top = e.max();
      for (int k = 0; k < points; k++) {
        double x = top * k / (points - 1);
        t.row(LiabilityTerms.REGIMES.get(r), round(x), e.exceedance(x), e.returnPeriod(x));
      }
    }
    return t.dataset(spark);
  }

  /** {@code top_exposures}: the merchants with the largest expected exposure, with evidence. */
  Dataset<Row> top(
      List<ExposureInput> merchants, double[] claim, double[] expected, LiabilityTerms terms) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < merchants.size(); i++) {
      order.add(i);
    }
    order.sort(
        Comparator.<Integer>comparingDouble(i -> -expected[i])
            .thenComparing(i -> merchants.get(i).merchantId()));
    List<Row> rows = new ArrayList<>();
    for (int k = 0; k < Math.min(terms.topN(), order.size()); k++) {
      int i = order.get(k);
      ExposureInput m = merchants.get(i);
      double[] e = m.exposure(terms.contractCapMonths());
      rows.add(
          RowFactory.create(
              k + 1,
              m.merchantId(),
              m.industry(),
              round(m.actualLoss()),
              round(m.foreseeableLoss()),
              m.chosenScheme(),
              round(m.payout()),
              round(m.shortfall()),
              round(e[0]),
              round(e[1]),
              round(e[2]),
              claim[i],
              round(expected[i]),
              round(m.defectedCustomers()),
              round(m.memberBalances()),
              m.signals().getOrDefault("complaint", 0L),
              m.signals().getOrDefault("data_export", 0L),
              m.signals().getOrDefault("competitor_migration", 0L),
              m.signals().getOrDefault("contract_cancel", 0L)));
    }
    StructType schema =
        new StructType()
            .add("rank", DataTypes.IntegerType)
            .add("merchant_id", DataTypes.StringType)
            .add("industry", DataTypes.StringType)
            .add("actual_loss", DataTypes.DoubleType)
            .add("foreseeable_loss", DataTypes.DoubleType)
            .add("chosen_scheme", DataTypes.StringType)
            .add("chosen_payout", DataTypes.DoubleType)
            .add("shortfall", DataTypes.DoubleType)
            .add("exposure_contract_cap", DataTypes.DoubleType)
            .add("exposure_foreseeable", DataTypes.DoubleType)
            .add("exposure_full", DataTypes.DoubleType)
            .add("claim_probability", DataTypes.DoubleType)
            .add("expected_exposure", DataTypes.DoubleType)
            .add("defected_customers", DataTypes.DoubleType)
            .add("lost_member_balances", DataTypes.DoubleType)
            .add("complaints", DataTypes.LongType)
            .add("data_exports", DataTypes.LongType)
            .add("competitor_migrations", DataTypes.LongType)
            .add("contract_cancels", DataTypes.LongType);
    return spark.createDataFrame(rows, schema).coalesce(1);
  }

  static Double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}

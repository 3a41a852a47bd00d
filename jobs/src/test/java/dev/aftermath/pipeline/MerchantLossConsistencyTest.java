package dev.aftermath.pipeline;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftermath.GeneratedRuns;
import dev.aftermath.SparkTestBase;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What counsel reads side by side in {@code merchant_impact} agrees for every merchant of a
 * generated run: the actual loss is the sum of its parts (the only floor is the one the README
 * states, on the total), the full-loss exposure is never below the foreseeable-loss exposure, and
 * no defection figure is negative.
 */
class MerchantLossConsistencyTest extends SparkTestBase {
  private static Dataset<Row> impact;

  @BeforeAll
  static void runs() throws Exception {
    GeneratedRuns.dir(spark);
    impact = GeneratedRuns.table(spark, "out", "merchant_impact").cache();
  }

  private static Column orZero(String name) {
    return coalesce(col(name), lit(0.0));
  }

  @Test
  void theLossEstimateIsTheSumOfItsPartsAndTheClaimableLossItsExpectedPositivePart() {
    Column sum =
        orZero("lost_margin")
            .plus(orZero("lost_customer_margin"))
            .plus(orZero("lost_member_balances"));
    assertThat(impact.count()).isPositive();
    assertThat(impact.filter(abs(col("loss_estimate").minus(sum)).gt(0.02)).count()).isZero();
    // E[max(0, L)] lies between max(0, E[L]) and that plus σ/√(2π)
    assertThat(
            impact
                .filter(
                    col("actual_loss")
                        .lt(greatest(lit(0.0), col("loss_estimate")).minus(0.02))
                        .or(
                            col("actual_loss")
                                .gt(
                                    greatest(lit(0.0), col("loss_estimate"))
                                        .plus(col("loss_sd").divide(Math.sqrt(2 * Math.PI)))
                                        .plus(0.02))))
                .count())
        .isZero();
    // some merchants' estimates straddle zero: their claimable loss is above the floored estimate
    assertThat(
            impact
                .filter(col("actual_loss").gt(greatest(lit(0.0), col("loss_estimate")).plus(1)))
                .count())
        .isPositive();
  }

  @Test
  void fullLossExposureIsNeverBelowTheForeseeable() {
    assertThat(
            impact
                .filter(col("exposure_full").lt(col("exposure_foreseeable").minus(0.005)))
                .count())
        .isZero();
  }

  @Test
  void defectionFiguresAreNeverNegative() {
    for (String c :
        new String[] {
          "defected_customers",
          "defected_customers_low",
          "defected_customers_high",
          "lost_customer_value",
          "lost_customer_margin"
        }) {
      assertThat(impact.filter(col(c).lt(0)).count()).as(c).isZero();
    }
    assertThat(
            impact
                .filter(col("defected_customers").isNotNull())
                .filter(
                    col("defected_customers_low")
                        .gt(col("defected_customers"))
                        .or(col("defected_customers_high").lt(col("defected_customers")))
                        .or(col("defected_customers_high").gt(col("observed_nonreturn"))))
                .count())
        .isZero();
  }
}

package dev.aftermath.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * Sums of floating-point columns that do not depend on the order Spark adds the rows in. A double
 * sum's last digits depend on the order of its additions, and that order depends on how the rows
 * were split into partitions and in which order a shuffle fetched them: on a cluster, two runs of
 * the same case would write tables that differ in their last digits. Each value is rounded to
 * {@value #SCALE} decimals and added as a decimal, which is exact; the total is returned as a
 * double. Values are money, counts, rates and probabilities: {@value #SCALE} decimals keep more
 * than any of them carries, and 38 digits leave room for totals up to 10^26.
 */
public final class ExactSum {
  static final int SCALE = 12;
  static final DecimalType EXACT = DataTypes.createDecimalType(38, SCALE);

  private ExactSum() {}

  /** The order-independent sum of {@code column} as a double. */
  public static Column of(String column) {
    return of(col(column));
  }

  /** The order-independent sum of {@code value} as a double. */
  public static Column of(Column value) {
    return decimal(value).cast(DataTypes.DoubleType);
  }

  /** The exact sum of {@code value} rounded as {@link #of} rounds it, as a decimal. */
  public static Column decimal(Column value) {
    return sum(value.cast(EXACT));
  }

  /** The order-independent mean of {@code column}'s non-null values (null when there are none). */
  public static Column mean(String column) {
    Column value = col(column);
    return when(count(value).gt(0), decimal(value).divide(count(value))).cast(DataTypes.DoubleType);
  }
}

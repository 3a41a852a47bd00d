package dev.aftermath.defection;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import dev.aftermath.spark.ExactSum;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The scored customers' sums per merchant, segment, return, confirmation and no-return bin: the
 * same exact, order-independent sums as {@link ExactSum} (each value rounded half up to {@value
 * #DECIMALS} decimals, added exactly, the total read as the nearest double), computed faster for
 * the values between −1 and 1 (probabilities and their gradients). Spark rounds a double to a
 * decimal through its shortest decimal text, which costs more than the scoring itself; for |v| ≤ 1
 * the rounded value is found in integer units of 10^−12 from v · 10^12 whenever that product is not
 * within 0.01 of a half unit (its error is below 0.0002 units, so the rounding cannot differ), and
 * summed as a long. The rest (a value nearer a half unit, outside [−1, 1], or not a number) goes
 * through the decimal sum as before, and the two parts are added exactly on the driver. Money
 * values (the customer value) always take the decimal sum.
 */
final class ScoreSums {
  static final int DECIMALS = 12;
  private static final double UNIT = 1e12;

  /** The sums taken in units where they can be: every scored value except the customer value. */
  static final List<String> SMALL =
      List.of(
          "no_return",
          "no_return_var",
          "alive",
          "no_return_other_clock",
          "g0",
          "g1",
          "g2",
          "g3",
          "g4");

  /** A scored customer's keys, its no-return bin (−1 for a returner) and its value. */
  static final StructType KEYS_AND_VALUE =
      new StructType()
          .add("merchant_id", DataTypes.StringType)
          .add("industry", DataTypes.StringType)
          .add("segment", DataTypes.StringType)
          .add("returned", DataTypes.BooleanType)
          .add("confirmed", DataTypes.BooleanType)
          .add("bin", DataTypes.IntegerType, false)
          .add("value", DataTypes.DoubleType);

  /** The columns the sums are taken by. */
  static Column[] groups() {
    return new Column[] {
      col("merchant_id"),
      col("industry"),
      col("segment"),
      col("returned"),
      col("confirmed"),
      col("bin")
    };
  }

  /** Where {@link #units} cannot be sure of Spark's rounding. */
  static final long UNSURE = Long.MIN_VALUE;

  private ScoreSums() {}

  /** v rounded half up to 12 decimals, in units of 10^−12; {@link #UNSURE} where not sure. */
  static long units(double v) {
    if (!(Math.abs(v) <= 1)) {
      return UNSURE;
    }
    double y = Math.abs(v) * UNIT;
    double whole = Math.floor(y);
    double fraction = y - whole;
    if (Math.abs(fraction - 0.5) < 0.01) {
      return UNSURE;
    }
    long u = (long) whole + (fraction > 0.5 ? 1 : 0);
    return v < 0 ? -u : u;
  }

  /** Spark's {@code round(noReturn * BINS)} as an int (half up on the shortest decimal text). */
  static int bin(double noReturn) {
    if (!Double.isFinite(noReturn)) {
      throw new IllegalStateException(
          "a scored customer's probability of no return is " + noReturn + ": no bin for it");
    }
    double y = noReturn * MerchantEvidence.BINS;
    double whole = Math.floor(y);
    if (Double.isFinite(y) && Math.abs(y - whole - 0.5) > 1e-6) {
      return (int) (whole + (y - whole > 0.5 ? 1 : 0));
    }
    return BigDecimal.valueOf(y).setScale(0, RoundingMode.HALF_UP).intValue();
  }

  /**
   * Adds to {@code schema} the two columns of each value of {@link #SMALL}: its units (null where
   * unsure) and the value itself where unsure (null where not).
   */
  static StructType withSmallColumns(StructType schema) {
    StructType out = schema;
    for (String c : SMALL) {
      out = out.add(c + "_units", DataTypes.LongType).add(c + "_unsure", DataTypes.DoubleType);
    }
    return out;
  }

  /** The cells of {@link #withSmallColumns} for {@code values} (in the order of {@link #SMALL}). */
  static void putSmall(Object[] cells, int at, double[] values) {
    for (int k = 0; k < values.length; k++) {
      long u = units(values[k]);
      cells[at + 2 * k] = u == UNSURE ? null : u;
      cells[at + 2 * k + 1] = u == UNSURE ? values[k] : null;
    }
  }

  /**
   * Sums per merchant, segment, return, confirmation and bin, in a fixed order: the customers, each
   * small value's units and unsure part, and the customer value.
   */
  static Dataset<Row> binned(Dataset<Row> scored) {
    List<Column> sums = new ArrayList<>();
    sums.add(ExactSum.of("value").as("value"));
    for (String c : SMALL) {
      sums.add(sum(c + "_units").as(c + "_units"));
      sums.add(ExactSum.decimal(col(c + "_unsure")).as(c + "_unsure"));
    }
    return ordered(
        scored.groupBy(groups()).agg(count(lit(1)).as("customers"), sums.toArray(new Column[0])));
  }

  /** Sums in their fixed order. */
  static Dataset<Row> ordered(Dataset<Row> sums) {
    return sums.orderBy("merchant_id", "segment", "returned", "confirmed", "bin");
  }

  /**
   * A row of {@link #binned} as the estimate reads it: merchant, industry, segment, returned,
   * confirmed, bin, customers, no_return, no_return_var, alive, value, no_return_other_clock,
   * g0..g4, each sum the nearest double to its exact value (null where every value of the group was
   * not a number, as the decimal sum gives).
   */
  static Row collected(Row r) {
    int first = 8; // after the six keys, the customers and the value
    Double[] small = new Double[SMALL.size()];
    for (int k = 0; k < small.length; k++) {
      // null where every value of the group was not a number, as the decimal sum alone gives
      BigDecimal exact = null;
      if (!r.isNullAt(first + 2 * k)) {
        exact = BigDecimal.valueOf(r.getLong(first + 2 * k), DECIMALS);
      }
      if (!r.isNullAt(first + 2 * k + 1)) {
        BigDecimal unsure = r.getDecimal(first + 2 * k + 1);
        exact = exact == null ? unsure : exact.add(unsure);
      }
      small[k] = exact == null ? null : exact.doubleValue();
    }
    return RowFactory.create(
        r.getString(0),
        r.getString(1),
        r.getString(2),
        r.getBoolean(3),
        r.getBoolean(4),
        r.getInt(5),
        r.getLong(6),
        small[0],
        small[1],
        small[2],
        r.getDouble(7),
        small[3],
        small[4],
        small[5],
        small[6],
        small[7],
        small[8]);
  }
}

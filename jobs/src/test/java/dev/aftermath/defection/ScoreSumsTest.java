package dev.aftermath.defection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftermath.SparkTestBase;
import dev.aftermath.spark.ExactSum;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ScoreSumsTest extends SparkTestBase {
  /** Spark's rounding of a double to 12 decimals: half up on its shortest decimal text. */
  private static long sparkUnits(double v) {
    return new BigDecimal(Double.toString(v))
        .setScale(ScoreSums.DECIMALS, RoundingMode.HALF_UP)
        .unscaledValue()
        .longValueExact();
  }

  /** Random values in [−1, 1], and values a hair from half a unit, where doubles are least kind. */
  private static double[] awkward(Random random, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] =
          switch (i % 4) {
            case 0 -> random.nextDouble();
            case 1 -> -random.nextDouble() * Math.pow(10, -random.nextInt(8));
            case 2 -> (random.nextInt(1_000_000_000) + 0.5) / 1e12;
            default -> Math.nextUp((random.nextInt(1_000_000) + 0.5) / 1e6);
          };
    }
    return v;
  }

  @Test
  void unitsAreSparksRoundingWhereTheyAreSure() {
    Random random = new Random(11);
    double[] v = awkward(random, 100_000);
    int unsure = 0;
    for (double x : v) {
      long u = ScoreSums.units(x);
      if (u == ScoreSums.UNSURE) {
        unsure++;
      } else {
        assertThat(u).as("units of " + x).isEqualTo(sparkUnits(x));
      }
    }
    // the half-unit values are left to the decimal sum, ordinary ones are not
    assertThat(unsure).isBetween(1, v.length / 2);
    assertThat(ScoreSums.units(0.25)).isEqualTo(250_000_000_000L);
    assertThat(ScoreSums.units(-1)).isEqualTo(-1_000_000_000_000L);
    assertThat(ScoreSums.units(1.5)).isEqualTo(ScoreSums.UNSURE);
    assertThat(ScoreSums.units(Double.NaN)).isEqualTo(ScoreSums.UNSURE);
  }

  @Test
  void binsAreSparksRound() {
    Random random = new Random(12);
    for (int i = 0; i < 50_000; i++) {
      double p = i % 2 == 0 ? random.nextDouble() : (random.nextInt(100) + 0.5) / 100;
      double y = p * MerchantEvidence.BINS;
      int spark = BigDecimal.valueOf(y).setScale(0, RoundingMode.HALF_UP).intValue();
      assertThat(ScoreSums.bin(p)).as("bin of " + p).isEqualTo(spark);
    }
    assertThat(ScoreSums.bin(1)).isEqualTo(MerchantEvidence.BINS);
    assertThatThrownBy(() -> ScoreSums.bin(Double.NaN)).hasMessageContaining("NaN");
  }

  @Test
  void theSumsAreExactSumsToTheLastBit() {
    Random random = new Random(13);
    int n = 10_000;
    double[] awkward = awkward(random, n * ScoreSums.SMALL.size());
    StructType plain = ScoreSums.KEYS_AND_VALUE;
    for (String c : ScoreSums.SMALL) {
      plain = plain.add(c, DataTypes.DoubleType);
    }
    List<Row> plainRows = new ArrayList<>();
    List<Row> scoredRows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Object[] keys = {
        "m" + (i % 37), "retail", i % 3 == 0 ? "core" : "repeat", i % 5 == 0, i % 7 == 0, i % 4
      };
      double value = random.nextDouble() * Math.pow(10, random.nextInt(6));
      double[] small = new double[ScoreSums.SMALL.size()];
      for (int k = 0; k < small.length; k++) {
        // now and then a gradient beyond [−1, 1], which only the decimal sum takes
        small[k] =
            i % 101 == k
                ? 3.7 * awkward[i * small.length + k] + 1.1
                : awkward[i * small.length + k];
      }
      // a value that is not a number: in every row of merchant m36's repeat customers, and now and
      // then elsewhere; the decimal sum leaves it out, and gives null for a group of nothing else
      if (i % 37 == 36 && i % 3 != 0 || i % 997 == 5) {
        small[2] = Double.NaN;
      }
      Object[] p = new Object[plain.size()];
      Object[] s = new Object[CustomerDefectionJob.SCORED.size()];
      System.arraycopy(keys, 0, p, 0, keys.length);
      System.arraycopy(keys, 0, s, 0, keys.length);
      p[6] = value;
      s[6] = value;
      for (int k = 0; k < small.length; k++) {
        p[7 + k] = small[k];
      }
      ScoreSums.putSmall(s, 7, small);
      plainRows.add(RowFactory.create(p));
      scoredRows.add(RowFactory.create(s));
    }
    List<Row> fast =
        ScoreSums.binned(
                spark.createDataFrame(scoredRows, CustomerDefectionJob.SCORED).repartition(5))
            .collectAsList()
            .stream()
            .map(ScoreSums::collected)
            .toList();
    List<Column> exact = new ArrayList<>();
    for (String c : List.of("no_return", "no_return_var", "alive")) {
      exact.add(ExactSum.of(c));
    }
    exact.add(ExactSum.of("value"));
    for (String c : ScoreSums.SMALL.subList(3, ScoreSums.SMALL.size())) {
      exact.add(ExactSum.of(c));
    }
    List<Row> expected =
        ScoreSums.ordered(
                spark
                    .createDataFrame(plainRows, plain)
                    .repartition(3)
                    .groupBy(ScoreSums.groups())
                    .agg(
                        org.apache.spark.sql.functions.count(org.apache.spark.sql.functions.lit(1)),
                        exact.toArray(new Column[0])))
            .collectAsList();
    assertThat(fast).hasSize(expected.size());
    assertThat(fast).anyMatch(r -> r.isNullAt(9));
    for (int i = 0; i < fast.size(); i++) {
      for (int c = 0; c < expected.get(i).size(); c++) {
        assertThat(fast.get(i).get(c))
            .as("row " + i + " column " + c)
            .isEqualTo(expected.get(i).get(c));
      }
    }
  }
}

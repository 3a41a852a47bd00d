package dev.aftermath.spark;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftermath.SparkTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ExactSumTest extends SparkTestBase {
  /** Values whose double sum depends on the order of its additions: mixed magnitudes and signs. */
  private static Dataset<Row> values() {
    Random random = new Random(7);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      double v = (random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(9)) / 3;
      rows.add(RowFactory.create(i % 3 == 0 ? "a" : "b", v));
    }
    StructType schema =
        new StructType().add("k", DataTypes.StringType).add("v", DataTypes.DoubleType);
    return spark.createDataFrame(rows, schema);
  }

  private static Map<String, Double> sums(Dataset<Row> df) {
    Map<String, Double> out = new java.util.TreeMap<>();
    for (Row r : df.groupBy("k").agg(ExactSum.of("v"), ExactSum.mean("v")).collectAsList()) {
      out.put(r.getString(0), r.getDouble(1));
      out.put(r.getString(0) + " mean", r.getDouble(2));
    }
    return out;
  }

  @Test
  void sumsAndMeansAreTheSameHoweverTheRowsAreSplitAndOrdered() {
    Dataset<Row> df = values();
    Map<String, Double> one = sums(df.coalesce(1));
    assertThat(sums(df.repartition(7))).isEqualTo(one);
    assertThat(sums(df.orderBy(col("v").desc()).repartition(13))).isEqualTo(one);
    // and they are the sums, to the precision a double carries
    double a = 0;
    for (Row r : df.filter(col("k").equalTo("a")).collectAsList()) {
      a += r.getDouble(1);
    }
    assertThat(one.get("a")).isCloseTo(a, org.assertj.core.data.Offset.offset(1e-6 * Math.abs(a)));
  }
}

package dev.aftermath.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aftermath.SparkTestBase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The ramp-up curve: learnt from shops that joined during the history, read by age. */
class RampUpTest extends SparkTestBase {

  @Test
  void aCurveIsHeldAtItsLastFortnightBeyondTheAgesSeenAndIsOneWithoutData() {
    double[] curve = new double[40];
    for (int a = 0; a < curve.length; a++) {
      curve[a] = a < 26 ? 1 : 2;
    }
    assertThat(RampUp.at(curve, 5)).isEqualTo(1);
    assertThat(RampUp.at(curve, 100)).isEqualTo(2);
    assertThat(RampUp.at(null, 100)).isEqualTo(1);
  }

  @Test
  void shopsThatDoubleAfterTheirFirstMonthGiveACurveThatDoubles() {
    StructType schema =
        new StructType()
            .add("merchant_id", DataTypes.StringType)
            .add("industry", DataTypes.StringType)
            .add("signup_date", DataTypes.DateType)
            .add("date", DataTypes.DateType)
            .add("revenue", DataTypes.DoubleType);
    LocalDate origin = LocalDate.of(2019, 11, 1);
    List<Row> rows = new ArrayList<>();
    for (int m = 0; m < 25; m++) {
      LocalDate signup = origin.plusDays(m);
      for (int age = 0; age < 70; age++) {
        double revenue = (100 + m) * (age < 28 ? 1 : 2);
        rows.add(RowFactory.create("m" + m, "retail", signup, signup.plusDays(age), revenue));
      }
    }
    // a shop that joined before the history says nothing about ramp-up
    rows.add(RowFactory.create("old", "retail", origin.minusDays(400), origin.plusDays(3), 1e6));
    Map<String, double[]> curves =
        RampUp.learn(spark.createDataFrame(rows, schema), origin, Map.of());
    double[] retail = curves.get("retail");
    assertThat(curves).containsKey(RampUp.PLATFORM);
    assertThat(RampUp.at(retail, 10)).isCloseTo(1, within(1e-9));
    assertThat(RampUp.at(retail, 50)).isCloseTo(2, within(1e-9));
  }
}

package dev.aftermath.daily;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftermath.SparkTestBase;
import dev.aftermath.generate.DemoCase;
import dev.aftermath.scenario.Scenario;
import dev.aftermath.scenario.ScenarioLoader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class MerchantDayJobTest extends SparkTestBase {
  private static final Scenario SCENARIO =
      ScenarioLoader.parse(DemoCase.bundledScenario(), "scenario.yaml");

  private static Dataset<Row> merchants() {
    StructType schema =
        new StructType()
            .add("merchant_id", DataTypes.StringType)
            .add("signup_date", DataTypes.DateType)
            .add("left_platform_at", DataTypes.DateType);
    return spark.createDataFrame(
        List.of(
            RowFactory.create("A", LocalDate.of(2018, 1, 1), null),
            RowFactory.create("B", LocalDate.of(2020, 2, 20), LocalDate.of(2020, 2, 24))),
        schema);
  }

  private static Dataset<Row> orders() {
    StructType schema =
        new StructType()
            .add("order_id", DataTypes.StringType)
            .add("merchant_id", DataTypes.StringType)
            .add("customer_id", DataTypes.StringType)
            .add("created_at", DataTypes.TimestampNTZType)
            .add("local_date", DataTypes.DateType)
            .add("amount", DataTypes.createDecimalType(18, 4))
            .add("tax", DataTypes.createDecimalType(18, 4))
            .add("status", DataTypes.StringType)
            .add("revenue", DataTypes.createDecimalType(18, 4));
    return spark.createDataFrame(
        List.of(
            order("1", "A", "c1", LocalDateTime.of(2020, 2, 23, 10, 5), "110", "10", "PAID"),
            order("2", "A", "c1", LocalDateTime.of(2020, 2, 23, 10, 50), "55", "5", "PAID"),
            order("3", "A", "c2", LocalDateTime.of(2020, 2, 23, 20, 0), "22", "2", "PAID"),
            order("4", "A", null, LocalDateTime.of(2020, 2, 23, 20, 30), "11", "1", "PAID"),
            order("5", "A", "c3", LocalDateTime.of(2020, 2, 23, 21, 0), "33", "3", "REFUNDED"),
            order("6", "B", "c9", LocalDateTime.of(2020, 2, 21, 9, 0), "10", "0", "CANCELLED")),
        schema);
  }

  private static Row order(
      String id, String m, String c, LocalDateTime t, String amount, String tax, String status) {
    BigDecimal a = new BigDecimal(amount);
    BigDecimal x = new BigDecimal(tax);
    return RowFactory.create(
        id,
        m,
        c,
        t,
        t.toLocalDate(),
        a,
        x,
        status,
        "PAID".equals(status) ? a.subtract(x) : BigDecimal.ZERO);
  }

  @Test
  void sumsRevenueCountsCustomersAndFillsEveryDayOnThePlatform() {
    Map<String, Row> rows =
        MerchantDayJob.merchantDay(orders(), merchants(), SCENARIO).collectAsList().stream()
            .collect(Collectors.toMap(r -> r.getString(0) + " " + r.get(1), r -> r));
    Row a = rows.get("A 2020-02-23");
    assertThat((BigDecimal) a.getAs("net_revenue")).isEqualByComparingTo("180");
    assertThat(a.<Long>getAs("paid_orders")).isEqualTo(4);
    assertThat(a.<Long>getAs("customers")).isEqualTo(2);
    assertThat(a.<Long>getAs("refunds")).isEqualTo(1);
    assertThat((BigDecimal) a.getAs("refund_amount")).isEqualByComparingTo("30");
    Row quiet = rows.get("A 2019-11-01");
    assertThat((BigDecimal) quiet.getAs("net_revenue")).isEqualByComparingTo("0");
    assertThat(quiet.<Boolean>getAs("on_platform")).isTrue();
    long aDays = rows.keySet().stream().filter(k -> k.startsWith("A ")).count();
    assertThat(aDays).isEqualTo(182); // 2019-11-01 .. 2020-04-30
    assertThat(rows.keySet().stream().filter(k -> k.startsWith("B ")))
        .containsExactlyInAnyOrder(
            "B 2020-02-20", "B 2020-02-21", "B 2020-02-22", "B 2020-02-23", "B 2020-02-24");
  }

  @Test
  void splitsTheOutageStartDayByHour() {
    Map<String, Row> rows =
        MerchantDayJob.merchantHour(orders(), merchants(), SCENARIO).collectAsList().stream()
            .collect(
                Collectors.toMap(r -> r.getString(0) + " " + r.get(1) + " " + r.get(2), r -> r));
    assertThat((BigDecimal) rows.get("A 2020-02-23 10").getAs("net_revenue"))
        .isEqualByComparingTo("150");
    assertThat(rows.get("A 2020-02-23 10").<Long>getAs("customers")).isEqualTo(1);
    assertThat((BigDecimal) rows.get("A 2020-02-23 20").getAs("net_revenue"))
        .isEqualByComparingTo("30");
    assertThat((BigDecimal) rows.get("A 2020-02-23 3").getAs("net_revenue"))
        .isEqualByComparingTo("0");
    // both the start day (02-23) and the end day (03-03), 24 hours each, for A; B left on 02-24
    assertThat(rows.keySet().stream().filter(k -> k.startsWith("A "))).hasSize(48);
    assertThat(rows.keySet().stream().filter(k -> k.startsWith("B "))).hasSize(24);
  }
}

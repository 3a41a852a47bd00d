package dev.aftermath.schemes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftermath.SparkTestBase;
import dev.aftermath.scenario.Timestamps;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Baseline windows are [start, end) in the scenario's local time, PAID revenue net of tax only. */
class PayoutInputsTest extends SparkTestBase {
  private static final LocalDateTime START = LocalDateTime.of(2020, 2, 17, 19, 0);
  private static final LocalDateTime END = LocalDateTime.of(2020, 2, 23, 19, 0);

  @Test
  void anOrderAtTheStartIsInsideAndOneAtTheEndIsOutsideInLocalTime() {
    StructType schema =
        new StructType()
            .add("merchant_id", DataTypes.StringType)
            .add("created_at", DataTypes.TimestampNTZType)
            .add("status", DataTypes.StringType)
            .add("revenue", DataTypes.createDecimalType(18, 4));
    List<Row> orders =
        List.of(
            RowFactory.create("A", START, "PAID", new BigDecimal("100")),
            RowFactory.create("A", START.minusSeconds(1), "PAID", new BigDecimal("1000")),
            RowFactory.create("A", END.minusSeconds(1), "PAID", new BigDecimal("10")),
            RowFactory.create("A", END, "PAID", new BigDecimal("10000")),
            RowFactory.create("A", START.plusHours(1), "REFUNDED", new BigDecimal("0")),
            RowFactory.create("B", END.plusHours(1), "PAID", new BigDecimal("5")),
            // written with offsets in the case; ingestion turns them into Shanghai local time
            RowFactory.create("C", local("2020-02-17T11:00:00Z"), "PAID", new BigDecimal("7")),
            RowFactory.create("C", local("2020-02-23T19:00:00+08:00"), "PAID", new BigDecimal("9")),
            RowFactory.create("C", local("2020-02-23T10:59:59Z"), "PAID", new BigDecimal("1")));
    Map<String, LocalDateTime[]> windows = new LinkedHashMap<>();
    windows.put("cash", new LocalDateTime[] {START, END});
    windows.put("later", new LocalDateTime[] {END, END.plusDays(1)});
    Map<String, Row> byMerchant = new LinkedHashMap<>();
    for (Row r :
        PayoutInputs.windowRevenue(spark.createDataFrame(orders, schema), windows)
            .collectAsList()) {
      byMerchant.put(r.getAs("merchant_id"), r);
    }
    assertThat((BigDecimal) byMerchant.get("A").getAs("w0")).isEqualByComparingTo("110");
    assertThat((BigDecimal) byMerchant.get("A").getAs("w1")).isEqualByComparingTo("10000");
    assertThat((BigDecimal) byMerchant.get("B").getAs("w0")).isEqualByComparingTo("0");
    assertThat((BigDecimal) byMerchant.get("B").getAs("w1")).isEqualByComparingTo("5");
    assertThat((BigDecimal) byMerchant.get("C").getAs("w0")).isEqualByComparingTo("8");
    assertThat((BigDecimal) byMerchant.get("C").getAs("w1")).isEqualByComparingTo("9");
  }

  private static LocalDateTime local(String timestamp) {
    return Timestamps.toLocal(timestamp, ZoneId.of("Asia/Shanghai"));
  }
}

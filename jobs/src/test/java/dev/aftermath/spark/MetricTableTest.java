package dev.aftermath.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class MetricTableTest {
  @Test
  void hasMetricValueThenTheTextColumnsAsStringsAndDouble() {
    MetricTable t = MetricTable.withTextColumns("unit", "note");

    assertThat(t.table().schema())
        .isEqualTo(
            new StructType()
                .add("metric", DataTypes.StringType)
                .add("value", DataTypes.DoubleType)
                .add("unit", DataTypes.StringType)
                .add("note", DataTypes.StringType));
  }

  @Test
  void keepsMetricsInOrderWithWholeNumbersAsDoublesAndMissingValuesAsNull() {
    MetricTable t =
        MetricTable.withTextColumns("target")
            .add("merchants_compared", 12, "")
            .add("merchants_at_risk", 3L, "")
            .add("total_relative_error", 0.031, "within ±0.05")
            .add("churn_rate_before", null, "");

    assertThat(t.table().rows())
        .containsExactly(
            RowFactory.create("merchants_compared", 12.0, ""),
            RowFactory.create("merchants_at_risk", 3.0, ""),
            RowFactory.create("total_relative_error", 0.031, "within ±0.05"),
            RowFactory.create("churn_rate_before", null, ""));
  }

  @Test
  void rejectsAMetricWithoutOneTextPerTextColumn() {
    MetricTable t = MetricTable.withTextColumns("unit", "note");

    assertThatThrownBy(() -> t.add("cost_total", 1.0, "EUR"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot add metric cost_total with 1 texts: the table's text columns are [unit, note]");
  }
}

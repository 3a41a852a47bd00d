package dev.aftermath.spark;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A table of named figures, one row per metric in the order added: {@code metric} (string), {@code
 * value} (double, null when there is none) and then text columns such as {@code target}, {@code
 * unit} or {@code note}. Used by {@code company_impact}, {@code impact_evaluation}, {@code
 * defection_evaluation} and {@code fund_allocation}.
 */
public final class MetricTable {
  private final List<String> textColumns;
  private final SmallTable table;

  private MetricTable(List<String> textColumns) {
    this.textColumns = List.copyOf(textColumns);
    SmallTable.Columns columns = SmallTable.columns().string("metric").number("value");
    for (String c : textColumns) {
      columns.string(c);
    }
    this.table = columns.table();
  }

  /** A table with {@code metric}, {@code value} and then {@code textColumns}. */
  public static MetricTable withTextColumns(String... textColumns) {
    return new MetricTable(List.of(textColumns));
  }

  /**
   * Adds a metric: its value (any number, kept as a double; null for none) and one text per text
   * column.
   */
  public MetricTable add(String metric, Number value, String... texts) {
    if (texts.length != textColumns.size()) {
      throw new IllegalArgumentException(
          "Cannot add metric "
              + metric
              + " with "
              + texts.length
              + " texts: the table's text columns are "
              + textColumns);
    }
    Object[] row = new Object[2 + texts.length];
    row[0] = metric;
    row[1] = value == null ? null : value.doubleValue();
    System.arraycopy(texts, 0, row, 2, texts.length);
    table.row(row);
    return this;
  }

  /**
   * Adds a judged metric to a table whose text columns are {@code target} and {@code status}: the
   * target's text and the value's status against it.
   */
  public MetricTable add(String metric, double value, dev.aftermath.stats.Target target) {
    if (!textColumns.equals(List.of("target", "status"))) {
      throw new IllegalArgumentException(
          "Cannot judge metric " + metric + ": the table's text columns are " + textColumns);
    }
    return add(metric, value, target.text(), target.status(value));
  }

  public SmallTable table() {
    return table;
  }

  /** The table as a single-partition Dataset, metrics in the order added. */
  public Dataset<Row> dataset(SparkSession spark) {
    return table.dataset(spark);
  }
}

package dev.aftermath.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class SmallTableTest {
  private record Point(LocalDate day, int n, double x) {}

  @Test
  void declaresColumnsInOrderWithTheirTypesAndKeepsRowsInTheOrderAdded() {
    SmallTable t =
        SmallTable.columns()
            .string("s")
            .integer("i")
            .bigint("l")
            .number("d")
            .bool("b")
            .date("day")
            .timestamp("at")
            .table();
    t.row("b", 2, 3L, 0.5, true, LocalDate.of(2024, 1, 2), null);
    t.row("a", null, null, null, null, null, null);

    assertThat(t.schema())
        .isEqualTo(
            new StructType()
                .add("s", DataTypes.StringType)
                .add("i", DataTypes.IntegerType)
                .add("l", DataTypes.LongType)
                .add("d", DataTypes.DoubleType)
                .add("b", DataTypes.BooleanType)
                .add("day", DataTypes.DateType)
                .add("at", DataTypes.TimestampNTZType));
    assertThat(t.rows()).extracting(r -> r.getString(0)).containsExactly("b", "a");
    assertThat(t.rows().get(0).getDouble(3)).isEqualTo(0.5);
    assertThat(t.rows().get(1).isNullAt(1)).isTrue();
  }

  @Test
  void rejectsARowWithTooFewValuesNamingTheColumns() {
    SmallTable t = SmallTable.columns().string("metric").number("value").table();

    assertThatThrownBy(() -> t.row("only"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot add a row of 1 values to a table of 2 columns [metric, value]");
    assertThat(t.rows()).isEmpty();
  }

  @Test
  void rejectsAValueOfTheWrongTypeNamingItsColumn() {
    SmallTable t = SmallTable.columns().string("metric").number("value").table();

    // an int where a double belongs would fail only later, inside Spark, without the column
    assertThatThrownBy(() -> t.row("merchants", 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot put Integer 3 in column value of type double");
  }

  @Test
  void aMappingTakesEachColumnFromItsAccessor() {
    SmallTable t =
        SmallTable.<Point>mapping()
            .date("day", Point::day)
            .integer("n", Point::n)
            .number("twice", p -> 2 * p.x())
            .table(
                List.of(
                    new Point(LocalDate.of(2024, 3, 1), 7, 1.25),
                    new Point(LocalDate.of(2024, 3, 2), 8, -0.5)));

    assertThat(t.schema().fieldNames()).containsExactly("day", "n", "twice");
    assertThat(t.rows())
        .containsExactly(
            RowFactory.create(LocalDate.of(2024, 3, 1), 7, 2.5),
            RowFactory.create(LocalDate.of(2024, 3, 2), 8, -1.0));
  }
}

package dev.aftermath.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftermath.SparkTestBase;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class CsvSafetyTest extends SparkTestBase {
  /** Each cell through {@link CsvSafety#safeStrings}, in order; a numeric column rides along. */
  private static List<String> safe(String... cells) {
    StructType schema =
        new StructType().add("i", DataTypes.IntegerType).add("cell", DataTypes.StringType);
    List<Row> rows = new java.util.ArrayList<>();
    for (int i = 0; i < cells.length; i++) {
      rows.add(RowFactory.create(i, cells[i]));
    }
    Dataset<Row> out = CsvSafety.safeStrings(spark.createDataFrame(rows, schema)).orderBy("i");
    assertThat(out.schema()).isEqualTo(schema);
    return out.collectAsList().stream().map(r -> r.getString(1)).toList();
  }

  @Test
  void prefixesCellsThatASpreadsheetWouldEvaluate() {
    assertThat(safe("=HYPERLINK(\"x\")", "+86 123", "-1+1", "@SUM(A1)", "\tx", "\rx"))
        .containsExactly("'=HYPERLINK(\"x\")", "'+86 123", "'-1+1", "'@SUM(A1)", "'\tx", "'\rx");
  }

  @Test
  void replacesCharactersThatReorderOrHideText() {
    assertThat(safe("\u202E=1+1", "abc\u202Efed", "a\u200Bb", "\u2066x\u2069"))
        .containsExactly("\uFFFD=1+1", "abc\uFFFDfed", "a\uFFFDb", "\uFFFDx\uFFFD");
    // control characters too (a terminal's escape sequences, NUL), not line breaks or tabs
    assertThat(safe("a\u001B[31mb", "x\u0000y\u0085", "line 1\r\nline 2\tend"))
        .containsExactly("a\uFFFD[31mb", "x\uFFFDy\uFFFD", "line 1\r\nline 2\tend");
  }

  @Test
  void leavesOrdinaryTextAlone() {
    assertThat(safe("上海悦便利店", "a=b", "", null))
        .containsExactlyElementsOf(Arrays.asList("上海悦便利店", "a=b", "", null));
  }
}

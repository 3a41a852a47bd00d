package dev.aftermath.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvSafetyTest {
  @Test
  void prefixesCellsThatASpreadsheetWouldEvaluate() {
    assertThat(CsvSafety.safe("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
    assertThat(CsvSafety.safe("+86 123")).isEqualTo("'+86 123");
    assertThat(CsvSafety.safe("-1+1")).isEqualTo("'-1+1");
    assertThat(CsvSafety.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvSafety.safe("\tx")).isEqualTo("'\tx");
  }

  @Test
  void leavesOrdinaryTextAlone() {
    assertThat(CsvSafety.safe("上海悦便利店")).isEqualTo("上海悦便利店");
    assertThat(CsvSafety.safe("a=b")).isEqualTo("a=b");
    assertThat(CsvSafety.safe("")).isEmpty();
    assertThat(CsvSafety.safe(null)).isNull();
  }
}

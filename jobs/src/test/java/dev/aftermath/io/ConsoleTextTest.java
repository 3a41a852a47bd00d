package dev.aftermath.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftermath.ingest.QuarantinedRow;
import dev.aftermath.text.ConsoleText;
import org.junit.jupiter.api.Test;

class ConsoleTextTest {
  @Test
  void escapeSequencesLineBreaksAndBidiControlsCannotReachTheTerminal() {
    assertThat(ConsoleText.oneLine("a\u001B[2Jb\nc\r\td\u202Ee\u2028f"))
        .isEqualTo("a\uFFFD[2Jb\uFFFDc\uFFFD\uFFFDd\uFFFDe\uFFFDf");
    assertThat(ConsoleText.oneLine("商家 M1, ok")).isEqualTo("商家 M1, ok");
    assertThat(ConsoleText.oneLine(null)).isNull();
  }

  @Test
  void aQuarantinedValueIsDescribedOnOneSafeLine() {
    QuarantinedRow q =
        new QuarantinedRow(
            "orders", "orders.csv", 7L, null, "amount", "1\n\u001B[31mOK", "NOT_A_NUMBER", 7L);
    assertThat(q.describe())
        .isEqualTo("orders.csv line 7: column amount is '1\uFFFD\uFFFD[31mOK' (NOT_A_NUMBER)")
        .doesNotContain("\n", "\u001B");
    assertThat(
            new QuarantinedRow("orders", "o.csv", 3L, null, null, "x", "MALFORMED_CSV", 9L)
                .describe())
        .startsWith("o.csv lines 3–9: ");
  }
}

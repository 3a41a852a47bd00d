package dev.aftermath.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DataDictionaryTest {
  private static final Path README = Path.of("..", "notebooks-data", "README.md");

  @Test
  void readmeBlockIsWhatTheContractGenerates() throws Exception {
    String text = Files.readString(README);
    assertThat(DataDictionary.current(text))
        .as(
            "notebooks-data/README.md is stale; rewrite it with: java -cp core/target/classes"
                + " dev.aftermath.tables.DataDictionary notebooks-data/README.md")
        .isEqualTo(DataDictionary.block());
  }

  @Test
  void everyTableAndPlainColumnIsInTheBlock() {
    String block = DataDictionary.block();
    for (OutputTable t : OutputTables.ALL) {
      assertThat(block).contains("**" + t.name() + "**");
      for (String c : t.columnNames()) {
        assertThat(block).contains("| " + c + " | ");
      }
    }
    assertThat(block).contains("| `<scheme>_payout` | double | currency |");
  }

  @Test
  void rewriteKeepsTheProseAroundTheBlock() {
    String readme =
        "before\n" + DataDictionary.START + "\nold\n" + DataDictionary.END + "\nafter\n";
    String rewritten = DataDictionary.rewrite(readme);
    assertThat(rewritten)
        .startsWith("before\n" + DataDictionary.START)
        .endsWith(DataDictionary.END + "\nafter\n");
    assertThat(rewritten).doesNotContain("\nold\n");
  }

  @Test
  void rewriteWithoutMarkersNamesThem() {
    assertThatThrownBy(() -> DataDictionary.rewrite("no block here"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("<!-- output-tables:start -->");
  }
}

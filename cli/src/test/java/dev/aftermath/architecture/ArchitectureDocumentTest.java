package dev.aftermath.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftermath.cli.RunStages;
import dev.aftermath.pipeline.StageTable;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * ARCHITECTURE.md's table of stages is the run's stage list as the code declares it: the text
 * between its markers equals {@link StageTable#markdown} of what {@code aftermath run} runs.
 */
class ArchitectureDocumentTest {
  static final String START = "<!-- stages:start -->\n";
  static final String END = "<!-- stages:end -->";

  @Test
  void theStageTableMatchesTheStageList() throws Exception {
    String doc = Files.readString(Path.of("..", "ARCHITECTURE.md"));
    assertThat(doc).contains(START).contains(END);
    String block = doc.substring(doc.indexOf(START) + START.length(), doc.indexOf(END));
    assertThat(block)
        .as("ARCHITECTURE.md's stage table; regenerate it from StageTable.markdown")
        .isEqualTo(StageTable.markdown(RunStages.all()));
  }
}

package dev.aftermath.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftermath.stage.Stage;
import dev.aftermath.tables.OutputTables;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stages' declared tables and the output contract name the same tables. */
class StagesContractTest {
  @Test
  void everyTableAStageWritesHasAContractAndEveryContractTableAWriter() {
    List<String> written = new ArrayList<>();
    for (Stage s : Stages.analysis()) {
      written.addAll(s.writes());
    }
    // the placebo and the sensitivity in the same run (run --with-placebo, --with-sensitivity)
    // write the rest
    written.addAll(Stages.placebo(null).writes());
    written.addAll(Stages.sensitivity().writes());
    assertThat(written).doesNotHaveDuplicates();
    assertThat(written).containsExactlyInAnyOrderElementsOf(OutputTables.names());
  }
}

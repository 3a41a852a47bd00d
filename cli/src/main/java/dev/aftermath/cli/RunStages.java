package dev.aftermath.cli;

import dev.aftermath.pipeline.Stages;
import dev.aftermath.stage.Stage;
import java.util.ArrayList;
import java.util.List;

/** What {@code aftermath run} runs: the analysis stages of the jobs, then the reports. */
final class RunStages {
  private RunStages() {}

  static List<Stage> all() {
    List<Stage> all = new ArrayList<>(Stages.analysis());
    all.add(new ReportStage());
    return List.copyOf(all);
  }
}

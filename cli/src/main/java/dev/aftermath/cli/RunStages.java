package dev.aftermath.cli;

import dev.aftermath.pipeline.Stages;
import dev.aftermath.stage.Stage;
import java.util.ArrayList;
import java.util.List;

/** What {@code aftermath run} runs: the analysis stages of the jobs, then the reports. */
public final class RunStages {
  private RunStages() {}

  /** The analysis stages, the placebo in the same run, then the report stage. */
  public static List<Stage> withPlacebo() {
    List<Stage> all = new ArrayList<>(Stages.analysis());
    all.add(Stages.placebo(null));
    all.add(new ReportStage(true));
    return List.copyOf(all);
  }

  /** The analysis stages of the jobs, then the report stage. */
  public static List<Stage> all() {
    List<Stage> all = new ArrayList<>(Stages.analysis());
    all.add(new ReportStage());
    return List.copyOf(all);
  }
}

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
    return of(true, false);
  }

  /** The analysis stages of the jobs, then the report stage. */
  public static List<Stage> all() {
    return of(false, false);
  }

  /**
   * The analysis stages, then the placebo ({@code run --with-placebo}) and the assumptions'
   * sensitivity ({@code run --with-sensitivity}) where asked for, then the report stage, which
   * reads their tables only when they run.
   */
  public static List<Stage> of(boolean placebo, boolean sensitivity) {
    List<Stage> all = new ArrayList<>(Stages.analysis());
    if (placebo) {
      all.add(Stages.placebo(null));
    }
    if (sensitivity) {
      all.add(Stages.sensitivity());
    }
    all.add(new ReportStage(placebo, sensitivity));
    return List.copyOf(all);
  }
}

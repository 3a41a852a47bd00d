package dev.aftermath.pipeline;

import dev.aftermath.stage.Stage;
import java.util.List;

/** A list of stages as a Markdown table (ARCHITECTURE.md shows the run's, checked by a test). */
public final class StageTable {
  private StageTable() {}

  /** One row per stage: its name, what it needs, what it may read, what it writes. */
  public static String markdown(List<? extends Stage> stages) {
    StringBuilder b = new StringBuilder();
    b.append("| # | stage | needs | reads if present | writes |\n");
    b.append("|---|---|---|---|---|\n");
    int i = 1;
    for (Stage s : stages) {
      b.append("| ")
          .append(i++)
          .append(" | ")
          .append(s.name())
          .append(" | ")
          .append(names(s.reads()))
          .append(" | ")
          .append(names(s.readsIfPresent()))
          .append(" | ")
          .append(names(s.writes()))
          .append(" |\n");
    }
    return b.toString();
  }

  private static String names(List<String> tables) {
    if (tables.isEmpty()) {
      return "–";
    }
    return String.join(", ", tables.stream().map(t -> "`" + t + "`").toList());
  }
}

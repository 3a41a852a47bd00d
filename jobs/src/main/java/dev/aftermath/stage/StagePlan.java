package dev.aftermath.stage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a list of stages before any work starts: every table a stage reads (needed or optional) is
 * written by an earlier stage, and no table is written by two stages.
 */
public final class StagePlan {
  private static final String FINISHED_RUN = "(the finished run)";

  private StagePlan() {}

  /** Throws {@link IllegalStateException} listing every problem of {@code stages} at once. */
  public static void check(List<? extends Stage> stages) {
    check(stages, Set.of());
  }

  /**
   * The same for stages that start on tables an earlier run left ({@code available}, e.g. a rerun
   * from a later stage): those count as written before the first stage.
   */
  public static void check(List<? extends Stage> stages, Set<String> available) {
    List<String> problems = new ArrayList<>();
    Map<String, String> writer = new HashMap<>();
    for (String t : available) {
      writer.put(t, FINISHED_RUN);
    }
    Set<String> names = new LinkedHashSet<>();
    for (Stage s : stages) {
      if (!names.add(s.name())) {
        problems.add("two stages are named '" + s.name() + "'");
      }
      for (String t : s.reads()) {
        if (!writer.containsKey(t)) {
          problems.add(
              "stage '" + s.name() + "' needs table " + t + ", which no earlier stage writes");
        }
      }
      for (String t : s.readsIfPresent()) {
        if (!writer.containsKey(t)) {
          problems.add(
              "stage '" + s.name() + "' may read table " + t + ", which no earlier stage writes");
        }
      }
      for (String t : s.writes()) {
        String before = writer.putIfAbsent(t, s.name());
        if (FINISHED_RUN.equals(before)) {
          writer.put(t, s.name()); // rewritten by this run
        } else if (before != null) {
          problems.add(
              "table "
                  + t
                  + " is written by stage '"
                  + before
                  + "' and again by '"
                  + s.name()
                  + "'");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "The stages of this run do not fit together: " + String.join("; ", problems));
    }
  }
}

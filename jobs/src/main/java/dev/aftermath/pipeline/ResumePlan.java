package dev.aftermath.pipeline;

import dev.aftermath.scenario.ScenarioDiff;
import dev.aftermath.stage.Stage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code rerun --from STAGE} runs on a finished run: the analysis stages from the one named
 * onward (with the scenario's tables again, which record the scenario used), reading the earlier
 * stages' tables where the finished run left them; and which sections of the scenario it may change
 * — only those that no earlier stage read.
 */
public final class ResumePlan {
  private ResumePlan() {}

  /** The stages by the name {@code --from} takes, in run order. */
  public static final Map<String, Stage> STAGES = stages();

  /**
   * The scenario sections each stage is the first to read: a rerun from a stage may change these
   * and those of the stages after it, unless an earlier stage read part of them. Every section not
   * named here was read by the stages before the schemes.
   */
  static final Map<String, List<String>> SECTIONS_FIRST_READ =
      Map.of(
          "schemes", List.of("schemes", "fund"),
          "frontier", List.of("liability"),
          "company", List.of("event_study", "share"));

  /** The margin rates live under schemes but lost revenue and defection read them first. */
  static final List<String> READ_EARLIER = List.of("schemes.cash.margin_rates");

  private static Map<String, Stage> stages() {
    Map<String, Stage> m = new LinkedHashMap<>();
    m.put("ingestion", Stages.INGESTION);
    m.put("case-notes", Stages.CASE_NOTES);
    m.put("scenario", Stages.SCENARIO);
    m.put("merchant-day", Stages.MERCHANT_DAY);
    m.put("defection", Stages.DEFECTION);
    m.put("lost-revenue", Stages.LOST_REVENUE);
    m.put("schemes", Stages.SCHEMES);
    m.put("frontier", Stages.FRONTIER);
    m.put("exposure", Stages.EXPOSURE);
    m.put("merchant-impact", Stages.MERCHANT_IMPACT);
    m.put("company", Stages.COMPANY);
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * The analysis stages a rerun from {@code from} runs, in order: the scenario's tables if it reads
   * another scenario ({@code newScenario}: they record the scenario used), then {@code from} and
   * every stage after it. {@link IllegalArgumentException} for an unknown name.
   */
  public static List<Stage> stages(String from, boolean newScenario) {
    List<String> keys = new ArrayList<>(STAGES.keySet());
    int at = keys.indexOf(from);
    if (at < 0) {
      throw new IllegalArgumentException(
          "no stage '" + from + "'; one of " + String.join(", ", keys));
    }
    List<Stage> out = new ArrayList<>();
    if (newScenario && at > keys.indexOf("scenario")) {
      out.add(Stages.SCENARIO);
    }
    for (String k : keys.subList(at, keys.size())) {
      out.add(STAGES.get(k));
    }
    return out;
  }

  /** The scenario sections a rerun from {@code from} may change (but for {@link #readBefore}). */
  public static List<String> changeableSections(String from) {
    List<String> keys = new ArrayList<>(STAGES.keySet());
    int at = keys.indexOf(from);
    List<String> sections = new ArrayList<>();
    for (String k : at < 0 ? List.<String>of() : keys.subList(at, keys.size())) {
      sections.addAll(SECTIONS_FIRST_READ.getOrDefault(k, List.of()));
    }
    return sections;
  }

  /** The parts of those sections that a stage before {@code from} read. */
  static List<String> readBefore(String from) {
    List<String> keys = new ArrayList<>(STAGES.keySet());
    int at = keys.indexOf(from);
    List<String> sections = new ArrayList<>(READ_EARLIER);
    for (String k : at < 0 ? keys : keys.subList(0, at)) {
      sections.addAll(SECTIONS_FIRST_READ.getOrDefault(k, List.of()));
    }
    return sections;
  }

  /** The sections, without those inside another one listed. */
  private static List<String> distinctTop(List<String> sections) {
    List<String> out = new ArrayList<>();
    for (String s : sections) {
      if (sections.stream().noneMatch(o -> !o.equals(s) && s.startsWith(o + "."))
          && !out.contains(s)) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * Throws {@link IllegalArgumentException} naming every change from {@code before} to {@code
   * after} that a rerun from {@code from} may not make (it would leave earlier tables stale).
   */
  public static void checkScenario(String from, String before, String after) {
    List<String> sections = changeableSections(from);
    List<String> refused = new ArrayList<>();
    for (String path : ScenarioDiff.changedPaths(before, after)) {
      if (!ScenarioDiff.within(path, sections, readBefore(from))) {
        refused.add(path);
      }
    }
    if (!refused.isEmpty()) {
      throw new IllegalArgumentException(
          "the scenario changes "
              + String.join(", ", refused)
              + ", which stages before '"
              + from
              + "' used; a rerun from '"
              + from
              + (sections.isEmpty()
                  ? "' may change nothing in it"
                  : "' may change only "
                      + String.join(", ", distinctTop(sections))
                      + " (not "
                      + String.join(", ", readBefore(from))
                      + ")")
              + ". Run the whole pipeline (aftermath run) instead.");
    }
  }
}

package dev.aftermath.scenario;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The event study on the platform's share (scenario key {@code event_study}, optional): the market
 * model is estimated over {@code estimation_days} trading days ending {@code gap_days} trading days
 * before each event; cumulative abnormal returns are taken over each window [from, to] in trading
 * days relative to the event's first trading day; {@code shares_outstanding} (optional) turns them
 * into market value in the share's {@code currency}.
 */
public record EventStudyTerms(
    int estimationDays,
    int gapDays,
    List<Event> events,
    List<int[]> windows,
    Double sharesOutstanding,
    String currency) {

  /** An event: a name and the calendar day it became public. */
  public record Event(String name, LocalDate date) {}

  public EventStudyTerms {
    events = List.copyOf(events);
    windows = List.copyOf(windows);
  }

  /** Windows used when none are given: the event day ±1, the first week, two weeks. */
  public static final List<int[]> DEFAULT_WINDOWS =
      List.of(new int[] {-1, 1}, new int[] {0, 0}, new int[] {0, 5}, new int[] {0, 10});

  /** A window as written: {@code [from, to]}, the brackets optional. */
  private static final Pattern WINDOW =
      Pattern.compile("\\[?\\s*(-?\\d+)\\s*,\\s*(-?\\d+)\\s*\\]?");

  /**
   * Reads key {@code event_study} (optional) of {@code top}; without events the one event is the
   * outage, on the day of {@code outageStart}.
   */
  static EventStudyTerms read(
      ScenarioYaml yaml, Map<String, Object> top, LocalDateTime outageStart) {
    Map<String, Object> m = yaml.map(top, "event_study", false);
    List<Event> events = new ArrayList<>();
    List<int[]> windows = new ArrayList<>(DEFAULT_WINDOWS);
    if (m == null) {
      if (outageStart != null) {
        events.add(new Event("outage", outageStart.toLocalDate()));
      }
      return new EventStudyTerms(60, 5, events, windows, null, null);
    }
    int estimation =
        yaml.whole(
            yaml.number(m, "event_study.estimation_days", false),
            "event_study.estimation_days",
            10,
            60);
    int gap =
        yaml.whole(yaml.number(m, "event_study.gap_days", false), "event_study.gap_days", 0, 5);
    if (m.get("events") != null) {
      List<Map<String, Object>> rows = yaml.maps(m, "event_study.events");
      for (int i = 0; i < rows.size(); i++) {
        String key = "event_study.events[" + i + "]";
        String name = yaml.text(rows.get(i), key + ".name", true);
        LocalDate date = yaml.date(rows.get(i), key + ".date");
        if (name != null && date != null) {
          events.add(new Event(name, date));
        }
      }
    } else if (outageStart != null) {
      events.add(new Event("outage", outageStart.toLocalDate()));
    }
    if (m.get("windows") != null) {
      windows.clear();
      List<String> given = yaml.names(m, "event_study.windows");
      for (String w : given) {
        Matcher x = WINDOW.matcher(w);
        if (x.matches() && Integer.parseInt(x.group(1)) <= Integer.parseInt(x.group(2))) {
          windows.add(new int[] {Integer.parseInt(x.group(1)), Integer.parseInt(x.group(2))});
        } else {
          yaml.problem(
              "event_study.windows", "'" + w + "' is not a window [from, to] with from <= to");
        }
      }
    }
    Double shares = yaml.number(m, "event_study.shares_outstanding", false);
    if (shares != null && shares <= 0) {
      yaml.problem("event_study.shares_outstanding", "'" + shares + "' is not positive");
    }
    return new EventStudyTerms(
        estimation, gap, events, windows, shares, yaml.text(m, "event_study.currency", false));
  }
}

package dev.aftermath.scenario;

import java.time.LocalDate;
import java.util.List;

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
}

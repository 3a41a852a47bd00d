package dev.aftermath.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.Table;

/**
 * What a dated chart marks: the outage's days ({@code incident_timeline}, phase 0), shaded, and the
 * event study's events ({@code event_study}, each event's first day), each a dashed line with its
 * name. A run without those tables has no marks.
 */
record ChartMarks(
    LocalDate outageFrom, LocalDate outageTo, String outageLabel, List<Charts.Event> events) {

  static ChartMarks of(ResultTables tables, Map<String, String> msg) {
    LocalDate from = null;
    LocalDate to = null;
    if (tables.has("incident_timeline")) {
      Table t = tables.table("incident_timeline", "phase");
      int whole = Math.max(Rows.find(t, "phase", "0"), 0);
      if (t.rowCount() > 0) {
        from = LocalDate.parse(Rows.text(t, whole, "from").substring(0, 10));
        to = LocalDate.parse(Rows.text(t, whole, "to").substring(0, 10));
      }
    }
    Map<LocalDate, String> byDay = new TreeMap<>();
    if (tables.has("event_study")) {
      Table es = tables.table("event_study", "event_day, event");
      for (int i = 0; i < es.rowCount(); i++) {
        String day = Rows.text(es, i, "event_day");
        String event = Rows.text(es, i, "event");
        if (day.length() >= 10 && !"outage".equals(event)) {
          byDay.putIfAbsent(
              LocalDate.parse(day.substring(0, 10)), msg.getOrDefault("event." + event, event));
        }
      }
    }
    List<Charts.Event> events = new ArrayList<>();
    byDay.forEach((d, label) -> events.add(new Charts.Event(d, label)));
    return new ChartMarks(from, to, msg.get("event.outage"), events);
  }

  /** The events between {@code first} and {@code last} (inclusive): those a chart's dates reach. */
  List<Charts.Event> within(LocalDate first, LocalDate last) {
    return events.stream().filter(e -> !e.day().isBefore(first) && !e.day().isAfter(last)).toList();
  }
}

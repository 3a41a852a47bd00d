package dev.aftermath.company;

import dev.aftermath.scenario.EventStudyTerms;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of {@code event_study}: a {@code day} of an event's period (its returns and the running
 * cumulative abnormal return) or a {@code window} (its cumulative abnormal return, test and change
 * in market value), each with the event's market-model fit. Fields of the other kind are null.
 */
record EventStudyRow(
    String kind,
    String event,
    LocalDate eventDay,
    LocalDate date,
    Integer relativeDay,
    Integer windowFrom,
    Integer windowTo,
    Double ret,
    Double marketReturn,
    Double expectedReturn,
    Double abnormalReturn,
    Double car,
    Double carSd,
    Double t,
    Double p,
    Double marketValueChange,
    Double alpha,
    Double beta,
    Double sigma,
    String valueCurrency,
    Double carZeroAlpha,
    Double tZeroAlpha,
    Double pZeroAlpha,
    Double betaZeroAlpha) {

  /**
   * Per event in the terms: its days, then its windows; events the prices do not cover are left
   * out.
   */
  static List<EventStudyRow> of(List<EventStudy.Day> prices, EventStudyTerms terms) {
    List<EventStudyRow> rows = new ArrayList<>();
    List<EventStudyTerms.Event> events = new ArrayList<>(terms.events());
    events.sort(java.util.Comparator.comparing(EventStudyTerms.Event::date));
    for (int k = 0; k < events.size(); k++) {
      EventStudyTerms.Event e = events.get(k);
      EventStudy.Result res =
          EventStudy.run(
              prices,
              e.name(),
              e.date(),
              terms.estimationDays(),
              terms.gapDays(),
              terms.windows(),
              terms.sharesOutstanding(),
              k > 0 ? events.get(k - 1).date() : null,
              k + 1 < events.size() ? events.get(k + 1).date() : null);
      if (res == null) {
        continue;
      }
      for (EventStudy.DayResult d : res.days()) {
        rows.add(day(e.name(), res.fit(), d));
      }
      for (EventStudy.WindowResult w : res.windows()) {
        rows.add(window(e.name(), res.fit(), w, terms.currency()));
      }
    }
    return rows;
  }

  static EventStudyRow day(String event, EventStudy.Fit f, EventStudy.DayResult d) {
    return new EventStudyRow(
        "day",
        event,
        f.eventDay(),
        d.date(),
        d.relativeDay(),
        null,
        null,
        d.ret(),
        d.marketReturn(),
        d.expected(),
        d.abnormal(),
        d.car(),
        null,
        null,
        null,
        null,
        f.alpha(),
        f.beta(),
        Math.sqrt(f.sigma2()),
        null,
        d.carZeroAlpha(),
        null,
        null,
        f.betaZeroAlpha());
  }

  static EventStudyRow window(
      String event, EventStudy.Fit f, EventStudy.WindowResult w, String valueCurrency) {
    return new EventStudyRow(
        "window",
        event,
        f.eventDay(),
        w.start(),
        null,
        w.from(),
        w.to(),
        null,
        null,
        null,
        null,
        w.car(),
        Math.sqrt(w.variance()),
        w.t(),
        w.p(),
        w.valueChange(),
        f.alpha(),
        f.beta(),
        Math.sqrt(f.sigma2()),
        valueCurrency,
        w.carZeroAlpha(),
        w.tZeroAlpha(),
        w.pZeroAlpha(),
        f.betaZeroAlpha());
  }
}

package dev.aftermath.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartsTest {
  private static List<LocalDate> days(LocalDate from, int n) {
    List<LocalDate> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(from.plusDays(i));
    }
    return out;
  }

  @Test
  void aDailyChartHasDatesTheOutageShadedAndItsEventsNamed() {
    List<LocalDate> dates = days(LocalDate.of(2020, 2, 1), 60);
    double[] values = new double[60];
    for (int i = 0; i < values.length; i++) {
      values[i] = 100 + i;
    }
    String svg =
        Charts.daily(
            "t",
            "Daily revenue (CNY M)",
            dates,
            List.of("actual"),
            List.of(values),
            LocalDate.of(2020, 2, 23),
            LocalDate.of(2020, 3, 3),
            "Outage <shaded>",
            List.of(new Charts.Event(LocalDate.of(2020, 2, 28), "Compensation announced")),
            300);
    assertThat(svg).contains("2020-02-").contains("2020-03-");
    // the value axis' label is drawn rotated, as outlines rather than text
    assertThat(svg).contains("Outage &lt;shaded&gt;").doesNotContain("<shaded>");
    assertThat(svg).contains("Compensation announced");
  }

  @Test
  void chartMarksKeepOnlyTheEventsInsideAChartsDates() {
    ChartMarks marks =
        new ChartMarks(
            LocalDate.of(2020, 2, 23),
            LocalDate.of(2020, 3, 3),
            "Outage",
            List.of(
                new Charts.Event(LocalDate.of(2020, 1, 2), "before"),
                new Charts.Event(LocalDate.of(2020, 2, 28), "inside"),
                new Charts.Event(LocalDate.of(2020, 6, 1), "after")));
    assertThat(marks.within(LocalDate.of(2020, 2, 1), LocalDate.of(2020, 3, 31)))
        .extracting(Charts.Event::label)
        .containsExactly("inside");
  }

  @Test
  void aTornadoNamesEachSettingAndBothSides() {
    String svg =
        Charts.tornado(
            "t",
            "P90 exposure (CNY M)",
            List.of("defection.grace_days", "cash_plan.margin_rates"),
            3.0,
            List.of(2.5, 2.0),
            List.of(3.2, 4.1),
            "low setting",
            "high setting");
    assertThat(svg)
        .contains("defection.grace_days")
        .contains("cash_plan.margin_rates")
        .contains("low setting")
        .contains("high setting")
        .contains("P90 exposure (CNY M)");
  }

  @Test
  void barsWithIntervalsDrawOneIntervalPerCategoryThatHasOne() {
    String with =
        Charts.barsWithIntervals(
            "t", "x", List.of("a", "b"), List.of(1.0, 2.0), List.of(0.5, 1.5), List.of(1.5, 2.5));
    String without =
        Charts.barsWithIntervals(
            "t",
            "x",
            List.of("a", "b"),
            List.of(1.0, 2.0),
            List.of(Double.NaN, Double.NaN),
            List.of(Double.NaN, Double.NaN));
    // each interval is one more filled rectangle
    assertThat(count(with, "<rect")).isEqualTo(count(without, "<rect") + 2);
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}

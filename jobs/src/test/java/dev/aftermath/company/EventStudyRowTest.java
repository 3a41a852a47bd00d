package dev.aftermath.company;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EventStudyRowTest {
  private static final LocalDate EVENT_DAY = LocalDate.of(2024, 3, 1);
  private static final EventStudy.Fit FIT =
      new EventStudy.Fit("outage", EVENT_DAY, 0.001, 1.2, 0.0625, 80, 1.1, 0.07);

  @Test
  void aDayRowCarriesReturnsAndTheFitButNoWindowFigures() {
    EventStudyRow r =
        EventStudyRow.day(
            "outage",
            FIT,
            new EventStudy.DayResult(
                "outage", EVENT_DAY.plusDays(1), 1, -0.05, 0.01, 0.013, -0.063, -0.07, -0.06));

    assertThat(r.kind()).isEqualTo("day");
    assertThat(r.eventDay()).isEqualTo(EVENT_DAY);
    assertThat(r.date()).isEqualTo(EVENT_DAY.plusDays(1));
    assertThat(r.relativeDay()).isEqualTo(1);
    assertThat(r.abnormalReturn()).isEqualTo(-0.063);
    assertThat(r.car()).isEqualTo(-0.07);
    assertThat(r.sigma()).isEqualTo(0.25); // √0.0625
    assertThat(r.windowFrom()).isNull();
    assertThat(r.carSd()).isNull();
    assertThat(r.marketValueChange()).isNull();
    assertThat(r.valueCurrency()).isNull();
  }

  @Test
  void aWindowRowCarriesItsTestAndValueChangeButNoDailyReturns() {
    EventStudyRow r =
        EventStudyRow.window(
            "outage",
            FIT,
            new EventStudy.WindowResult(
                "outage",
                0,
                5,
                -0.12,
                0.0625,
                -4.0,
                0.0001,
                -3.0e8,
                EVENT_DAY,
                EVENT_DAY.plusDays(7),
                -0.10,
                -3.5,
                0.0008),
            "EUR");

    assertThat(r.kind()).isEqualTo("window");
    assertThat(r.date()).isEqualTo(EVENT_DAY); // the window's first day
    assertThat(r.windowFrom()).isEqualTo(0);
    assertThat(r.windowTo()).isEqualTo(5);
    assertThat(r.carSd()).isEqualTo(0.25); // √0.0625
    assertThat(r.t()).isEqualTo(-4.0);
    assertThat(r.marketValueChange()).isEqualTo(-3.0e8);
    assertThat(r.valueCurrency()).isEqualTo("EUR");
    assertThat(r.carZeroAlpha()).isEqualTo(-0.10);
    assertThat(r.tZeroAlpha()).isEqualTo(-3.5);
    assertThat(r.betaZeroAlpha()).isEqualTo(1.1);
    assertThat(r.relativeDay()).isNull();
    assertThat(r.ret()).isNull();
  }
}

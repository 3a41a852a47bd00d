package dev.aftermath.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChurnRatesTest {
  private static final LocalDate START = LocalDate.of(2024, 1, 1);
  private static final LocalDate OUTAGE = LocalDate.of(2024, 3, 1);
  private static final LocalDate END = LocalDate.of(2024, 4, 1); // exclusive

  private static MerchantOutcome onPlatform(LocalDate signup, LocalDate left) {
    return new MerchantOutcome("m", "cash", 0, 0, 0, 0, signup, left, false);
  }

  @Test
  void countsLeaversAndMerchantDaysOnEachSideOfTheOutage() {
    ChurnRates c =
        ChurnRates.of(
            List.of(
                // there throughout: 60 days before (2024 is a leap year), 31 after
                onPlatform(null, null),
                // joined and left before: Feb 1 to Feb 10 inclusive, 10 days
                onPlatform(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 10)),
                // left after: 60 days before, Mar 1 to Mar 5 inclusive after
                onPlatform(LocalDate.of(2023, 6, 1), LocalDate.of(2024, 3, 5)),
                // joined after: Mar 20 to Mar 31, 12 days
                onPlatform(LocalDate.of(2024, 3, 20), null),
                // left before the history starts: neither a leaver nor a day
                onPlatform(null, LocalDate.of(2023, 12, 31))),
            START,
            OUTAGE,
            END);

    assertThat(c.before()).isEqualTo(new ChurnRates.Period(1, 130));
    assertThat(c.after()).isEqualTo(new ChurnRates.Period(1, 48));
    // one leaver per 130 / 30.4375 merchant-months, one per 48 / 30.4375
    assertThat(c.before().ratePerMonth()).isCloseTo(30.4375 / 130, within(1e-15));
    assertThat(c.after().ratePerMonth()).isCloseTo(30.4375 / 48, within(1e-15));
  }

  @Test
  void aMerchantLeavingOnTheOutageDayLeavesAfterIt() {
    ChurnRates c = ChurnRates.of(List.of(onPlatform(null, OUTAGE)), START, OUTAGE, END);

    assertThat(c.before()).isEqualTo(new ChurnRates.Period(0, 60));
    assertThat(c.after()).isEqualTo(new ChurnRates.Period(1, 1));
  }

  @Test
  void hasNoRateForAPeriodNoMerchantSpentADayIn() {
    ChurnRates c = ChurnRates.of(List.of(), START, OUTAGE, END);

    assertThat(c.before().ratePerMonth()).isNull();
    assertThat(c.after().ratePerMonth()).isNull();
  }
}

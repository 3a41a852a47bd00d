package dev.aftermath.company;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevenueAtRiskTest {
  private static final LocalDate OUTAGE = LocalDate.of(2024, 3, 1);

  private static MerchantOutcome merchant(double fee, LocalDate left, boolean migrationSignal) {
    return new MerchantOutcome("m", "cash", 0, 0, 0, fee, null, left, migrationSignal);
  }

  @Test
  void countsMerchantsLeavingFromTheOutageOnOrSignallingMigrationWithTheirFeesOverTheHorizon() {
    RevenueAtRisk r =
        RevenueAtRisk.of(
            List.of(
                merchant(10, null, false), // stays, no signal
                merchant(20, LocalDate.of(2024, 2, 10), false), // left before the outage
                merchant(30, LocalDate.of(2024, 3, 5), false), // left after: 30 × 12
                merchant(15, null, true), // stays but signalled migration: 15 × 12
                merchant(5, OUTAGE, false)), // left on the outage's first day: 5 × 12
            OUTAGE,
            12);

    assertThat(r).isEqualTo(new RevenueAtRisk(3, 600));
  }
}

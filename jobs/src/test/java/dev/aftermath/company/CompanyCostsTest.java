package dev.aftermath.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompanyCostsTest {
  private static MerchantOutcome chose(
      String scheme, double payout, double impressionsValue, double extensionValue) {
    return new MerchantOutcome(
        "m", scheme, payout, impressionsValue, extensionValue, 0, null, null, false);
  }

  // two merchants take cash, two traffic (one with impressions), one an SLA credit
  private static final List<MerchantOutcome> MERCHANTS =
      List.of(
          chose("cash", 100.5, 0, 0),
          chose("traffic", 50, 30, 20),
          chose("cash", 200, 0, 0),
          chose("traffic", 10, 0, 10),
          chose("sla_credit", 7.25, 0, 0));

  @Test
  void costsEachChoiceByWhoPaysAndWhatIsGiven() {
    CompanyCosts c = CompanyCosts.of(MERCHANTS, 5000, 2.0);

    assertThat(c.cashPaid()).isEqualTo(300.5);
    // only the merchant whose plan was worth impressions is granted them: 5 thousand at 2.0
    assertThat(c.impressionsGranted()).isEqualTo(5000);
    assertThat(c.impressionCost()).isEqualTo(10);
    // free months are costed at the merchants' extension value, not their chosen payout
    assertThat(c.freeMonths()).isEqualTo(30);
    assertThat(c.otherSchemes()).isEqualTo(7.25);
    assertThat(c.total()).isEqualTo(347.75);
  }

  @Test
  void countsAndValuesChoicesPerSchemeInSchemeOrder() {
    CompanyCosts c = CompanyCosts.of(MERCHANTS, 5000, 2.0);

    assertThat(c.byScheme())
        .containsExactly(
            java.util.Map.entry("cash", new CompanyCosts.SchemeChoice(2, 300.5)),
            java.util.Map.entry("sla_credit", new CompanyCosts.SchemeChoice(1, 7.25)),
            java.util.Map.entry("traffic", new CompanyCosts.SchemeChoice(2, 60)));
  }

  @Test
  void splitsTheCostWithinTheFundProRataAndReportsWhatExceedsIt() {
    CompanyCosts c = CompanyCosts.of(MERCHANTS, 5000, 2.0);

    // 347.75 against a fund of 300 paid 3:1 by the company and management
    assertThat(c.split(300, 3, 1)).isEqualTo(new CompanyCosts.FundSplit(225, 75, 47.75));
    assertThat(c.split(1000, 1, 1)).isEqualTo(new CompanyCosts.FundSplit(173.875, 173.875, 0));
    assertThat(c.shareOf(1000)).isCloseTo(0.34775, within(1e-15));
  }

  @Test
  void noMerchantsCostNothing() {
    CompanyCosts c = CompanyCosts.of(List.of(), 5000, 2.0);

    assertThat(c.byScheme()).isEmpty();
    assertThat(c.total()).isZero();
  }
}

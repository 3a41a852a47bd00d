package dev.aftermath.reports;

import tech.tablesaw.api.Table;

/**
 * How much of the platform the case holds: its merchants against the platform's ({@code
 * platform.merchants} of the scenario). Where the case is a sample, comparisons with the fund and
 * with company-wide figures use the fund scaled by this share (the fund × merchants in the case ÷
 * merchants on the platform), and say so; where the scenario does not say, or the case holds them
 * all, the whole fund.
 *
 * @param inCase merchants in the case ({@code merchants})
 * @param onPlatform merchants on the platform; NaN when the scenario does not say
 * @param fund the compensation fund ({@code fund.total}); NaN when there is none
 */
record CaseShare(double inCase, double onPlatform, double fund) {
  static CaseShare of(ResultTables tables, Settings settings) {
    double inCase = tables.has("merchants") ? tables.table("merchants").rowCount() : Double.NaN;
    return new CaseShare(
        inCase, settings.number("platform.merchants"), settings.number("fund.total"));
  }

  /** Whether the case is a sample of a larger platform. */
  boolean sample() {
    return !Double.isNaN(onPlatform) && inCase < onPlatform;
  }

  /** The case's share of the platform's merchants; 1 when it is not a sample. */
  double share() {
    return sample() ? inCase / onPlatform : 1;
  }

  /** The fund scaled to the case (the whole fund when the case is not a sample). */
  double caseFund() {
    return fund * share();
  }

  /**
   * P(total exposure > x) read off one regime's loss exceedance curve ({@code loss_exceedance}:
   * regime, x, probability, ascending in x), linear between its points; 0 beyond the last point,
   * NaN when the regime has no curve.
   */
  static double exceedance(Table curve, String regime, double x) {
    double prevX = Double.NaN;
    double prevP = Double.NaN;
    boolean any = false;
    for (int i = 0; i < curve.rowCount(); i++) {
      if (!regime.equals(Rows.text(curve, i, "regime"))) {
        continue;
      }
      any = true;
      double cx = Rows.num(curve, i, "x");
      double cp = Rows.num(curve, i, "probability");
      if (x <= cx) {
        if (Double.isNaN(prevX) || cx == prevX) {
          return cp;
        }
        return prevP + (cp - prevP) * (x - prevX) / (cx - prevX);
      }
      prevX = cx;
      prevP = cp;
    }
    return any ? 0 : Double.NaN;
  }
}

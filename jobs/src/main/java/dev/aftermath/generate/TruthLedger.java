package dev.aftermath.generate;

/**
 * One merchant's planted truth, added up while its customers are simulated: revenue of the impact
 * period with and without the outage (realized and expected), and the customers and members the
 * outage reached.
 */
final class TruthLedger {
  // revenue of the impact period: [0] in the outage window, [1] after it
  private final double[] expectedNo = new double[2];
  private final double[] expectedActual = new double[2];
  private final long[] realizedNo = new long[2];
  private final long[] actual = new long[2];

  private long active;
  private long defected;
  private long members;
  private long membersLost;
  private double balanceLost;
  private double pointsLost;

  /** Counts a customer alive at the outage, and whether it defected. */
  void customer(boolean aliveAtOutage, boolean defectedByOutage) {
    if (aliveAtOutage) {
      active++;
    }
    if (defectedByOutage) {
      defected++;
    }
  }

  /** Counts a member, and what it lost if its data was not recovered. */
  void member(long balanceCents, long points, boolean recovered) {
    members++;
    if (!recovered) {
      membersLost++;
      balanceLost += balanceCents / 100.0;
      pointsLost += points;
    }
  }

  /**
   * Adds {@code scale} times the purchase intensity from {@code lo} to {@code hi}, split at {@code
   * split}; the outage's share only if the customer did not defect.
   */
  void expected(
      DemandPath demand,
      double lo,
      double hi,
      double split,
      double scale,
      boolean defectedByOutage) {
    if (hi <= lo) {
      return;
    }
    double mid = Math.min(Math.max(split, lo), hi);
    expectedNo[0] += scale * (demand.normal(mid) - demand.normal(lo));
    expectedNo[1] += scale * (demand.normal(hi) - demand.normal(mid));
    if (!defectedByOutage) {
      expectedActual[0] += scale * (demand.actual(mid) - demand.actual(lo));
      expectedActual[1] += scale * (demand.actual(hi) - demand.actual(mid));
    }
  }

  /** Adds the expected revenue of one purchase at {@code t}, without and with the outage. */
  void expectedPoint(double t, double split, double noOutage, double withOutage) {
    int i = t < split ? 0 : 1;
    expectedNo[i] += noOutage;
    expectedActual[i] += withOutage;
  }

  /** Adds a purchase's revenue at {@code t}, to the actual revenue too if the order was kept. */
  void realized(double t, double split, long revenue, boolean kept) {
    int i = t < split ? 0 : 1;
    realizedNo[i] += revenue;
    if (kept) {
      actual[i] += revenue;
    }
  }

  MerchantTruth truth(MerchantProfile p, Timeline tl, MerchantWindow w) {
    double impS = w.impactStart();
    double impE = w.impactEnd();
    return new MerchantTruth(
        p.merchantId(),
        p.industry().code(),
        p.isNew(),
        p.fastGrower(),
        p.growthFactor(),
        p.covidSensitivity(),
        p.recoveredPct(),
        p.leftBecauseOfOutage(),
        tl.time(impS),
        tl.time(Math.max(impS, impE)),
        expectedNo[0] + expectedNo[1],
        expectedActual[0] + expectedActual[1],
        (realizedNo[0] + realizedNo[1]) / 100.0,
        (actual[0] + actual[1]) / 100.0,
        (realizedNo[0] - actual[0]) / 100.0,
        (realizedNo[1] - actual[1]) / 100.0,
        expectedNo[0] - expectedActual[0],
        expectedNo[1] - expectedActual[1],
        active,
        defected,
        members,
        membersLost,
        balanceLost,
        pointsLost);
  }
}

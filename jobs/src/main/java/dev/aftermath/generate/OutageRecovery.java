package dev.aftermath.generate;

/**
 * The outage's shock and the recovery after it, for one merchant: the share of normal sales it can
 * make at an hour, by outage phase, then along a recovery tail that is deeper where less data came
 * back.
 */
final class OutageRecovery {
  /** Recovery tail: demand is 1 − δ·exp(−t/τ) after the outage, δ larger where data was lost. */
  static final double TAIL_DAYS = 10;

  private final Timeline tl;
  private final MerchantProfile p;

  /** Share of the merchant's data recovered, 0 to 1. */
  private final double rec;

  OutageRecovery(Timeline tl, MerchantProfile p) {
    this.tl = tl;
    this.p = p;
    this.rec = p.recoveredPct() / 100;
  }

  /**
   * Share of normal sales possible at {@code hour}: the outage by phase, then the recovery tail.
   */
  double availability(double hour) {
    if (hour < tl.outageStart) {
      return 1;
    }
    if (hour < tl.outageEnd) {
      int phase = tl.phase(hour);
      if (p.isNew()) {
        return phase <= 0 ? 0 : 1; // new merchants were served from the second phase on
      }
      return switch (phase) {
        case 1 ->
            p.baseDailyOrders() > 50 ? 0.6 : 0.3; // transition accounts; large shops back sooner
        case 2 -> 0.5 + 0.4 * rec; // logged in again, data partly restored
        default -> 0; // total outage (or no phases given)
      };
    }
    if (p.isNew()) {
      return 1;
    }
    double depth = 0.2 + 0.4 * (1 - rec);
    double tail = 1 - depth * Math.exp(-(hour - tl.outageEnd) / (TAIL_DAYS * 24));
    return rec == 0 ? 0.5 * tail : tail; // no data back: the shop barely works until it leaves
  }
}

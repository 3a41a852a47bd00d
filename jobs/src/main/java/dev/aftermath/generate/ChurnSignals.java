package dev.aftermath.generate;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The churn signals of one merchant and its customers (refund requests, member cancellations,
 * complaints, data exports, competitor migrations, contract cancellations), drawn from the
 * merchant's signal stream. A signal is kept only while the merchant is observed.
 */
final class ChurnSignals {
  private final List<SimRecords.Signal> out = new ArrayList<>();
  private final Timeline tl;
  private final UniformRandomProvider sig;
  private final MerchantProfile p;
  private final MerchantWindow window;

  /** Share of the merchant's data recovered, 0 to 1. */
  private final double rec;

  ChurnSignals(Timeline tl, UniformRandomProvider sig, MerchantProfile p, MerchantWindow window) {
    this.tl = tl;
    this.sig = sig;
    this.p = p;
    this.window = window;
    this.rec = p.recoveredPct() / 100;
  }

  List<SimRecords.Signal> signals() {
    return out;
  }

  /** A registered customer's refunded order at {@code t}: half ask within three days. */
  void orderRefunded(double t, String customerId, long amountCents) {
    if (sig.nextDouble() < 0.5) {
      add(
          t + sig.nextDouble() * 72,
          window.observedEnd(),
          customerId,
          "refund_request",
          amountCents);
    }
  }

  /** A customer's own signals: member cancellation, complaint and refund request at the outage. */
  void customer(MerchantRun.Traits c, MerchantRun.OutageFate f) {
    if (c.guest()) {
      return;
    }
    double s = tl.outageStart;
    double e = tl.outageEnd;
    double obsEnd = window.observedEnd();
    String customerId = c.customerId();
    boolean member = f.member();
    boolean defected = f.defected();
    boolean alive = f.alive();
    double death = c.death();
    long balance = f.balanceCents();
    if (member && defected && sig.nextDouble() < 0.6) {
      add(s + sig.nextDouble() * 20 * 24, obsEnd, customerId, "member_cancel", balance);
    } else if (member
        && !defected
        && death >= window.signup()
        && death < obsEnd
        && sig.nextDouble() < 0.1) {
      add(death, obsEnd, customerId, "member_cancel", balance);
    }
    if (alive && sig.nextDouble() < 0.004 + 0.02 * (1 - rec)) {
      add(s + sig.nextDouble() * (e - s + 7 * 24), obsEnd, customerId, "complaint", null);
    }
    if (alive && sig.nextDouble() < 0.02 + 0.05 * (1 - rec)) {
      add(s + sig.nextDouble() * (e - s), obsEnd, customerId, "refund_request", null);
    }
  }

  /** The merchant's own signals: complaints, data export, migration and contract cancellation. */
  void merchant() {
    double s = tl.outageStart;
    double e = tl.outageEnd;
    double from = window.signup();
    double limit = Math.min(tl.hours, window.observedEnd() + 24);
    if (s > from && sig.nextDouble() < 0.03) {
      add(from + sig.nextDouble() * (s - from), limit, null, "complaint", null);
    }
    if (window.onPlatformAtOutage() && sig.nextDouble() < 0.15 + 0.6 * (1 - rec)) {
      int n = 1 + sig.nextInt(3);
      for (int i = 0; i < n; i++) {
        add(s + sig.nextDouble() * (e - s + 240), limit, null, "complaint", null);
      }
    }
    if (p.leftPlatformAt() != null) {
      double left = tl.hourOf(p.leftPlatformAt());
      if (p.leftBecauseOfOutage()) {
        if (sig.nextDouble() < 0.8) {
          add(left - (1 + 5 * sig.nextDouble()) * 24, limit, null, "data_export", null);
        }
        if (sig.nextDouble() < 0.7) {
          add(left - sig.nextDouble() * 72, limit, null, "competitor_migration", null);
        }
      } else if (sig.nextDouble() < 0.3) {
        add(left - sig.nextDouble() * 72, limit, null, "competitor_migration", null);
      }
      add(left + 10, limit, null, "contract_cancel", null);
    } else if (!p.isNew() && sig.nextDouble() < 0.04) {
      add(e + sig.nextDouble() * (tl.hours - e), limit, null, "data_export", null);
    }
  }

  private void add(double hour, double limit, String customerId, String signal, Number valueCents) {
    if (hour >= 0 && hour < limit) {
      out.add(
          new SimRecords.Signal(
              tl.time(hour),
              p.merchantId(),
              customerId,
              signal,
              valueCents == null ? null : valueCents.longValue()));
    }
  }
}

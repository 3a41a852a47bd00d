package dev.aftermath.generate;

import dev.aftermath.scenario.Scenario;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;

/**
 * Simulates one merchant's customers and orders, with and without the outage, from the same random
 * numbers. Customers follow the assumptions of buy-till-you-die models (Fader, Hardie & Lee 2005):
 * each has a Poisson purchase rate λ ~ Gamma(r, α) scaled by the day's demand, an exponential
 * lifetime, and a spend level ν ~ Gamma(q, γ) with each purchase's amount ~ Gamma(p, ν) (the
 * Gamma-Gamma model). Demand moves with the industry's COVID curve, the weekday and hour, the
 * merchant's trend and any growth spurt. The outage removes purchases while the merchant is
 * unavailable (by phase), leaves a recovery tail, and makes some customers defect for good.
 */
final class MerchantSimulator implements Serializable {
  static final double P_PAID = 0.95;
  static final double P_REFUNDED = 0.035;
  static final double RATE_SHAPE = 0.9;
  static final double SPEND_P = 6;
  static final double SPEND_Q = 4;
  static final double GUEST_SHARE = 0.06;

  /** Recovery tail: demand is 1 − δ·exp(−t/τ) after the outage, δ larger where data was lost. */
  static final double TAIL_DAYS = 10;

  private final long seed;
  private final Timeline timeline;
  private final boolean textFormat;

  /** Start of the defection stage's return window, in hours: restoration day + grace days. */
  private final double returnWindowStart;

  MerchantSimulator(long seed, Scenario scenario, boolean textFormat) {
    this.seed = seed;
    this.timeline = new Timeline(scenario);
    this.textFormat = textFormat;
    this.returnWindowStart =
        timeline.hourOf(
            scenario.outage().end().toLocalDate().plusDays(scenario.defection().graceDays()));
  }

  Timeline timeline() {
    return timeline;
  }

  /** Probability that an existing customer alive at the outage defects because of it. */
  static double defectionProbability(
      double recoveredShare, Industry industry, boolean memberDataLost) {
    return Math.min(
        0.9,
        0.03 + 0.35 * (1 - recoveredShare) + industry.defectionExtra + (memberDataLost ? 0.10 : 0));
  }

  MerchantOutcome simulate(MerchantProfile p) {
    Timeline tl = timeline;
    Industry ind = p.industry();
    UniformRandomProvider rng = Rngs.of(seed, Rngs.SALES, p.index());
    UniformRandomProvider fate = Rngs.of(seed, Rngs.DEFECTS, p.index());
    UniformRandomProvider sig = Rngs.of(seed, Rngs.SIGNALS, p.index());
    UniformRandomProvider badRng = Rngs.of(seed, Rngs.BAD_ROWS, p.index());
    ContinuousSampler rateGamma = AhrensDieterMarsagliaTsangGammaSampler.of(rng, RATE_SHAPE, 1);
    ContinuousSampler spendLevelGamma = AhrensDieterMarsagliaTsangGammaSampler.of(rng, SPEND_Q, 1);
    ContinuousSampler amountGamma = AhrensDieterMarsagliaTsangGammaSampler.of(rng, SPEND_P, 1);
    ContinuousSampler balanceGamma = AhrensDieterMarsagliaTsangGammaSampler.of(fate, 1.2, 1);

    int hours = tl.hours;
    double rec = p.recoveredPct() / 100;
    double s = tl.outageStart;
    double e = tl.outageEnd;
    double signupHour = Math.max(0, tl.hourOf(p.signupDate()));
    double obsEnd =
        p.leftPlatformAt() == null
            ? hours
            : Math.min(hours, tl.hourOf(p.leftPlatformAt().plusDays(1)));
    double impS = Math.max(s, signupHour);
    double impE = obsEnd;

    // demand per hour, its running sums without and with the outage
    double[] day = new double[tl.days()];
    // new customers arrive with the industry's demand and the merchant's trend; a growth spurt is
    // existing customers buying more often (community group-buying in the lockdown), not arrivals
    double[] arrivals = new double[tl.days()];
    for (int d = 0; d < day.length; d++) {
      LocalDate date = tl.day(d);
      // the merchant feels its industry's shock to the power of its sensitivity
      double covid = Math.pow(ind.covid().at(date), p.covidSensitivity());
      double growth =
          p.growthFactor() <= 1
              ? 1
              : 1 + (p.growthFactor() - 1) / (1 + Math.exp(-(d - p.growthMidDay()) / 4.0));
      arrivals[d] =
          covid * ind.weekday(date.getDayOfWeek()) * Math.exp(p.annualTrend() * d / 365.0);
      day[d] = arrivals[d] * growth;
    }
    double[] cum = new double[hours + 1];
    double[] cumActual = new double[hours + 1];
    double[] avail = new double[hours];
    for (int h = 0; h < hours; h++) {
      double rate = day[h / 24] * ind.hourShare(h % 24);
      avail[h] = availability(p, h + 0.5, rec);
      cum[h + 1] = cum[h] + rate;
      cumActual[h + 1] = cumActual[h] + rate * avail[h];
    }

    double mu = 1 / ind.purchaseIntervalDays;
    double pool = p.baseDailyOrders() / mu;
    double lifetimeHours = ind.lifetimeDays * 24;
    double spendScale = ind.ticket * (SPEND_Q - 1) / SPEND_P;
    double netShare = P_PAID / (1 + ind.vatRate);
    boolean onPlatformAtOutage =
        !p.isNew() && (p.leftPlatformAt() == null || tl.hourOf(p.leftPlatformAt().plusDays(1)) > s);

    // customers: those already there when the merchant's window opens, then arrivals by day
    List<double[]> starts = new ArrayList<>();
    int initial = poisson(rng, p.isNew() ? 0.5 * pool : pool);
    for (int i = 0; i < initial; i++) {
      starts.add(new double[] {signupHour, 0});
    }
    for (int d = (int) (signupHour / 24); d < day.length; d++) {
      int n = poisson(rng, pool / ind.lifetimeDays * arrivals[d]);
      for (int i = 0; i < n; i++) {
        double h = d * 24 + sampleHour(rng, ind) + rng.nextDouble();
        if (h >= signupHour) {
          starts.add(new double[] {h, 1});
        }
      }
    }

    List<SimRecords.Order> orders = new ArrayList<>();
    List<SimRecords.Customer> customers = new ArrayList<>(starts.size());
    List<SimRecords.Member> members = new ArrayList<>();
    List<SimRecords.Signal> signals = new ArrayList<>();
    Sums sums = new Sums();
    String prefix = p.merchantId().substring(1);
    long orderSeq = 0;
    long active = 0;
    long defectedCount = 0;
    long memberCount = 0;
    long membersLost = 0;
    double balanceLost = 0;
    double pointsLost = 0;
    BadRows.Kind[] badKinds = BadRows.badKinds(textFormat);

    for (int ci = 0; ci < starts.size(); ci++) {
      double arrival = starts.get(ci)[0];
      boolean firstPurchase = starts.get(ci)[1] > 0;
      double death = arrival + exponential(rng) * lifetimeHours;
      double lambda = rateGamma.sample() * mu / RATE_SHAPE;
      double nu = spendLevelGamma.sample() / spendScale;
      boolean guest = rng.nextDouble() < GUEST_SHARE;
      String customerId = (guest ? "G" : "C") + prefix + "-" + Integer.toString(ci, 36);

      // fate at the outage: membership, data loss, defection
      boolean before = arrival < s && !p.isNew();
      boolean member = before && !guest && fate.nextDouble() < ind.memberShare;
      long balance = 0;
      long points = 0;
      boolean recovered = true;
      if (member) {
        balance =
            fate.nextDouble() < ind.storedValueShare
                ? Math.round(balanceGamma.sample() / 1.2 * ind.storedValueMean * 100)
                : 0;
        points = Math.round(exponential(fate) * 300);
        recovered = fate.nextDouble() * 100 < p.recoveredPct();
        memberCount++;
        if (!recovered) {
          membersLost++;
          balanceLost += balance / 100.0;
          pointsLost += points;
        }
        members.add(new SimRecords.Member(p.merchantId(), customerId, balance, points, recovered));
      }
      boolean alive = before && onPlatformAtOutage && death > s;
      boolean defected =
          alive && fate.nextDouble() < defectionProbability(rec, ind, member && !recovered);
      if (alive) {
        active++;
      }
      if (defected) {
        defectedCount++;
      }
      double meanSpend = SPEND_P / nu;
      customers.add(
          new SimRecords.Customer(
              p.merchantId(),
              customerId,
              guest,
              tl.time(arrival),
              tl.time(Math.min(death, hours)),
              alive,
              defected,
              member,
              lambda,
              meanSpend,
              windowNoPurchase(cumActual, lambda, Math.min(death, obsEnd))));

      // expected revenue given this customer, with purchase timing integrated out
      double eRev = meanSpend * netShare;
      double end = Math.min(death, hours);
      sums.expected(
          cum,
          cumActual,
          Math.max(arrival, impS),
          Math.min(end, impE),
          e,
          lambda * eRev,
          defected,
          s);
      if (firstPurchase && arrival >= impS && arrival < impE) {
        double a = defected ? 0 : avail[(int) arrival];
        sums.expectedPoint(arrival, e, eRev, eRev * a);
      }

      // purchases: the first at arrival, then the inverse of the cumulative intensity
      double t = arrival;
      double level = value(cum, arrival);
      double last = value(cum, end);
      boolean first = firstPurchase;
      while (true) {
        if (first) {
          first = false;
          if (t >= hours) {
            break;
          }
        } else {
          level += exponential(rng) / lambda;
          if (level >= last) {
            break;
          }
          t = invert(cum, level);
        }
        long amount = Math.max(1, Math.round(amountGamma.sample() / nu * 100));
        long tax = Math.round(amount * ind.vatRate / (1 + ind.vatRate));
        double u = rng.nextDouble();
        String status = u < P_PAID ? "PAID" : u < P_PAID + P_REFUNDED ? "REFUNDED" : "CANCELLED";
        long revenue = "PAID".equals(status) ? amount - tax : 0;
        boolean keep =
            t >= signupHour
                && t < obsEnd
                && (t < s || !defected && rng.nextDouble() < avail[(int) t]);
        if (t >= impS && t < impE) {
          sums.realized(t, e, revenue, keep);
        }
        if (!keep) {
          continue;
        }
        SimRecords.Order order =
            new SimRecords.Order(
                p.merchantId() + "-" + Long.toString(orderSeq++, 36),
                p.merchantId(),
                guest ? null : customerId,
                tl.time(t),
                amount,
                tax,
                status,
                null);
        orders.add(order);
        double b = badRng.nextDouble();
        if (b < BadRows.DUPLICATE_RATE) {
          orders.add(
              new SimRecords.Order(
                  order.orderId(),
                  order.merchantId(),
                  order.customerId(),
                  order.createdAt(),
                  amount,
                  tax,
                  status,
                  BadRows.Kind.DUPLICATE));
        } else if (b < BadRows.DUPLICATE_RATE + BadRows.BAD_RATE) {
          orders.add(BadRows.corrupt(order, badKinds[badRng.nextInt(badKinds.length)]));
        }
        if ("REFUNDED".equals(status) && !guest && sig.nextDouble() < 0.5) {
          addSignal(
              signals,
              tl,
              t + sig.nextDouble() * 72,
              obsEnd,
              p,
              customerId,
              "refund_request",
              amount);
        }
      }
      customerSignals(
          signals,
          tl,
          sig,
          p,
          customerId,
          guest,
          member,
          balance,
          alive,
          defected,
          death,
          signupHour,
          obsEnd,
          rec);
    }
    merchantSignals(signals, tl, sig, p, signupHour, obsEnd, rec, onPlatformAtOutage);

    MerchantTruth truth =
        new MerchantTruth(
            p.merchantId(),
            ind.code(),
            p.isNew(),
            p.fastGrower(),
            p.growthFactor(),
            p.covidSensitivity(),
            p.recoveredPct(),
            p.leftBecauseOfOutage(),
            tl.time(impS),
            tl.time(Math.max(impS, impE)),
            sums.expectedNo[0] + sums.expectedNo[1],
            sums.expectedActual[0] + sums.expectedActual[1],
            (sums.realizedNo[0] + sums.realizedNo[1]) / 100.0,
            (sums.actual[0] + sums.actual[1]) / 100.0,
            (sums.realizedNo[0] - sums.actual[0]) / 100.0,
            (sums.realizedNo[1] - sums.actual[1]) / 100.0,
            sums.expectedNo[0] - sums.expectedActual[0],
            sums.expectedNo[1] - sums.expectedActual[1],
            active,
            defectedCount,
            memberCount,
            membersLost,
            balanceLost,
            pointsLost);
    return new MerchantOutcome(orders, customers, members, signals, truth);
  }

  /**
   * Probability that the customer, had it not defected, places no PAID order in the return window
   * (from {@link #returnWindowStart} to the end of its life or of the merchant's observation),
   * given its purchase rate and the shop's availability: the best any estimator from non-return
   * could know.
   */
  private double windowNoPurchase(double[] cumActual, double lambda, double end) {
    if (end <= returnWindowStart) {
      return 1;
    }
    return Math.exp(
        -lambda * P_PAID * (value(cumActual, end) - value(cumActual, returnWindowStart)));
  }

  /**
   * Share of normal sales possible at {@code hour}: the outage by phase, then the recovery tail.
   */
  private double availability(MerchantProfile p, double hour, double rec) {
    Timeline tl = timeline;
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

  private void customerSignals(
      List<SimRecords.Signal> out,
      Timeline tl,
      UniformRandomProvider sig,
      MerchantProfile p,
      String customerId,
      boolean guest,
      boolean member,
      long balance,
      boolean alive,
      boolean defected,
      double death,
      double from,
      double obsEnd,
      double rec) {
    if (guest) {
      return;
    }
    double s = tl.outageStart;
    double e = tl.outageEnd;
    if (member && defected && sig.nextDouble() < 0.6) {
      addSignal(
          out, tl, s + sig.nextDouble() * 20 * 24, obsEnd, p, customerId, "member_cancel", balance);
    } else if (member && !defected && death >= from && death < obsEnd && sig.nextDouble() < 0.1) {
      addSignal(out, tl, death, obsEnd, p, customerId, "member_cancel", balance);
    }
    if (alive && sig.nextDouble() < 0.004 + 0.02 * (1 - rec)) {
      addSignal(
          out,
          tl,
          s + sig.nextDouble() * (e - s + 7 * 24),
          obsEnd,
          p,
          customerId,
          "complaint",
          null);
    }
    if (alive && sig.nextDouble() < 0.02 + 0.05 * (1 - rec)) {
      addSignal(
          out, tl, s + sig.nextDouble() * (e - s), obsEnd, p, customerId, "refund_request", null);
    }
  }

  private void merchantSignals(
      List<SimRecords.Signal> out,
      Timeline tl,
      UniformRandomProvider sig,
      MerchantProfile p,
      double from,
      double obsEnd,
      double rec,
      boolean onPlatformAtOutage) {
    double s = tl.outageStart;
    double e = tl.outageEnd;
    double limit = Math.min(tl.hours, obsEnd + 24);
    if (s > from && sig.nextDouble() < 0.03) {
      addSignal(out, tl, from + sig.nextDouble() * (s - from), limit, p, null, "complaint", null);
    }
    if (onPlatformAtOutage && sig.nextDouble() < 0.15 + 0.6 * (1 - rec)) {
      int n = 1 + sig.nextInt(3);
      for (int i = 0; i < n; i++) {
        addSignal(out, tl, s + sig.nextDouble() * (e - s + 240), limit, p, null, "complaint", null);
      }
    }
    if (p.leftPlatformAt() != null) {
      double left = tl.hourOf(p.leftPlatformAt());
      if (p.leftBecauseOfOutage()) {
        if (sig.nextDouble() < 0.8) {
          addSignal(
              out, tl, left - (1 + 5 * sig.nextDouble()) * 24, limit, p, null, "data_export", null);
        }
        if (sig.nextDouble() < 0.7) {
          addSignal(
              out, tl, left - sig.nextDouble() * 72, limit, p, null, "competitor_migration", null);
        }
      } else if (sig.nextDouble() < 0.3) {
        addSignal(
            out, tl, left - sig.nextDouble() * 72, limit, p, null, "competitor_migration", null);
      }
      addSignal(out, tl, left + 10, limit, p, null, "contract_cancel", null);
    } else if (!p.isNew() && sig.nextDouble() < 0.04) {
      addSignal(
          out, tl, e + sig.nextDouble() * (tl.hours - e), limit, p, null, "data_export", null);
    }
  }

  private static void addSignal(
      List<SimRecords.Signal> out,
      Timeline tl,
      double hour,
      double limit,
      MerchantProfile p,
      String customerId,
      String signal,
      Number valueCents) {
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

  private static int sampleHour(UniformRandomProvider rng, Industry ind) {
    double u = rng.nextDouble();
    double c = 0;
    for (int h = 0; h < 23; h++) {
      c += ind.hourShare(h);
      if (u < c) {
        return h;
      }
    }
    return 23;
  }

  private static int poisson(UniformRandomProvider rng, double mean) {
    return mean <= 0 ? 0 : PoissonSampler.of(rng, mean).sample();
  }

  private static double exponential(UniformRandomProvider rng) {
    return -Math.log(1 - rng.nextDouble());
  }

  /** The running sum at a fractional hour (linear within the hour). */
  static double value(double[] cum, double hour) {
    if (hour <= 0) {
      return 0;
    }
    int k = (int) hour;
    if (k >= cum.length - 1) {
      return cum[cum.length - 1];
    }
    return cum[k] + (hour - k) * (cum[k + 1] - cum[k]);
  }

  /** The fractional hour at which the running sum reaches {@code level}. */
  static double invert(double[] cum, double level) {
    int lo = 0;
    int hi = cum.length - 1;
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (cum[mid] <= level) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double step = cum[lo + 1] - cum[lo];
    return step <= 0 ? lo : lo + (level - cum[lo]) / step;
  }

  /** Revenue totals of the impact period: [0] in the outage window, [1] after it. */
  private static final class Sums {
    final double[] expectedNo = new double[2];
    final double[] expectedActual = new double[2];
    final long[] realizedNo = new long[2];
    final long[] actual = new long[2];

    void expected(
        double[] cum,
        double[] cumActual,
        double lo,
        double hi,
        double split,
        double scale,
        boolean defected,
        double s) {
      if (hi <= lo) {
        return;
      }
      double mid = Math.min(Math.max(split, lo), hi);
      expectedNo[0] += scale * (value(cum, mid) - value(cum, lo));
      expectedNo[1] += scale * (value(cum, hi) - value(cum, mid));
      if (!defected) {
        expectedActual[0] += scale * (value(cumActual, mid) - value(cumActual, lo));
        expectedActual[1] += scale * (value(cumActual, hi) - value(cumActual, mid));
      }
    }

    void expectedPoint(double t, double split, double noOutage, double withOutage) {
      int i = t < split ? 0 : 1;
      expectedNo[i] += noOutage;
      expectedActual[i] += withOutage;
    }

    void realized(double t, double split, long revenue, boolean kept) {
      int i = t < split ? 0 : 1;
      realizedNo[i] += revenue;
      if (kept) {
        actual[i] += revenue;
      }
    }
  }
}

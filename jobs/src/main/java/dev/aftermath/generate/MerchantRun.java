package dev.aftermath.generate;

import static dev.aftermath.generate.MerchantSimulator.GUEST_SHARE;
import static dev.aftermath.generate.MerchantSimulator.P_PAID;
import static dev.aftermath.generate.MerchantSimulator.P_REFUNDED;
import static dev.aftermath.generate.MerchantSimulator.RATE_SHAPE;
import static dev.aftermath.generate.MerchantSimulator.SPEND_P;
import static dev.aftermath.generate.MerchantSimulator.SPEND_Q;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;

/**
 * One merchant's simulation (the model is described on {@link MerchantSimulator}): customers
 * arrive, draw their traits, meet the outage, buy, and leave churn signals, while the truth is
 * added up. Each purpose draws from its own random stream (sales, fates, signals, bad rows), and
 * within a stream the draws always come in the same order, so a seed gives one case.
 */
final class MerchantRun {
  private final Timeline tl;
  private final MerchantProfile p;
  private final Industry ind;

  /** Start of the defection stage's return window, in hours. */
  private final double returnWindowStart;

  private final BadRows.Kind[] badKinds;

  private final UniformRandomProvider sales;
  private final UniformRandomProvider fates;
  private final UniformRandomProvider badRows;
  private final ContinuousSampler rateGamma;
  private final ContinuousSampler spendLevelGamma;
  private final ContinuousSampler amountGamma;
  private final ContinuousSampler balanceGamma;

  /** Share of the merchant's data recovered, 0 to 1. */
  private final double rec;

  private final MerchantWindow window;
  private final DemandPath demand;

  // the customer base: mean purchases per customer and day, customers at normal demand, mean
  // lifetime, the Gamma-Gamma spend scale, and the net (PAID, tax-free) share of an amount
  private final double mu;
  private final double pool;
  private final double lifetimeHours;
  private final double spendScale;
  private final double netShare;

  private final List<SimRecords.Order> orders = new ArrayList<>();
  private final List<SimRecords.Customer> customers = new ArrayList<>();
  private final List<SimRecords.Member> members = new ArrayList<>();
  private final ChurnSignals signals;
  private final TruthLedger ledger = new TruthLedger();
  private long orderSeq = 0;

  MerchantRun(
      long seed, Timeline tl, double returnWindowStart, boolean textFormat, MerchantProfile p) {
    this.tl = tl;
    this.p = p;
    this.ind = p.industry();
    this.returnWindowStart = returnWindowStart;
    this.badKinds = BadRows.badKinds(textFormat);
    this.sales = Rngs.of(seed, Rngs.SALES, p.index());
    this.fates = Rngs.of(seed, Rngs.DEFECTS, p.index());
    UniformRandomProvider sig = Rngs.of(seed, Rngs.SIGNALS, p.index());
    this.badRows = Rngs.of(seed, Rngs.BAD_ROWS, p.index());
    this.rateGamma = AhrensDieterMarsagliaTsangGammaSampler.of(sales, RATE_SHAPE, 1);
    this.spendLevelGamma = AhrensDieterMarsagliaTsangGammaSampler.of(sales, SPEND_Q, 1);
    this.amountGamma = AhrensDieterMarsagliaTsangGammaSampler.of(sales, SPEND_P, 1);
    this.balanceGamma = AhrensDieterMarsagliaTsangGammaSampler.of(fates, 1.2, 1);

    this.rec = p.recoveredPct() / 100;
    this.window = MerchantWindow.of(tl, p);
    this.demand = DemandPath.of(tl, p, new OutageRecovery(tl, p));

    this.mu = 1 / ind.purchaseIntervalDays;
    this.pool = p.baseDailyOrders() / mu;
    this.lifetimeHours = ind.lifetimeDays * 24;
    this.spendScale = ind.ticket * (SPEND_Q - 1) / SPEND_P;
    this.netShare = P_PAID / (1 + ind.vatRate);
    this.signals = new ChurnSignals(tl, sig, p, window);
  }

  /** A customer's arrival hour; {@code firstPurchase} if it arrives by buying. */
  record Arrival(double hour, boolean firstPurchase) {}

  /**
   * A customer's own draws: its lifetime's end, Poisson purchase rate λ per day, and spend level ν
   * (each amount ~ Gamma(p, ν)).
   */
  record Traits(
      String customerId,
      double arrival,
      boolean firstPurchase,
      double death,
      double lambda,
      double nu,
      boolean guest) {

    double meanSpend() {
      return SPEND_P / nu;
    }
  }

  /** What the outage did to a customer: its membership, lost data, and whether it defected. */
  record OutageFate(
      boolean member,
      long balanceCents,
      long points,
      boolean recovered,
      boolean alive,
      boolean defected) {}

  /** Simulates every customer in arrival order, then the merchant's own signals; call once. */
  MerchantOutcome run() {
    List<Arrival> arrivals = arrivals();
    for (int ci = 0; ci < arrivals.size(); ci++) {
      customer(ci, arrivals.get(ci));
    }
    signals.merchant();
    return new MerchantOutcome(
        orders, customers, members, signals.signals(), ledger.truth(p, tl, window));
  }

  /** Customers already there when the merchant's window opens, then arrivals by day. */
  private List<Arrival> arrivals() {
    List<Arrival> starts = new ArrayList<>();
    double signupHour = window.signup();
    int initial = poisson(sales, p.isNew() ? 0.5 * pool : pool);
    for (int i = 0; i < initial; i++) {
      starts.add(new Arrival(signupHour, false));
    }
    for (int d = (int) (signupHour / 24); d < demand.days(); d++) {
      int n = poisson(sales, pool / ind.lifetimeDays * demand.arrivals(d));
      for (int i = 0; i < n; i++) {
        double h = d * 24 + sampleHour(sales, ind) + sales.nextDouble();
        if (h >= signupHour) {
          starts.add(new Arrival(h, true));
        }
      }
    }
    return starts;
  }

  /** One customer: traits, outage fate, its truth record, expected revenue, orders, signals. */
  private void customer(int index, Arrival arrival) {
    Traits c = traits(index, arrival);
    OutageFate f = outageFate(c);
    customers.add(
        new SimRecords.Customer(
            p.merchantId(),
            c.customerId(),
            c.guest(),
            tl.time(c.arrival()),
            tl.time(Math.min(c.death(), tl.hours)),
            f.alive(),
            f.defected(),
            f.member(),
            c.lambda(),
            c.meanSpend(),
            windowNoPurchase(c.lambda(), Math.min(c.death(), window.observedEnd()))));
    expectedRevenue(c, f);
    purchases(c, f);
    signals.customer(c, f);
  }

  private Traits traits(int index, Arrival arrival) {
    double death = arrival.hour() + exponential(sales) * lifetimeHours;
    double lambda = rateGamma.sample() * mu / RATE_SHAPE;
    double nu = spendLevelGamma.sample() / spendScale;
    boolean guest = sales.nextDouble() < GUEST_SHARE;
    String customerId =
        (guest ? "G" : "C") + p.merchantId().substring(1) + "-" + Integer.toString(index, 36);
    return new Traits(
        customerId, arrival.hour(), arrival.firstPurchase(), death, lambda, nu, guest);
  }

  /** Fate at the outage: membership and its data loss, then defection. */
  private OutageFate outageFate(Traits c) {
    double s = tl.outageStart;
    boolean before = c.arrival() < s && !p.isNew();
    boolean member = before && !c.guest() && fates.nextDouble() < ind.memberShare;
    long balance = 0;
    long points = 0;
    boolean recovered = true;
    if (member) {
      balance =
          fates.nextDouble() < ind.storedValueShare
              ? Math.round(balanceGamma.sample() / 1.2 * ind.storedValueMean * 100)
              : 0;
      points = Math.round(exponential(fates) * 300);
      recovered = fates.nextDouble() * 100 < p.recoveredPct();
      ledger.member(balance, points, recovered);
      members.add(
          new SimRecords.Member(p.merchantId(), c.customerId(), balance, points, recovered));
    }
    boolean alive = before && window.onPlatformAtOutage() && c.death() > s;
    boolean defected =
        alive
            && fates.nextDouble()
                < MerchantSimulator.defectionProbability(rec, ind, member && !recovered);
    ledger.customer(alive, defected);
    return new OutageFate(member, balance, points, recovered, alive, defected);
  }

  /**
   * Probability that the customer, had it not defected, places no PAID order in the return window
   * (from {@link #returnWindowStart} to the end of its life or of the merchant's observation),
   * given its purchase rate and the shop's availability: the best any estimator from non-return
   * could know.
   */
  private double windowNoPurchase(double lambda, double end) {
    if (end <= returnWindowStart) {
      return 1;
    }
    return Math.exp(-lambda * P_PAID * (demand.actual(end) - demand.actual(returnWindowStart)));
  }

  /** Expected revenue given this customer, with purchase timing integrated out. */
  private void expectedRevenue(Traits c, OutageFate f) {
    double eRev = c.meanSpend() * netShare;
    double end = Math.min(c.death(), tl.hours);
    double arrival = c.arrival();
    ledger.expected(
        demand,
        Math.max(arrival, window.impactStart()),
        Math.min(end, window.impactEnd()),
        tl.outageEnd,
        c.lambda() * eRev,
        f.defected());
    if (c.firstPurchase() && window.inImpact(arrival)) {
      double a = f.defected() ? 0 : demand.availability(arrival);
      ledger.expectedPoint(arrival, tl.outageEnd, eRev, eRev * a);
    }
  }

  /** Purchases: the first at arrival, then the inverse of the cumulative intensity. */
  private void purchases(Traits c, OutageFate f) {
    double t = c.arrival();
    double level = demand.normal(t);
    double last = demand.normal(Math.min(c.death(), tl.hours));
    if (c.firstPurchase()) {
      if (t >= tl.hours) {
        return;
      }
      purchase(c, f, t);
    }
    while (true) {
      level += exponential(sales) / c.lambda();
      if (level >= last) {
        return;
      }
      purchase(c, f, demand.hourOfNormal(level));
    }
  }

  /**
   * One purchase at {@code t}: its amount and status, whether the outage (or the merchant's
   * absence) lost it, and its order if not.
   */
  private void purchase(Traits c, OutageFate f, double t) {
    long amount = Math.max(1, Math.round(amountGamma.sample() / c.nu() * 100));
    long tax = Math.round(amount * ind.vatRate / (1 + ind.vatRate));
    double u = sales.nextDouble();
    String status = u < P_PAID ? "PAID" : u < P_PAID + P_REFUNDED ? "REFUNDED" : "CANCELLED";
    long revenue = "PAID".equals(status) ? amount - tax : 0;
    boolean keep =
        window.observed(t)
            && (t < tl.outageStart || !f.defected() && sales.nextDouble() < demand.availability(t));
    if (window.inImpact(t)) {
      ledger.realized(t, tl.outageEnd, revenue, keep);
    }
    if (keep) {
      order(c, t, amount, tax, status);
    }
  }

  /** The order of a kept purchase, a bad copy of it now and then, and a refund request. */
  private void order(Traits c, double t, long amount, long tax, String status) {
    SimRecords.Order order =
        new SimRecords.Order(
            p.merchantId() + "-" + Long.toString(orderSeq++, 36),
            p.merchantId(),
            c.guest() ? null : c.customerId(),
            tl.time(t),
            amount,
            tax,
            status,
            null);
    orders.add(order);
    double b = badRows.nextDouble();
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
      orders.add(BadRows.corrupt(order, badKinds[badRows.nextInt(badKinds.length)]));
    }
    if ("REFUNDED".equals(status) && !c.guest()) {
      signals.orderRefunded(t, c.customerId(), amount);
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
}

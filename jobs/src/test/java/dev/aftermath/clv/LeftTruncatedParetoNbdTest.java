package dev.aftermath.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Why the defection stage reads histories with {@link LeftTruncatedParetoNbd}: a business whose
 * data starts when it already had customers (60% of those seen here), customers who leave after an
 * exponential lifetime whether or not they buy, purchases recorded by day. Fitted on the
 * pre-period, each model predicts how many of the customers active in the last 90 days make no
 * purchase in a later window; the simulation knows.
 */
class LeftTruncatedParetoNbdTest {
  static final double HISTORY = 114;
  static final double GAP = 16;
  static final double WINDOW = 52;
  static final double ARRIVALS_PER_DAY = 60;
  static final int PRESENT_AT_ORIGIN = 20_000;

  /** {x, t_x, T, f, no purchase in window, active in the last 90 days}. */
  private static List<double[]> simulate(long seed) {
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
    double meanRate = 1 / 30.0;
    double lifetime = 365;
    var rate = AhrensDieterMarsagliaTsangGammaSampler.of(rng, 0.9, meanRate / 0.9);
    List<double[]> out = new ArrayList<>();
    int arrivals = (int) (ARRIVALS_PER_DAY * HISTORY);
    for (int i = 0; i < PRESENT_AT_ORIGIN + arrivals; i++) {
      boolean present = i < PRESENT_AT_ORIGIN;
      double arrival = present ? 0 : rng.nextDouble() * HISTORY;
      double death = arrival - Math.log(1 - rng.nextDouble()) * lifetime;
      double lambda = rate.sample();
      TreeSet<Integer> days = new TreeSet<>();
      if (!present) {
        days.add((int) arrival); // a new customer's first purchase is its arrival
      }
      boolean inWindow = false;
      for (double t = arrival; ; ) {
        t -= Math.log(1 - rng.nextDouble()) / lambda;
        if (t > death || t > HISTORY + GAP + WINDOW) {
          break;
        }
        if (t < HISTORY) {
          days.add((int) t);
        } else if (t >= HISTORY + GAP) {
          inWindow = true;
        }
      }
      if (days.isEmpty()) {
        continue; // never seen before the cut-off
      }
      double first = days.first() + 0.5;
      double last = days.last() + 0.5;
      out.add(
          new double[] {
            days.size() - 1,
            last - first,
            HISTORY - first,
            first,
            inWindow ? 0 : 1,
            days.last() >= HISTORY - 90 ? 1 : 0
          });
    }
    return out;
  }

  private static double[] column(List<double[]> rows, int k) {
    return rows.stream().mapToDouble(r -> r[k]).toArray();
  }

  /** Observed and predicted non-returners among the active customers. */
  private static double[] nonReturn(List<double[]> rows, PurchaseModel m) {
    BetaQuadrature q = new BetaQuadrature();
    double observed = 0;
    double expected = 0;
    for (double[] r : rows) {
      if (r[5] > 0) {
        observed += r[4];
        expected += m.probabilityNoPurchase(GAP, WINDOW, r[0], r[1], r[2], r[3], q);
      }
    }
    return new double[] {observed, expected};
  }

  @Test
  void expectationsOverSeveralHorizonsEqualTheSingleOnes() {
    PurchaseModel m = new LeftTruncatedParetoNbd(new ParetoNbd(0.9, 27, 1.2, 300), 0.004);
    BetaQuadrature q = new BetaQuadrature();
    double[] horizons = {0, 30, 61, 365};
    double[] many = m.expectedPurchases(horizons, 3, 40, 70, 12, q);
    for (int k = 0; k < horizons.length; k++) {
      assertThat(many[k]).isEqualTo(m.expectedPurchases(horizons[k], 3, 40, 70, 12, q));
    }
    assertThat(many[0]).isZero();
    assertThat(many[3]).isGreaterThan(many[2]).isGreaterThan(many[1]).isGreaterThan(0);
  }

  @Test
  void theFitsSumEqualsTheHistoriesOneByOne() {
    List<double[]> rows = simulate(5L).subList(0, 3_000);
    double[] x = column(rows, 0);
    double[] tx = column(rows, 1);
    double[] t = column(rows, 2);
    double[] f = column(rows, 3);
    double[] w = new double[rows.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = 1 + i % 3;
    }
    PurchaseModel m = new LeftTruncatedParetoNbd(new ParetoNbd(0.9, 27, 1.2, 300), 0.004);
    double oneByOne = 0;
    for (int i = 0; i < x.length; i++) {
      oneByOne += w[i] * m.logLikelihood(x[i], tx[i], t[i], f[i]);
    }
    assertThat(m.logLikelihoodSum(x, tx, t, f, w)).isEqualTo(oneByOne);
    // histories prepared once and read by several parameter sets, as a fit does
    Histories prepared = new Histories(x, tx, t, f, w);
    for (PurchaseModel other :
        List.of(m, new LeftTruncatedParetoNbd(new ParetoNbd(2.1, 8, 0.4, 90), 0.02), m)) {
      double expected = 0;
      for (int i = 0; i < x.length; i++) {
        expected += w[i] * other.logLikelihood(x[i], tx[i], t[i], f[i]);
      }
      assertThat(other.logLikelihoodSum(prepared)).isEqualTo(expected);
    }
    // the base model alone, over histories that share spans (t_x, T) with other counts
    double[] shared = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      shared[i] = x[i] + i % 4;
    }
    ParetoNbd plain = new ParetoNbd(0.9, 27, 1.2, 300);
    double plainOneByOne = 0;
    for (int i = 0; i < x.length; i++) {
      plainOneByOne += w[i] * plain.logLikelihood(shared[i], tx[i], t[i]);
    }
    assertThat(plain.logLikelihoodSum(shared, tx, t, null, w)).isEqualTo(plainOneByOne);
    // the base model's common term, split out for the sum, gives the published form back
    ParetoNbd base = new ParetoNbd(0.9, 27, 1.2, 300);
    assertThat(base.logLikelihoodGiven(4, 30, 80, base.logGammaRatio(4)))
        .isEqualTo(base.logLikelihood(4, 30, 80));
  }

  @Test
  void predictsNonReturnWhereBgNbdCannot() {
    List<double[]> rows = simulate(3L);
    double[] x = column(rows, 0);
    double[] tx = column(rows, 1);
    double[] t = column(rows, 2);
    double[] f = column(rows, 3);
    double[] w = new double[rows.size()];
    java.util.Arrays.fill(w, 1);

    PurchaseModelFit truncated = PurchaseModelFit.paretonbdTruncated(x, tx, t, f, w);
    double[] ours = nonReturn(rows, truncated.model());
    assertThat(ours[1]).isCloseTo(ours[0], within(0.05 * ours[0]));
    // θ: arrivals per day relative to the customers present at the origin
    double theta = ((LeftTruncatedParetoNbd) truncated.model()).theta();
    double truth = ARRIVALS_PER_DAY / PRESENT_AT_ORIGIN;
    assertThat(theta).isCloseTo(truth, within(0.2 * truth));

    double[] bg = nonReturn(rows, PurchaseModelFit.bgnbd(x, tx, t, w).model());
    assertThat(ours[0] - bg[1]).isGreaterThan(0.08 * ours[0]);
  }
}

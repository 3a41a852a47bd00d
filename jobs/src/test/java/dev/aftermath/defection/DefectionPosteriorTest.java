package dev.aftermath.defection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/**
 * The bounded defection estimate on simulated merchants whose customers' return probabilities are
 * known: the planted total is recovered, the estimates and their intervals stay within [caused,
 * non-returners], and with nothing planted the interval reaches zero.
 */
class DefectionPosteriorTest {

  /** A merchant of {@code n} customers with share {@code q} of the alive ones made to defect. */
  static MerchantEvidence merchant(String id, int n, double q, SplittableRandom rng, int[] truth) {
    MerchantEvidence e = new MerchantEvidence(id, "retail");
    int defected = 0;
    for (int i = 0; i < n; i++) {
      double alive = 0.5 + 0.5 * rng.nextDouble();
      double back = alive * (0.2 + 0.7 * rng.nextDouble()); // P(return | stays)·P(alive)
      boolean isAlive = rng.nextDouble() < alive;
      boolean defects = isAlive && rng.nextDouble() < q;
      boolean returned = isAlive && !defects && rng.nextDouble() < back / alive;
      defected += defects ? 1 : 0;
      int bin = returned ? -1 : (int) Math.round((1 - back) * MerchantEvidence.BINS);
      e.add(
          RowFactory.create(
              id,
              "retail",
              "repeat",
              returned,
              false,
              bin,
              1L,
              1 - back,
              back * (1 - back),
              alive,
              100.0 * alive,
              1 - back,
              0.0,
              0.0,
              0.0,
              0.0,
              0.0));
    }
    truth[0] += defected;
    return e;
  }

  private static double[] run(double q, long seed, int merchants) {
    SplittableRandom rng = new SplittableRandom(seed);
    int[] truth = new int[1];
    List<MerchantEvidence> all = new ArrayList<>();
    for (int m = 0; m < merchants; m++) {
      all.add(merchant("m" + m, 20 + rng.nextInt(80), q, rng, truth));
    }
    List<double[]> ll = all.stream().map(e -> DefectionPosterior.logLikelihood(e, 0, 0)).toList();
    PooledPrior.Pool pool = PooledPrior.pool(ll);
    DefectionPosterior.Priors priors =
        new DefectionPosterior.Priors(
            pool.central(),
            pool.low(),
            pool.high(),
            pool.central(),
            pool.central(),
            pool.central(),
            0,
            1);
    double total = 0;
    double independent = 0;
    double pooled = 0;
    for (MerchantEvidence e : all) {
      Map<String, DefectionPosterior.Estimate> est = DefectionPosterior.estimate(e, priors, 0);
      DefectionPosterior.Estimate m = est.get(null);
      long nonReturners = e.active() - e.returned();
      assertThat(m.defected()).isBetween(0.0, (double) nonReturners);
      assertThat(m.low()).isBetween(0.0, m.defected());
      assertThat(m.high()).isBetween(m.defected(), (double) nonReturners);
      assertThat(m.lostValue()).isGreaterThanOrEqualTo(0);
      total += m.defected();
      independent += m.independentVariance();
      pooled += m.pooled();
    }
    double sd = Math.sqrt(independent + pooled * pooled);
    return new double[] {total, truth[0], sd};
  }

  @Test
  void thePlantedTotalIsRecoveredAndInsideItsInterval() {
    for (long seed = 1; seed <= 3; seed++) {
      double[] r = run(0.15, seed, 300);
      assertThat(r[0] / r[1] - 1).as("seed %d", seed).isBetween(-0.1, 0.1);
      assertThat(Math.abs(r[0] - r[1])).isLessThan(DefectionPosterior.Z90 * r[2] * 1.5);
    }
  }

  @Test
  void withNothingPlantedTheIntervalReachesZero() {
    for (long seed = 1; seed <= 3; seed++) {
      double[] r = run(0, seed, 300);
      assertThat(r[1]).isZero();
      assertThat(r[0] - DefectionPosterior.Z90 * r[2]).as("seed %d", seed).isLessThanOrEqualTo(0);
    }
  }

  @Test
  void causedCancellationsAreALowerBoundAndEvidence() {
    SplittableRandom rng = new SplittableRandom(5);
    MerchantEvidence e = merchant("m", 60, 0, rng, new int[1]);
    // eight non-returners who cancelled their membership
    for (int i = 0; i < 8; i++) {
      e.add(
          RowFactory.create(
              "m", "retail", "repeat", false, true, 50, 1L, 0.5, 0.25, 0.9, 90.0, 0.5, 0.0, 0.0,
              0.0, 0.0, 0.0));
    }
    DefectionPosterior.Prior flat = DefectionPosterior.Prior.beta(0.5, 2);
    DefectionPosterior.Priors priors =
        new DefectionPosterior.Priors(flat, flat, flat, flat, flat, flat, 0, 1);
    DefectionPosterior.Estimate with = DefectionPosterior.estimate(e, priors, 8).get(null);
    DefectionPosterior.Estimate without = DefectionPosterior.estimate(e, priors, 0).get(null);
    assertThat(with.low()).isGreaterThanOrEqualTo(8);
    assertThat(with.defected()).isGreaterThan(without.defected());
  }
}

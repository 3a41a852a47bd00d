package dev.aftermath.liability;

import dev.aftermath.io.TableWriter;
import dev.aftermath.scenario.LiabilityTerms;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * The Monte Carlo of the total exposure (METHODS.md "Liability exposure") over a run's merchants,
 * for any set of payouts: the exposure stage runs it on the payouts merchants chose, the frontier
 * on each rule's. The industries' shared shares of error come from the run's totals once.
 */
public final class ExposureModel {
  /** Draws per Spark task. */
  public static final int BLOCK = 250;

  private final SparkSession spark;
  private final LiabilityTerms terms;
  private final List<ExposureInput> merchants;
  private final int[] group;
  private final double[] rhoLm;
  private final double[] rhoLcm;

  /**
   * The model over {@code merchants} (ordered), reading the industries' totals from {@code writer}.
   */
  public ExposureModel(
      SparkSession spark, TableWriter writer, LiabilityTerms terms, List<ExposureInput> merchants) {
    this.spark = spark;
    this.terms = terms;
    this.merchants = merchants;
    Map<String, Integer> groups = new TreeMap<>();
    for (ExposureInput m : merchants) {
      groups.putIfAbsent(m.industry(), groups.size());
    }
    Map<String, Double> lm =
        ExposureInputs.sharedShare(
            writer, "impact_totals", "lost_margin_low", "lost_margin_high", merchants, false);
    Map<String, Double> lcm =
        ExposureInputs.sharedShare(
            writer,
            "defection_totals",
            "lost_customer_value_low",
            "lost_customer_value_high",
            merchants,
            true);
    group = new int[merchants.size()];
    for (int i = 0; i < merchants.size(); i++) {
      group[i] = groups.get(merchants.get(i).industry());
    }
    rhoLm = new double[groups.size()];
    rhoLcm = new double[groups.size()];
    groups.forEach(
        (industry, g) -> {
          rhoLm[g] = lm.getOrDefault(industry, 0.0);
          rhoLcm[g] = lcm.getOrDefault(industry, 0.0);
        });
  }

  public List<ExposureInput> merchants() {
    return merchants;
  }

  /**
   * Totals per regime of {@code draws} draws, [regime][draw], for merchants paid {@code payout} and
   * claiming with probability {@code claim}. Blocks of draws run as Spark tasks, each seeded by
   * ({@code liability.seed}, block): the same figures on one core or a cluster.
   */
  public double[][] totals(double[] payout, double[] claim, int draws) {
    return totals(List.of(payout), List.of(claim), draws).get(0);
  }

  /**
   * The same for several sets of payouts at once (one Spark job: tasks over set × block, the
   * merchants' arrays broadcast once): element k is set k's [regime][draw]. Every set sees the same
   * draws of the losses, so their differences are the payouts' alone.
   */
  public List<double[][]> totals(List<double[]> payouts, List<double[]> claims, int draws) {
    return totals(payouts, claims, draws, false);
  }

  /**
   * The same; {@code coupled}: with common random numbers per merchant ({@link
   * ExposureSimulation#coupled}), so that sets differing in their claim probabilities compare draw
   * by draw.
   */
  public List<double[][]> totals(
      List<double[]> payouts, List<double[]> claims, int draws, boolean coupled) {
    int n = merchants.size();
    double[][] a = new double[6][n];
    for (int i = 0; i < n; i++) {
      ExposureInput m = merchants.get(i);
      a[0][i] = m.lostMargin();
      a[1][i] = m.lostMarginSd();
      a[2][i] = m.lostCustomerMargin();
      a[3][i] = m.lostCustomerMarginSd();
      a[4][i] = m.memberBalances();
      a[5][i] = terms.contractCapMonths() * m.monthlyFee();
    }
    ExposureSimulation base =
        new ExposureSimulation(
            group,
            a[0],
            a[1],
            a[2],
            a[3],
            a[4],
            payouts.get(0),
            a[5],
            claims.get(0),
            rhoLm,
            rhoLcm,
            terms.marginRateSd(),
            terms.seed());
    ArrayList<ExposureSimulation> sims = new ArrayList<>();
    for (int k = 0; k < payouts.size(); k++) {
      ExposureSimulation sim = base.with(payouts.get(k), claims.get(k));
      sims.add(coupled ? sim.coupled() : sim);
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<ArrayList<ExposureSimulation>> shared = jsc.broadcast(sims);
    int blocks = (draws + BLOCK - 1) / BLOCK;
    List<int[]> tasks = new ArrayList<>();
    for (int k = 0; k < sims.size(); k++) {
      for (int b = 0; b < blocks; b++) {
        tasks.add(new int[] {k, b});
      }
    }
    List<double[][]> results =
        jsc.parallelize(tasks, Math.min(tasks.size(), Math.max(1, jsc.defaultParallelism() * 4)))
            .map(t -> shared.value().get(t[0]).block(t[1], Math.min(BLOCK, draws - t[1] * BLOCK)))
            .collect();
    shared.destroy();
    List<double[][]> out = new ArrayList<>();
    int r = 0;
    for (int k = 0; k < sims.size(); k++) {
      double[][] totals = new double[ExposureSimulation.REGIMES][draws];
      int d = 0;
      for (int b = 0; b < blocks; b++) {
        for (double[] draw : results.get(r++)) {
          for (int g = 0; g < ExposureSimulation.REGIMES; g++) {
            totals[g][d] = draw[g];
          }
          d++;
        }
      }
      out.add(totals);
    }
    return out;
  }
}

package dev.aftermath.liability;

import java.io.Serializable;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Monte Carlo of the total exposure under the three liability regimes (METHODS.md "Liability
 * exposure"). In each draw:
 *
 * <pre>
 *   industry g: margin-rate factor M_g = exp(s·Z_g − s²/2); shared shocks U_g, V_g ~ N(0, 1)
 *   merchant i claims with probability p_i; if it does:
 *     lost margin           LM_i  = (lm_i  + sd_i  (√ρ_g U_g + √(1−ρ_g) ε_i)) · M_g
 *     lost customer margin  LCM_i = (lcm_i + sdc_i (√ρc_g V_g + √(1−ρc_g) η_i)) · M_g
 *     foreseeable_loss = max(0, LM_i); contract_cap = min(foreseeable_loss, cap_i);
 *     full_loss = max(0, LM_i + LCM_i + member balances_i)
 *     exposure under each = max(0, claimable − payout_i)
 * </pre>
 *
 * ρ_g is the share of the industry's variance that its merchants share, as the earlier stages
 * estimated it. Draws are made in fixed blocks, each with its own generator seeded from (seed,
 * block), so the result does not depend on how the blocks are spread over machines.
 */
public final class ExposureSimulation implements Serializable {
  public static final int REGIMES = 3;
  public static final int CONTRACT_CAP = 0;
  public static final int FORESEEABLE = 1;
  public static final int FULL = 2;

  private final int[] group;
  private final double[] lm;
  private final double[] sdLm;
  private final double[] lcm;
  private final double[] sdLcm;
  private final double[] members;
  private final double[] payout;
  private final double[] cap;
  private final double[] claim;
  private final double[] rhoLm;
  private final double[] rhoLcm;
  private final double marginSd;
  private final long seed;
  private final boolean coupled;

  public ExposureSimulation(
      int[] group,
      double[] lm,
      double[] sdLm,
      double[] lcm,
      double[] sdLcm,
      double[] members,
      double[] payout,
      double[] cap,
      double[] claim,
      double[] rhoLm,
      double[] rhoLcm,
      double marginSd,
      long seed) {
    this(
        group, lm, sdLm, lcm, sdLcm, members, payout, cap, claim, rhoLm, rhoLcm, marginSd, seed,
        false);
  }

  private ExposureSimulation(
      int[] group,
      double[] lm,
      double[] sdLm,
      double[] lcm,
      double[] sdLcm,
      double[] members,
      double[] payout,
      double[] cap,
      double[] claim,
      double[] rhoLm,
      double[] rhoLcm,
      double marginSd,
      long seed,
      boolean coupled) {
    this.coupled = coupled;
    this.group = group;
    this.lm = lm;
    this.sdLm = sdLm;
    this.lcm = lcm;
    this.sdLcm = sdLcm;
    this.members = members;
    this.payout = payout;
    this.cap = cap;
    this.claim = claim;
    this.rhoLm = rhoLm;
    this.rhoLcm = rhoLcm;
    this.marginSd = marginSd;
    this.seed = seed;
  }

  /** The same merchants paid {@code otherPayout}, claiming with {@code otherClaim}. */
  public ExposureSimulation with(double[] otherPayout, double[] otherClaim) {
    return new ExposureSimulation(
        group,
        lm,
        sdLm,
        lcm,
        sdLcm,
        members,
        otherPayout,
        cap,
        otherClaim,
        rhoLm,
        rhoLcm,
        marginSd,
        seed,
        coupled);
  }

  /**
   * The same simulation with common random numbers per merchant: each merchant's claim decision and
   * its own loss noise in a draw come from a counter-based generator keyed by (seed, block, draw,
   * merchant), not from the block's stream, so two simulations that differ only in their claim
   * probabilities or payouts see the same losses and the same claim uniforms for every merchant,
   * and a merchant more likely to claim claims in every draw where a less likely one does. Used
   * where variants are compared; its totals differ from the stream's by Monte Carlo noise only.
   */
  public ExposureSimulation coupled() {
    return new ExposureSimulation(
        group, lm, sdLm, lcm, sdLcm, members, payout, cap, claim, rhoLm, rhoLcm, marginSd, seed,
        true);
  }

  /** The totals per regime of {@code count} draws of block {@code block}: [draw][regime]. */
  public double[][] block(int block, int count) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seed, block});
    ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    int groups = rhoLm.length;
    double[] margin = new double[groups];
    double[] u = new double[groups];
    double[] v = new double[groups];
    double[][] out = new double[count][REGIMES];
    for (int d = 0; d < count; d++) {
      for (int g = 0; g < groups; g++) {
        margin[g] = Math.exp(marginSd * gauss.sample() - marginSd * marginSd / 2);
        u[g] = gauss.sample();
        v[g] = gauss.sample();
      }
      double[] total = out[d];
      for (int i = 0; i < group.length; i++) {
        double e1;
        double e2;
        if (coupled) {
          long key = mix(mix(mix(seed + 0x9E3779B97F4A7C15L * block) + d) + i);
          if (unit(mix(key)) >= claim[i]) {
            continue;
          }
          // Box-Muller from two more uniforms of the same key
          double r = Math.sqrt(-2 * Math.log(1 - unit(mix(key + 1))));
          double t = 2 * Math.PI * unit(mix(key + 2));
          e1 = r * Math.cos(t);
          e2 = r * Math.sin(t);
        } else {
          if (rng.nextDouble() >= claim[i]) {
            continue;
          }
          e1 = gauss.sample();
          e2 = gauss.sample();
        }
        int g = group[i];
        double a = rhoLm[g];
        double c = rhoLcm[g];
        double lost = (lm[i] + sdLm[i] * (Math.sqrt(a) * u[g] + Math.sqrt(1 - a) * e1)) * margin[g];
        double customers =
            (lcm[i] + sdLcm[i] * (Math.sqrt(c) * v[g] + Math.sqrt(1 - c) * e2)) * margin[g];
        double foreseeable = Math.max(0, lost);
        total[CONTRACT_CAP] += Math.max(0, Math.min(foreseeable, cap[i]) - payout[i]);
        total[FORESEEABLE] += Math.max(0, foreseeable - payout[i]);
        total[FULL] += Math.max(0, Math.max(0, lost + customers + members[i]) - payout[i]);
      }
    }
    return out;
  }

  /** SplitMix64's finaliser: a well-mixed 64-bit value of {@code z}. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A uniform in [0, 1) from the top 53 bits. */
  static double unit(long bits) {
    return (bits >>> 11) * 0x1.0p-53;
  }
}

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
        seed);
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
        if (rng.nextDouble() >= claim[i]) {
          continue;
        }
        int g = group[i];
        double a = rhoLm[g];
        double c = rhoLcm[g];
        double lost =
            (lm[i] + sdLm[i] * (Math.sqrt(a) * u[g] + Math.sqrt(1 - a) * gauss.sample()))
                * margin[g];
        double customers =
            (lcm[i] + sdLcm[i] * (Math.sqrt(c) * v[g] + Math.sqrt(1 - c) * gauss.sample()))
                * margin[g];
        double foreseeable = Math.max(0, lost);
        total[CONTRACT_CAP] += Math.max(0, Math.min(foreseeable, cap[i]) - payout[i]);
        total[FORESEEABLE] += Math.max(0, foreseeable - payout[i]);
        total[FULL] += Math.max(0, Math.max(0, lost + customers + members[i]) - payout[i]);
      }
    }
    return out;
  }
}

package dev.aftermath.impact;

import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The industry-level error common to all merchants of an industry: draw k of every merchant in the
 * industry is scaled by the same factor exp(σ·z_k − σ²/2), so totals add up correlated errors.
 */
final class SharedError implements Serializable {
  private final Map<String, Double> sigma;
  private final int draws;
  private final long seed;

  SharedError(Map<String, Double> sigma, int draws, long seed) {
    this.sigma = Collections.unmodifiableMap(new TreeMap<>(sigma));
    this.draws = draws;
    this.seed = seed;
  }

  /** The industry's factors, one per draw, the same wherever they are computed. */
  double[] factors(String industry) {
    double s = sigma.getOrDefault(industry, 0.0);
    UniformRandomProvider rng =
        RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seed, industry.hashCode()});
    ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] f = new double[draws];
    for (int k = 0; k < draws; k++) {
      f[k] = Math.exp(s * gauss.sample() - s * s / 2);
    }
    return f;
  }

  /** Counterfactual draws with the industry's factor applied. */
  double[] apply(String industry, List<Double> counterfactualDraws) {
    double[] f = factors(industry);
    double[] out = new double[counterfactualDraws.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = counterfactualDraws.get(k) * f[k];
    }
    return out;
  }
}

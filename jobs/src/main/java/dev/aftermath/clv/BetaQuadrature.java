package dev.aftermath.clv;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Expectations over p ~ Beta(a, β) by Gauss-Legendre quadrature after the substitution p = u^(1/a),
 * which absorbs the density's singularity at 0 (p^(a−1) dp = du / a); weights are normalised to sum
 * to one. Rules are cached per (a, β): not thread-safe, use one per task.
 */
public final class BetaQuadrature implements Serializable {
  static final int NODES = 24;

  private final double[] nodes;
  private final double[] weights;
  private transient Map<Long, Rule> cache;

  public BetaQuadrature() {
    GaussIntegrator rule = new GaussIntegratorFactory().legendre(NODES, 0, 1);
    this.nodes = new double[rule.getNumberOfPoints()];
    this.weights = new double[nodes.length];
    for (int k = 0; k < nodes.length; k++) {
      nodes[k] = rule.getPoint(k);
      weights[k] = rule.getWeight(k);
    }
  }

  Rule rule(double a, double beta) {
    if (cache == null) {
      cache = new HashMap<>();
    }
    long key = Double.doubleToLongBits(a) * 31 + Double.doubleToLongBits(beta);
    Rule hit = cache.get(key);
    if (hit != null && hit.a == a && hit.beta == beta) {
      return hit;
    }
    // integrate where the density lives: up to 12 sd beyond the mean (all of [0, 1] when wide)
    double mean = a / (a + beta);
    double sd = Math.sqrt(a * beta / ((a + beta) * (a + beta) * (a + beta + 1)));
    double hi = Math.min(1, mean + 12 * sd);
    double[] p = new double[nodes.length];
    double[] logW = new double[nodes.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < nodes.length; k++) {
      if (a < 1) { // p = u^(1/a) on [0, hi^a]: the density's pole at 0 is absorbed
        double top = Math.pow(hi, a);
        p[k] = Math.pow(nodes[k] * top, 1 / a);
        logW[k] = Math.log(weights[k] * top) + (beta - 1) * Math.log1p(-p[k]);
      } else {
        double lo = Math.max(0, mean - 12 * sd);
        p[k] = lo + nodes[k] * (hi - lo);
        logW[k] =
            Math.log(weights[k] * (hi - lo))
                + (a - 1) * Math.log(p[k])
                + (beta - 1) * Math.log1p(-p[k]);
      }
      max = Math.max(max, logW[k]);
    }
    double[] w = new double[nodes.length];
    double total = 0;
    for (int k = 0; k < nodes.length; k++) {
      w[k] = Math.exp(logW[k] - max); // normalised below: no underflow for concentrated Betas
      total += w[k];
    }
    for (int k = 0; k < w.length; k++) {
      w[k] /= total;
    }
    Rule rule = new Rule(a, beta, p, w);
    if (cache.size() > 10_000) {
      cache.clear();
    }
    cache.put(key, rule);
    return rule;
  }

  /** Points and weights for one (a, β). */
  record Rule(double a, double beta, double[] points, double[] weights) {
    int size() {
      return points.length;
    }

    double point(int k) {
      return points[k];
    }

    double weight(int k) {
      return weights[k];
    }
  }
}

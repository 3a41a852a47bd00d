package dev.aftermath.defection;

import java.util.List;

/**
 * The prior on merchants' defection shares within a group (an industry): Beta with mean μ and
 * concentration κ, or no defection at all, chosen by the marginal likelihood of the merchants'
 * returns (empirical Bayes). Merchants with few customers borrow from the group; a merchant with
 * many is read mostly from its own. The no-defection prior is one of the candidates, so where the
 * returns show no excess (a placebo) the shares, and the sums over them, can be zero.
 */
final class PooledPrior {
  private PooledPrior() {}

  static final double[] CONCENTRATIONS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 3000, 10000};
  static final double MIN_MEAN = 1e-4;
  static final double MAX_MEAN = 0.95;

  /** Drop of the marginal log-likelihood that bounds a 90% likelihood-ratio interval. */
  static final double DROP_90 = 2.705543454095404 / 2;

  /**
   * The prior of best marginal likelihood, and the priors at the ends of the 90% likelihood-ratio
   * interval of its mean (at the same concentration; the lower end is no defection where the
   * interval reaches it).
   */
  record Pool(
      DefectionPosterior.Prior central,
      DefectionPosterior.Prior low,
      DefectionPosterior.Prior high) {}

  /** The pooled prior and the ends of its mean's interval. */
  static Pool pool(List<double[]> logLikelihoods) {
    double[][] scaled = scaled(logLikelihoods);
    // the interval is taken at the best Beta prior's concentration, also where no defection wins
    DefectionPosterior.Prior beta = bestBeta(scaled);
    DefectionPosterior.Prior best = better(scaled, beta);
    double top = marginal(scaled, best.mass());
    double kappa = beta.concentration();
    double threshold = top - DROP_90;
    final double k = kappa;
    java.util.function.DoubleUnaryOperator at =
        x -> marginal(scaled, DefectionPosterior.Prior.beta(sigmoid(x), k).mass());
    double centre = best.mean() > 0 ? logit(best.mean()) : logit(MIN_MEAN);
    DefectionPosterior.Prior low;
    if (best.mean() <= 0 || at.applyAsDouble(logit(MIN_MEAN)) >= threshold) {
      low = DefectionPosterior.Prior.none();
    } else {
      low = DefectionPosterior.Prior.beta(sigmoid(edge(at, centre, logit(MIN_MEAN), threshold)), k);
    }
    DefectionPosterior.Prior high;
    if (at.applyAsDouble(logit(MAX_MEAN)) >= threshold) {
      high = DefectionPosterior.Prior.beta(MAX_MEAN, k);
    } else {
      high =
          DefectionPosterior.Prior.beta(sigmoid(edge(at, centre, logit(MAX_MEAN), threshold)), k);
    }
    return new Pool(best, low, high);
  }

  /** Where f crosses the threshold between inside (above it) and outside, by bisection. */
  private static double edge(
      java.util.function.DoubleUnaryOperator f, double inside, double outside, double threshold) {
    double a = inside;
    double b = outside;
    for (int i = 0; i < 40; i++) {
      double mid = (a + b) / 2;
      if (f.applyAsDouble(mid) >= threshold) {
        a = mid;
      } else {
        b = mid;
      }
    }
    return (a + b) / 2;
  }

  /** The prior of best marginal likelihood for merchants with these grid log-likelihoods. */
  static DefectionPosterior.Prior fit(List<double[]> logLikelihoods) {
    return fit(scaled(logLikelihoods));
  }

  private static double[][] scaled(List<double[]> logLikelihoods) {
    int m = logLikelihoods.size();
    double[][] scaled = new double[m][];
    for (int i = 0; i < m; i++) {
      double[] ll = logLikelihoods.get(i);
      double max = Double.NEGATIVE_INFINITY;
      for (double v : ll) {
        max = Math.max(max, v);
      }
      scaled[i] = new double[ll.length];
      for (int k = 0; k < ll.length; k++) {
        scaled[i][k] = Math.exp(ll[k] - max);
      }
    }
    return scaled;
  }

  /** No defection, or the best Beta prior, whichever has the larger marginal likelihood. */
  private static DefectionPosterior.Prior fit(double[][] scaled) {
    return better(scaled, bestBeta(scaled));
  }

  /** {@code beta}, or no defection where that has the larger marginal likelihood. */
  private static DefectionPosterior.Prior better(double[][] scaled, DefectionPosterior.Prior beta) {
    DefectionPosterior.Prior none = DefectionPosterior.Prior.none();
    return marginal(scaled, beta.mass()) > marginal(scaled, none.mass()) ? beta : none;
  }

  /** The Beta prior of best marginal likelihood over the concentrations. */
  private static DefectionPosterior.Prior bestBeta(double[][] scaled) {
    DefectionPosterior.Prior best = null;
    double bestValue = Double.NEGATIVE_INFINITY;
    for (double kappa : CONCENTRATIONS) {
      DefectionPosterior.Prior p = bestMean(scaled, kappa);
      double v = marginal(scaled, p.mass());
      if (v > bestValue) {
        best = p;
        bestValue = v;
      }
    }
    return best;
  }

  /** At concentration κ, the mean of best marginal likelihood (golden-section on its log-odds). */
  private static DefectionPosterior.Prior bestMean(double[][] scaled, double kappa) {
    {
      double lo = logit(MIN_MEAN);
      double hi = logit(MAX_MEAN);
      double g = (Math.sqrt(5) - 1) / 2;
      double c = hi - g * (hi - lo);
      double d = lo + g * (hi - lo);
      double fc = marginal(scaled, DefectionPosterior.Prior.beta(sigmoid(c), kappa).mass());
      double fd = marginal(scaled, DefectionPosterior.Prior.beta(sigmoid(d), kappa).mass());
      for (int iter = 0; iter < 30; iter++) {
        if (fc > fd) {
          hi = d;
          d = c;
          fd = fc;
          c = hi - g * (hi - lo);
          fc = marginal(scaled, DefectionPosterior.Prior.beta(sigmoid(c), kappa).mass());
        } else {
          lo = c;
          c = d;
          fc = fd;
          d = lo + g * (hi - lo);
          fd = marginal(scaled, DefectionPosterior.Prior.beta(sigmoid(d), kappa).mass());
        }
      }
      return DefectionPosterior.Prior.beta(sigmoid((lo + hi) / 2), kappa);
    }
  }

  /** Σ over merchants of log Σ_k mass_k L_k (up to the merchants' constant offsets). */
  private static double marginal(double[][] scaled, double[] mass) {
    double total = 0;
    for (double[] l : scaled) {
      double s = 0;
      for (int k = 0; k < l.length; k++) {
        s += mass[k] * l[k];
      }
      total += s > 0 ? Math.log(s) : -1e300;
    }
    return total;
  }

  private static double logit(double p) {
    return Math.log(p / (1 - p));
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }
}

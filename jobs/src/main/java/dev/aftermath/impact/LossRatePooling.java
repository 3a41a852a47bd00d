package dev.aftermath.impact;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Per-merchant loss rates shrunk toward similar merchants: a Fay–Herriot area-level model (Fay &
 * Herriot 1979; Rao & Molina, <i>Small Area Estimation</i>, 2015, ch. 6). Each merchant's direct
 * rate ρ̂ = (counterfactual − actual) / counterfactual carries the error of its own forecast, with
 * variance v from its simulation draws. The model: ρ̂_i = x_i'β + u_i + e_i, u_i ~ N(0, A), e_i ~
 * N(0, v_i), where x holds the industry, the share of data recovered (full, partial, none), the
 * estimate's kind (history, short history, left the platform, no control series) and the merchant's
 * size (log counterfactual, centred per industry). The pooled rate is γ_i·ρ̂_i + (1 − γ_i)·x_i'β̂
 * with γ_i = A / (A + v_i): a merchant whose own forecast is precise keeps its own rate, a noisy
 * one borrows from its peers. A is fitted by the Fay–Herriot moment equation; the mean squared
 * error is the Prasad–Rao g₁ + g₂. The pooled rates are then shifted per industry so that the
 * industry's lost revenue is unchanged (benchmarking): pooling redistributes an industry's loss
 * among its merchants, it does not change the total.
 */
final class LossRatePooling implements Serializable {

  /** One merchant's direct estimate. */
  record Direct(
      String merchantId,
      String industry,
      String quality,
      double recoveredPct,
      double counterfactual,
      double actual,
      double variance) {
    double rate() {
      return bounded(1 - actual / counterfactual);
    }
  }

  /** A merchant's pooled rate, its mean squared error and the weight on its own rate. */
  record Pooled(double rate, double mse, double weight) implements Serializable {}

  /**
   * The least spread of true loss rates between merchants alike in every covariate (sd 0.03): no
   * two merchants are assumed to have lost exactly the same share.
   */
  static final double MIN_BETWEEN_VARIANCE = 0.03 * 0.03;

  /** Fewer merchants than this: no pooling (each keeps its direct estimate). */
  static final int MIN_MERCHANTS = 30;

  private final Map<String, Pooled> byMerchant;

  private LossRatePooling(Map<String, Pooled> byMerchant) {
    this.byMerchant = byMerchant;
  }

  /** The pooled estimate of {@code merchantId}, or null where it kept its direct estimate. */
  Pooled of(String merchantId) {
    return byMerchant.get(merchantId);
  }

  /**
   * The same estimates with interval widths multiplied by {@code factor} (the mean squared errors
   * by its square).
   */
  LossRatePooling widened(double factor) {
    Map<String, Pooled> out = new HashMap<>();
    byMerchant.forEach(
        (id, p) -> out.put(id, new Pooled(p.rate(), p.mse() * factor * factor, p.weight())));
    return new LossRatePooling(Collections.unmodifiableMap(out));
  }

  /**
   * Where every true rate is zero (a backtest), the factor by which the pooled rates' standard
   * errors must be multiplied for 90% of the merchants' intervals to hold zero; at least 1.
   */
  double widthForCoverage() {
    double[] z =
        byMerchant.values().stream()
            .filter(p -> p.mse() > 0)
            .mapToDouble(p -> Math.abs(p.rate()) / Math.sqrt(p.mse()))
            .toArray();
    return z.length < MIN_MERCHANTS ? 1 : Math.max(1, Quantiles.of(z, 0.9) / 1.645);
  }

  /** The direct rates' variance from a merchant's counterfactual draws (robust: 5–95% range). */
  static double variance(double actual, double[] counterfactualDraws) {
    double[] rates = new double[counterfactualDraws.length];
    for (int k = 0; k < rates.length; k++) {
      rates[k] = bounded(1 - actual / Math.max(counterfactualDraws[k], 1e-9));
    }
    double spread = (Quantiles.of(rates, 0.95) - Quantiles.of(rates, 0.05)) / 3.29;
    return spread * spread;
  }

  /**
   * A rate below −1 (actual revenue above twice the forecast) says the forecast failed, not that
   * the outage doubled sales; on this scale it counts as −1, so that a few failed forecasts cannot
   * dominate the fit.
   */
  static double bounded(double rate) {
    return Math.max(-1, Math.min(1, rate));
  }

  /** Fits the model to the merchants whose direct estimate is usable. */
  static LossRatePooling fit(List<Direct> all, ForecastError forecast) {
    List<Direct> used = new ArrayList<>();
    for (Direct d : all) {
      if (d.counterfactual() > 0
          && d.variance() > 0
          && Double.isFinite(d.variance())
          && Double.isFinite(d.rate())) {
        used.add(d);
      }
    }
    used.sort(java.util.Comparator.comparing(Direct::merchantId));
    if (used.size() < MIN_MERCHANTS) {
      return new LossRatePooling(Map.of());
    }
    Design design = new Design(used);
    double[][] x = design.rows();
    int n = used.size();
    int p = x[0].length;
    double[] y = used.stream().mapToDouble(Direct::rate).toArray();
    double[] v = used.stream().mapToDouble(Direct::variance).toArray();
    // Var(ρ̂_i − x_i'β) = A + c + κ·v_i: the spread between merchants' true rates (A) and their
    // forecast errors, c + κ·v (ForecastError, from the backtest where the truth is zero). Without
    // a backtest, c = 0 and κ is read off the cross-section with A, where v varies from merchant to
    // merchant.
    double[] scaled = new double[n];
    for (int i = 0; i < n; i++) {
      scaled[i] = forecast.floor() + forecast.scale() * v[i];
    }
    double a = Math.max(MIN_BETWEEN_VARIANCE, 0.5 * Quantiles.of(scaled, 0.5));
    double kappa = 1;
    double[][] info = new double[p][p];
    double[] beta = wls(x, y, scaled, a, info);
    for (int it = 0; it < 50; it++) {
      double[] r = new double[n];
      for (int i = 0; i < n; i++) {
        r[i] = y[i] - Linear.dot(x[i], beta);
      }
      double newA;
      double newKappa;
      if (forecast.measured()) {
        newA = between(r, scaled, n - p);
        newKappa = 1;
      } else {
        double[] line = ForecastError.VarianceLine.fit(r, v, a, kappa, MIN_BETWEEN_VARIANCE);
        newA = line[0];
        newKappa = line[1];
        for (int i = 0; i < n; i++) {
          scaled[i] = newKappa * v[i];
        }
      }
      boolean settled =
          Math.abs(newA - a) < 1e-7 * (1 + a) && Math.abs(newKappa - kappa) < 1e-7 * kappa;
      a = newA;
      kappa = newKappa;
      info = new double[p][p];
      beta = wls(x, y, scaled, a, info);
      if (settled) {
        break;
      }
    }
    v = scaled;
    double[][] covBeta = Linear.inverse(info);
    Map<String, Pooled> pooled = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Direct d = used.get(i);
      double synthetic = Linear.dot(x[i], beta);
      double gamma = a / (a + v[i]);
      double rate = gamma * y[i] + (1 - gamma) * synthetic;
      double g2 = 0;
      for (int j = 0; j < p; j++) {
        for (int k = 0; k < p; k++) {
          g2 += x[i][j] * covBeta[j][k] * x[i][k];
        }
      }
      double mse = gamma * v[i] + (1 - gamma) * (1 - gamma) * g2;
      pooled.put(d.merchantId(), new Pooled(rate, mse, gamma));
    }
    // benchmarking: per industry, one shift δ of the rates (none above 1) restores the direct
    // lost revenue: Σ min(1, rate + δ)·counterfactual = Σ direct loss, monotone in δ
    Map<String, Pooled> out = new HashMap<>();
    Map<String, List<Direct>> byIndustry = new TreeMap<>();
    used.forEach(d -> byIndustry.computeIfAbsent(d.industry(), k -> new ArrayList<>()).add(d));
    byIndustry.forEach(
        (industry, list) -> {
          double target = 0;
          for (Direct d : list) {
            target += d.counterfactual() - d.actual();
          }
          double lo = -4;
          double hi = 4;
          for (int it = 0; it < 100; it++) {
            double mid = 0.5 * (lo + hi);
            double sum = 0;
            for (Direct d : list) {
              sum += Math.min(1, pooled.get(d.merchantId()).rate() + mid) * d.counterfactual();
            }
            if (sum < target) {
              lo = mid;
            } else {
              hi = mid;
            }
          }
          double delta = 0.5 * (lo + hi);
          for (Direct d : list) {
            Pooled q = pooled.get(d.merchantId());
            out.put(d.merchantId(), new Pooled(Math.min(1, q.rate() + delta), q.mse(), q.weight()));
          }
        });
    return new LossRatePooling(Collections.unmodifiableMap(out));
  }

  /**
   * A ≥ {@link #MIN_BETWEEN_VARIANCE} solving the Fay–Herriot moment equation Σ r²/(A + e) = df for
   * residuals r with error variances e (the left side falls in A).
   */
  private static double between(double[] r, double[] e, int df) {
    java.util.function.DoubleUnaryOperator lhs =
        a -> {
          double sum = 0;
          for (int i = 0; i < r.length; i++) {
            sum += r[i] * r[i] / (a + e[i]);
          }
          return sum;
        };
    double lo = MIN_BETWEEN_VARIANCE;
    if (lhs.applyAsDouble(lo) <= df) {
      return lo;
    }
    double hi = 1;
    while (lhs.applyAsDouble(hi) > df && hi < 1e6) {
      hi *= 4;
    }
    for (int it = 0; it < 80; it++) {
      double mid = 0.5 * (lo + hi);
      if (lhs.applyAsDouble(mid) > df) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }

  /** Weighted least squares with weights 1/(A + v); fills {@code info} with X'WX. */
  private static double[] wls(double[][] x, double[] y, double[] v, double a, double[][] info) {
    int p = x[0].length;
    double[] xty = new double[p];
    for (int i = 0; i < y.length; i++) {
      double w = 1 / (a + v[i]);
      for (int j = 0; j < p; j++) {
        xty[j] += w * x[i][j] * y[i];
        for (int k = 0; k < p; k++) {
          info[j][k] += w * x[i][j] * x[i][k];
        }
      }
    }
    // a whisper of ridge keeps a design with an empty or collinear column solvable
    double trace = 0;
    for (int j = 0; j < p; j++) {
      trace += info[j][j];
    }
    for (int j = 0; j < p; j++) {
      info[j][j] += 1e-9 * trace / p;
    }
    return Linear.solve(info, xty);
  }

  /** The covariates: one level per industry, then recovery, estimate kind and size. */
  private record Design(List<Direct> used) {
    double[][] rows() {
      List<String> industries =
          new ArrayList<>(new TreeSet<>(used.stream().map(Direct::industry).toList()));
      Map<String, double[]> logSize = new TreeMap<>();
      for (Direct d : used) {
        double[] s = logSize.computeIfAbsent(d.industry(), k -> new double[2]);
        s[0] += Math.log(d.counterfactual());
        s[1]++;
      }
      String[] kinds = {"short_history", "left_platform", "no_control_series"};
      int p = industries.size() + 2 + kinds.length + 1;
      double[][] x = new double[used.size()][p];
      for (int i = 0; i < used.size(); i++) {
        Direct d = used.get(i);
        int j = industries.indexOf(d.industry());
        x[i][j] = 1;
        int at = industries.size();
        double r = d.recoveredPct();
        x[i][at] = r > 0.1 && r < 99.9 ? 1 : 0;
        x[i][at + 1] = r <= 0.1 ? 1 : 0;
        at += 2;
        for (int k = 0; k < kinds.length; k++) {
          x[i][at + k] = kinds[k].equals(d.quality()) ? 1 : 0;
        }
        at += kinds.length;
        double[] s = logSize.get(d.industry());
        x[i][at] = Math.log(d.counterfactual()) - s[0] / s[1];
      }
      return x;
    }
  }
}

package dev.aftermath.impact;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A merchant's revenue had the outage not happened. Existing merchants: a quasi-Poisson regression
 * of daily revenue on the last {@code fitDays} pre-outage days,
 *
 * <pre>  log E[R_d] = α + γ·(d − d₀)/365 + β·log I_d + Σ_k δ_k·[dow(d) = k] + ρ·[d ≥ d₀ − 7]</pre>
 *
 * with I the industry's control series (the outside demand index), projected over the impact period
 * with the index's actual values there. Uncertainty: coefficients drawn from N(β̂, Σ̂) and daily
 * outcome noise with the fitted dispersion; where a merchant's weeks are heavy-tailed, its level
 * and outcome are resampled from its own weeks ({@link Weeks}). Without a control series the trend
 * and index terms are dropped and the level is fitted on the last 28 days. New merchants and those
 * with under 14 days of history: their level after the restore (all their days for a new merchant,
 * the first four weeks for an existing one), carried along their peers' ramp-up curve by age
 * ({@link RampUp}) and scaled by the control series where there is one.
 */
public final class CounterfactualModel {
  static final int MIN_HISTORY_DAYS = 14;
  static final int TREND_MIN_DAYS = 28;

  /**
   * Pre-outage days whose residuals are kept: the fit window, so that the industry's shared error
   * ({@code LostRevenueJob.sharedError}) is measured over days of every demand level.
   */
  static final int RESIDUAL_DAYS = LostRevenueJob.FIT_DAYS;

  /** Pre-outage days the daily path starts before the outage. */
  static final int PATH_DAYS = 28;

  /** Without a control series the level is fitted on this many days before the outage. */
  static final int LEVEL_DAYS = 28;

  static final int NEW_LEVEL_DAYS = 28;

  /**
   * Before pooling, nearly flat priors (trend ~ N(0, 10/yr), β ~ N(1, 2)) keep degenerate fits
   * finite.
   */
  static final double[] DEFAULT_PRIOR = {0, 10.0, 1, 2.0};

  /** Prior precision multiplier that fixes a coefficient at its prior mean. */
  static final double PINNED = 1e6;

  /** Days before the outage whose level may shift away from the long-run fit. */
  static final int RECENT_DAYS = 7;

  /** Scale of the Cauchy prior on that shift (log scale: 0.05 ≈ 5%). */
  static final double RECENT_LEVEL_SCALE = 0.05;

  /**
   * A projected day never exceeds this multiple of the merchant's best day in the fit window: a
   * guard against extrapolating a steep fitted trend or control coefficient far outside the data.
   */
  static final double MAX_PROJECTED_MULTIPLE = 3;

  /** The trend is projected at most this many days past the outage start, then held flat. */
  static final int TREND_DAYS_PROJECTED = 10000;

  private final ImpactSettings s;

  public CounterfactualModel(ImpactSettings settings) {
    this.s = settings;
  }

  public MerchantEstimate estimate(MerchantSeries m) {
    double[] control = s.control().get(m.industry());
    int historyDays = 0;
    for (int d = Math.max(m.firstDay(), 0); d < s.outageDay(); d++) {
      if (!Double.isNaN(m.revenue()[d])) {
        historyDays++;
      }
    }
    boolean existing = !m.isNew();
    String quality;
    if (m.isNew()) {
      quality = "new_merchant";
    } else if (historyDays < TREND_MIN_DAYS) {
      quality = "short_history";
    } else if (m.leftPlatform()) {
      quality = "left_platform";
    } else if (control == null) {
      quality = "no_control_series";
    } else {
      quality = "ok";
    }
    UniformRandomProvider rng =
        RandomSource.XO_RO_SHI_RO_128_PP.create(
            new long[] {s.seed(), m.merchantId().hashCode() * 0x9E3779B97F4A7C15L});
    ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] mu;
    double[][] draws;
    double dispersion;
    Weeks weeks = null;
    double[] residuals = new double[RESIDUAL_DAYS];
    double[] fitted = new double[RESIDUAL_DAYS];
    java.util.Arrays.fill(residuals, Double.NaN);
    java.util.Arrays.fill(fitted, Double.NaN);
    double[] coefficients = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    if (m.isNew() || historyDays < MIN_HISTORY_DAYS) {
      Level level = levelAfterRestore(m, control);
      mu = level.path;
      dispersion = level.dispersion;
      draws = levelDraws(level, gauss);
    } else {
      boolean withControl = control != null;
      // with under TREND_MIN_DAYS of history the trend and control coefficients are not learnt
      // from the merchant but pinned at its industry's pooled values (an offset)
      boolean withTrend = withControl;
      double pin = historyDays >= TREND_MIN_DAYS ? 1 : PINNED;
      int window = withControl ? s.fitDays() : LEVEL_DAYS;
      int from = Math.max(m.firstDay(), s.outageDay() - window);
      List<double[]> rows = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (int d = from; d < s.outageDay(); d++) {
        if (!Double.isNaN(m.revenue()[d])) {
          rows.add(design(d, control, withTrend));
          ys.add(m.revenue()[d]);
        }
      }
      double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
      double[] w = new double[y.length];
      java.util.Arrays.fill(w, 1);
      if (java.util.Arrays.stream(y).sum() <= 0) {
        mu = new double[s.horizonDay() + 1];
        dispersion = 0;
        draws = new double[s.draws()][s.horizonDay() + 1];
      } else {
        int p = rows.get(0).length;
        double[] priorMean = new double[p];
        double[] priorPrecision = new double[p];
        boolean[] cauchy = new boolean[p];
        if (withTrend) {
          // the recent level: a shift of the last days' level, Cauchy prior (a growth spurt just
          // before the outage passes, a noisy week is shrunk away)
          priorPrecision[p - 1] = 1 / (RECENT_LEVEL_SCALE * RECENT_LEVEL_SCALE);
          cauchy[p - 1] = true;
          // pooled over the industry's merchants (empirical Bayes) once known, else weak defaults
          double[] prior = s.priors().getOrDefault(m.industry(), DEFAULT_PRIOR);
          priorMean[1] = prior[0];
          priorPrecision[1] = pin / (prior[1] * prior[1]);
          priorMean[2] = prior[2];
          priorPrecision[2] = pin / (prior[3] * prior[3]);
        }
        double[][] x = rows.toArray(double[][]::new);
        PoissonRegression.Fit fit =
            weeklyDispersion(
                PoissonRegression.fit(x, y, w, priorMean, priorPrecision, cauchy), x, y);
        dispersion = fit.dispersion();
        mu = new double[s.horizonDay() + 1];
        double cap = MAX_PROJECTED_MULTIPLE * java.util.Arrays.stream(y).max().orElse(0);
        for (int d = 0; d <= s.horizonDay(); d++) {
          mu[d] = Math.min(cap, fit.mean(design(d, control, withTrend)));
        }
        for (int k = 0; k < RESIDUAL_DAYS; k++) {
          int d = s.outageDay() - RESIDUAL_DAYS + k;
          // the fit's own days only: before its window a level fit says nothing
          if (d >= from && !Double.isNaN(m.revenue()[d])) {
            residuals[k] = m.revenue()[d] - mu[d];
            fitted[k] = mu[d];
          }
        }
        weeks = Weeks.of(x, y, fit);
        draws = coefficientDraws(fit, control, withTrend, gauss, x, weeks, rng);
        for (double[] draw : draws) {
          for (int d = 0; d < draw.length; d++) {
            draw[d] = Math.min(cap, draw[d]);
          }
        }
        if (withTrend && historyDays >= TREND_MIN_DAYS) {
          coefficients =
              new double[] {
                fit.beta()[1], fit.covariance()[1][1], fit.beta()[2], fit.covariance()[2][2]
              };
        }
      }
    }
    if (!"ok".equals(quality) && !"left_platform".equals(quality)) {
      driftDraws(draws, m.industry(), gauss);
    }
    double[] cf = split(m, mu);
    double[] actual = actuals(m);
    double[] counterfactualDraws = new double[s.draws()];
    int periodWeeks =
        Math.max(
            1,
            (int)
                Math.round(
                    (Math.min(m.lastDay(), s.horizonDay())
                            - Math.max(s.outageDay(), m.firstDay())
                            + 1)
                        / 7.0));
    for (int k = 0; k < s.draws(); k++) {
      double[] parts = split(m, draws[k]);
      double total = parts[0] + parts[1];
      if (weeks != null) {
        // the realized no-outage revenue scatters around its mean as the merchant's own weeks
        // did: as many of its weeks' residuals, resampled, as the period has weeks, each scaled
        // from its own week's volume to the period's weekly volume
        double noise = 0;
        for (int j = 0; j < periodWeeks; j++) {
          noise += weeks.residual(rng.nextInt(weeks.count()));
        }
        counterfactualDraws[k] =
            Math.max(0, total + Math.sqrt(Math.max(0, total) / periodWeeks) * noise);
      } else {
        // a level measured on few days: Var = φ·mean (quasi-Poisson)
        double noise = Math.sqrt(Math.max(dispersion * total, 0)) * gauss.sample();
        counterfactualDraws[k] = Math.max(0, total + noise);
      }
    }
    int pathStart = Math.max(0, s.outageDay() - PATH_DAYS);
    double[] path = java.util.Arrays.copyOfRange(mu, pathStart, s.horizonDay() + 1);
    double[] flat = new double[s.horizonDay() + 1];
    java.util.Arrays.fill(flat, naiveDaily(m));
    double[] naive = split(m, flat);
    return new MerchantEstimate(
        m.merchantId(),
        m.industry(),
        existing,
        quality,
        cf[0],
        cf[1],
        actual[0],
        actual[1],
        naive[0] + naive[1],
        counterfactualDraws,
        pathStart,
        path,
        residuals,
        fitted,
        coefficients);
  }

  /**
   * Daily residuals of one merchant are positively correlated (the same customers come back within
   * days), so a dispersion measured day by day understates the uncertainty of weekly and longer
   * totals. The dispersion is also measured on residuals summed over the 7-day blocks ending at the
   * outage; the larger of the two scales the coefficient covariance and the outcome noise.
   */
  static PoissonRegression.Fit weeklyDispersion(
      PoissonRegression.Fit fit, double[][] x, double[] y) {
    WeekSums sums = WeekSums.of(x, y, fit);
    double pearson = 0;
    int used = 0;
    for (int b = 0; b < sums.count(); b++) {
      if (sums.fitted()[b] > 0) {
        double residual = sums.observed()[b] - sums.fitted()[b];
        pearson += residual * residual / sums.fitted()[b];
        used++;
      }
    }
    double weekly = pearson / Math.max(1, used - 3);
    if (used < 4 || weekly <= fit.dispersion()) {
      return fit;
    }
    double scale = weekly / fit.dispersion();
    double[][] cov = new double[fit.covariance().length][];
    for (int i = 0; i < cov.length; i++) {
      cov[i] = fit.covariance()[i].clone();
      for (int j = 0; j < cov[i].length; j++) {
        cov[i][j] *= scale;
      }
    }
    return new PoissonRegression.Fit(fit.beta(), cov, weekly, fit.iterations(), fit.converged());
  }

  /**
   * A fit window's observed and fitted revenue summed by 7-day block, block 0 ending on the
   * window's last day (a first, shorter block holds the remainder), with the days in each block.
   */
  record WeekSums(double[] observed, double[] fitted, int[] days) {
    static WeekSums of(double[][] x, double[] y, PoissonRegression.Fit fit) {
      int blocks = (y.length + 6) / 7;
      WeekSums sums = new WeekSums(new double[blocks], new double[blocks], new int[blocks]);
      for (int i = 0; i < y.length; i++) {
        int b = (y.length - 1 - i) / 7;
        sums.observed[b] += y[i];
        sums.fitted[b] += fit.mean(x[i]);
        sums.days[b]++;
      }
      return sums;
    }

    int count() {
      return observed.length;
    }
  }

  /**
   * Regressors of day {@code d}: intercept, [trend, log control], six weekday indicators, [the
   * recent level: 1 from {@link #RECENT_DAYS} before the outage on].
   */
  private double[] design(int d, double[] control, boolean withTrend) {
    return design(s, d, control, withTrend, withTrend);
  }

  static double[] design(
      ImpactSettings s, int d, double[] control, boolean withTrend, boolean withRecentLevel) {
    int p = 1 + (withTrend ? 2 : 0) + 6 + (withRecentLevel ? 1 : 0);
    double[] x = new double[p];
    int j = 0;
    x[j++] = 1;
    if (withTrend) {
      x[j++] = Math.min(d - s.outageDay(), TREND_DAYS_PROJECTED) / 365.0;
      x[j++] = Math.log(control[Math.min(d, control.length - 1)]);
    }
    DayOfWeek dow = s.origin().plusDays(d).getDayOfWeek();
    if (dow != DayOfWeek.SUNDAY) {
      x[j + dow.getValue() - 1] = 1;
    }
    if (withRecentLevel) {
      x[p - 1] = d >= s.outageDay() - RECENT_DAYS ? 1 : 0;
    }
    return x;
  }

  /**
   * Draws of the mean path over the impact period. The coefficients are drawn from N(β̂, Σ̂). For a
   * merchant with heavy-tailed weeks ({@code weeks} not null) each draw is the shape only: rescaled
   * so that its fitted revenue over the fit window is the fit's, its level then multiplied by the
   * window's level over resampled weeks (a bootstrap of the level, as skewed as the weeks were, in
   * place of a log-normal spread of the intercept that heavy-tailed weeks blow up).
   */
  private double[][] coefficientDraws(
      PoissonRegression.Fit fit,
      double[] control,
      boolean withTrend,
      ZigguratSampler.NormalizedGaussian gauss,
      double[][] window,
      Weeks weeks,
      UniformRandomProvider rng) {
    double[][] l = Linear.cholesky(fit.covariance());
    int p = fit.beta().length;
    double[][] out = new double[s.draws()][s.horizonDay() + 1];
    double[][] x = new double[s.horizonDay() + 1][];
    for (int d = s.outageDay(); d <= s.horizonDay(); d++) {
      x[d] = design(d, control, withTrend);
    }
    double fittedWindow = 0;
    if (weeks != null) {
      for (double[] row : window) {
        fittedWindow += fit.mean(row);
      }
    }
    for (int k = 0; k < s.draws(); k++) {
      double[] z = new double[p];
      for (int j = 0; j < p; j++) {
        z[j] = gauss.sample();
      }
      double[] b = fit.beta().clone();
      for (int i = 0; i < p; i++) {
        for (int j = 0; j <= i; j++) {
          b[i] += l[i][j] * z[j];
        }
      }
      double scale = 1;
      if (weeks != null) {
        double drawn = 0;
        for (double[] row : window) {
          drawn += Math.exp(Math.min(Linear.dot(b, row), 50));
        }
        scale = (drawn > 0 ? fittedWindow / drawn : 1) * weeks.resampledLevel(rng);
      }
      for (int d = s.outageDay(); d <= s.horizonDay(); d++) {
        out[k][d] = scale * Math.exp(Math.min(Linear.dot(b, x[d]), 50));
      }
    }
    return out;
  }

  /** Weeks a merchant's level and outcome are resampled from: with fewer, drawn from φ. */
  static final int MIN_NOISE_WEEKS = 8;

  /**
   * The fit window's 7-day blocks ending at the outage (those with at least 4 observed days and a
   * fitted revenue), observed revenue scaled so that it sums to the fitted. Resampled, they give
   * the level's and the realized revenue's scatter with the shape the merchant's own weeks had:
   * skewed where a few large orders make the weeks (business buyers), not a symmetric Poisson
   * spread on money, and with each week weighing by its volume, so a week of collapsed demand and a
   * handful of orders does not count as much as a normal one.
   */
  record Weeks(double[] observed, double[] fitted) {
    int count() {
      return observed.length;
    }

    /**
     * The week's residual on the volume scale, (observed − fitted) ÷ √fitted, times √(n ÷ (n − 3)):
     * residuals of a fit scatter less than the errors they stand for (the weekly dispersion's
     * degrees of freedom).
     */
    double residual(int b) {
      return inflation() * (observed[b] - fitted[b]) / Math.sqrt(fitted[b]);
    }

    private double inflation() {
      return Math.sqrt(observed.length / (observed.length - 3.0));
    }

    /** The window's level ratio Σ observed ÷ Σ fitted over weeks drawn with replacement. */
    double resampledLevel(UniformRandomProvider rng) {
      double o = 0;
      double f = 0;
      for (int j = 0; j < observed.length; j++) {
        int b = rng.nextInt(observed.length);
        o += observed[b];
        f += fitted[b];
      }
      return f > 0 ? Math.max(0, 1 + inflation() * (o / f - 1)) : 1;
    }

    /**
     * The weeks of a fit where they are heavy-tailed; null where they are not, or fewer than {@link
     * #MIN_NOISE_WEEKS}.
     */
    static Weeks of(double[][] x, double[] y, PoissonRegression.Fit fit) {
      WeekSums sums = WeekSums.of(x, y, fit);
      double[] observed = sums.observed();
      double[] fitted = sums.fitted();
      int[] days = sums.days();
      int blocks = sums.count();
      List<double[]> kept = new ArrayList<>();
      double sumObserved = 0;
      double sumFitted = 0;
      for (int b = 0; b < blocks; b++) {
        if (days[b] >= 4 && fitted[b] > 0) {
          kept.add(new double[] {observed[b], fitted[b]});
          sumObserved += observed[b];
          sumFitted += fitted[b];
        }
      }
      if (kept.size() < MIN_NOISE_WEEKS || sumObserved <= 0) {
        return null;
      }
      double scale = sumFitted / sumObserved;
      Weeks weeks =
          new Weeks(
              kept.stream().mapToDouble(v -> v[0] * scale).toArray(),
              kept.stream().mapToDouble(v -> v[1]).toArray());
      return weeks.heavyTailed() ? weeks : null;
    }

    /**
     * Whether the weekly residuals reject the quasi-Poisson model's near-normal weeks: their sample
     * excess kurtosis above its one-sided 99% bound under normality, 2.33·√(24/n).
     */
    boolean heavyTailed() {
      int n = count();
      double mean = 0;
      for (int b = 0; b < n; b++) {
        mean += residual(b) / n;
      }
      double m2 = 0;
      double m4 = 0;
      for (int b = 0; b < n; b++) {
        double d = residual(b) - mean;
        m2 += d * d / n;
        m4 += d * d * d * d / n;
      }
      return m2 > 0 && m4 / (m2 * m2) - 3 > 2.33 * Math.sqrt(24.0 / n);
    }
  }

  /**
   * Where the merchant's own history cannot carry the forecast (no control series, short history,
   * new), its level is let drift as a random walk with the peers' weekly step σ: the mean level
   * over the H weeks after the outage then has log-variance σ²·H/3. Each draw gets its own level
   * factor.
   */
  private void driftDraws(double[][] draws, String industry, ZigguratSampler.NormalizedGaussian g) {
    double step = s.levelDrift().getOrDefault(industry, 0.0);
    double weeks = (s.horizonDay() - s.outageDay() + 1) / 7.0;
    double sd = step * Math.sqrt(weeks / 3);
    for (double[] draw : draws) {
      double f = Math.exp(sd * g.sample() - sd * sd / 2);
      for (int d = 0; d < draw.length; d++) {
        draw[d] *= f;
      }
    }
  }

  /** The level of a merchant without usable history: its first weeks after the restore. */
  private record Level(double[] path, double[] dailyRatios, double mean, double dispersion) {}

  private Level levelAfterRestore(MerchantSeries m, double[] control) {
    double[] ramp = s.rampUp().getOrDefault(m.industry(), s.rampUp().get(RampUp.PLATFORM));
    List<Double> ratios = new ArrayList<>();
    double growth = 0;
    int last = m.isNew() ? m.lastDay() : Math.min(m.lastDay(), s.endDay() + NEW_LEVEL_DAYS);
    for (int d = s.endDay() + 1; d <= last; d++) {
      if (!Double.isNaN(m.revenue()[d])) {
        ratios.add(m.revenue()[d] / (control == null ? 1 : control[d]));
        growth += RampUp.at(ramp, d - m.firstDay());
      }
    }
    double mean = ratios.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    // the level at the ages measured, on the peers' curve: the level at age a is then mean × g(a)
    // ÷ (mean g over the ages measured)
    double atMeasured = ratios.isEmpty() ? 1 : growth / ratios.size();
    double var =
        ratios.stream().mapToDouble(r -> (r - mean) * (r - mean)).sum()
            / Math.max(1, ratios.size() - 1);
    double[] path = new double[s.horizonDay() + 1];
    for (int d = 0; d <= s.horizonDay(); d++) {
      double grown = atMeasured > 0 ? RampUp.at(ramp, d - m.firstDay()) / atMeasured : 1;
      path[d] = mean * grown * (control == null ? 1 : control[Math.min(d, control.length - 1)]);
    }
    double dispersion = mean > 0 ? var / mean : 0;
    return new Level(
        path, ratios.stream().mapToDouble(Double::doubleValue).toArray(), mean, dispersion);
  }

  /** Draws of the level: a bootstrap of the days it was measured on. */
  private double[][] levelDraws(Level level, ZigguratSampler.NormalizedGaussian gauss) {
    double[][] out = new double[s.draws()][];
    int n = level.dailyRatios.length;
    double se = n > 1 ? Math.sqrt(level.dispersion * level.mean / n) : level.mean;
    for (int k = 0; k < s.draws(); k++) {
      double factor = level.mean > 0 ? Math.max(0, 1 + se / level.mean * gauss.sample()) : 0;
      out[k] = level.path.clone();
      for (int d = 0; d < out[k].length; d++) {
        out[k][d] *= factor;
      }
    }
    return out;
  }

  /**
   * [outage window, after the restore] totals of a daily path over the merchant's impact period.
   */
  double[] split(MerchantSeries m, double[] daily) {
    double outage = 0;
    double after = 0;
    int first = Math.max(s.outageDay(), m.firstDay());
    for (int d = first; d <= Math.min(m.lastDay(), s.horizonDay()); d++) {
      double v = daily[d];
      if (d == s.outageDay() && d == s.endDay()) {
        double from = s.shareFrom(m.industry(), s.startHour());
        double tail = s.shareFrom(m.industry(), s.endHour());
        outage += v * (from - tail);
        after += v * tail;
      } else if (d == s.outageDay()) {
        outage += v * s.shareFrom(m.industry(), s.startHour());
      } else if (d < s.endDay()) {
        outage += v;
      } else if (d == s.endDay()) {
        double tail = s.shareFrom(m.industry(), s.endHour());
        outage += v * (1 - tail);
        after += v * tail;
      } else {
        after += v;
      }
    }
    return new double[] {outage, after};
  }

  /** Observed revenue over the impact period, split like {@link #split}. */
  private double[] actuals(MerchantSeries m) {
    double outage = 0;
    double after = 0;
    int first = Math.max(s.outageDay(), m.firstDay());
    for (int d = first; d <= Math.min(m.lastDay(), s.horizonDay()); d++) {
      double v = Double.isNaN(m.revenue()[d]) ? 0 : m.revenue()[d];
      if (d == s.outageDay() && first == s.outageDay()) {
        outage += m.actualAfterStart();
      } else if (d == s.outageDay()) {
        outage += v;
      } else if (d < s.endDay()) {
        outage += v;
      } else if (d == s.endDay()) {
        outage += m.actualBeforeEnd();
        after += v - m.actualBeforeEnd();
      } else {
        after += v;
      }
    }
    return new double[] {outage, after};
  }

  /** The cash plan's kind of baseline: mean daily revenue of the 7 full days before the outage. */
  private double naiveDaily(MerchantSeries m) {
    double sum = 0;
    int n = 0;
    for (int d = Math.max(0, s.outageDay() - 7); d < s.outageDay(); d++) {
      if (!Double.isNaN(m.revenue()[d])) {
        sum += m.revenue()[d];
        n++;
      }
    }
    return n == 0 ? 0 : sum / n;
  }
}

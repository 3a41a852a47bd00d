package dev.aftermath.defection;

import dev.aftermath.clv.BetaQuadrature;
import dev.aftermath.clv.GammaGamma;
import dev.aftermath.clv.PurchaseModel;
import dev.aftermath.scenario.DefectionTerms;

/**
 * One active customer under its industry's models, had the outage not happened: the probability of
 * no purchase in the return window, the probability of being alive at the outage, its expected
 * discounted net revenue over the value horizon, and the gradient of the no-purchase probability in
 * the log-parameters of the purchase model (for the parameters' share of the uncertainty).
 */
record CustomerScore(double noReturn, double alive, double value, double[] gradient) {
  static final double STEP = 1e-3;
  static final double DAYS_PER_MONTH = 365.25 / 12;

  static String segment(int x) {
    return x == 0 ? "one_time" : x <= 3 ? "repeat" : "core";
  }

  /**
   * What a score needs from the purchase model alone: the same for every customer with the same
   * history under the same models and window, so it can be computed once for all of them.
   */
  record Base(double noReturn, double alive, double discountedPurchases, double[] gradient) {}

  /** The score of a customer with {@code x} repeat purchases of average value {@code monetary}. */
  static CustomerScore of(Base base, GammaGamma spend, double x, double monetary) {
    double perPurchase =
        spend != null && Double.isFinite(spend.meanSpend())
            ? spend.expectedSpend(x, monetary)
            : monetary;
    return new CustomerScore(
        base.noReturn(), base.alive(), base.discountedPurchases() * perPurchase, base.gradient());
  }

  static Base base(
      PurchaseModel model,
      DefectionTerms terms,
      double gap,
      double window,
      double[] history,
      double shift,
      BetaQuadrature quadrature) {
    double x = history[0];
    double tx = history[1];
    double t = history[2];
    double f = history[3];
    double p0 =
        Calibration.apply(model.probabilityNoPurchase(gap, window, x, tx, t, f, quadrature), shift);
    double[] log = model.toLog();
    double[] gradient = new double[DefectionPosterior.PARAMS];
    for (int k = 0; k < log.length; k++) {
      double[] moved = log.clone();
      moved[k] += STEP;
      gradient[k] =
          (Calibration.apply(
                      model
                          .withLog(moved)
                          .probabilityNoPurchase(gap, window, x, tx, t, f, quadrature),
                      shift)
                  - p0)
              / STEP;
    }
    double[] monthEnds = new double[terms.valueHorizonMonths()];
    for (int m = 0; m < monthEnds.length; m++) {
      monthEnds[m] = (m + 1) * DAYS_PER_MONTH;
    }
    double[] cumulative = model.expectedPurchases(monthEnds, x, tx, t, f, quadrature);
    double purchases = 0;
    double before = 0;
    for (int m = 0; m < cumulative.length; m++) {
      purchases +=
          (cumulative[m] - before) / Math.pow(1 + terms.annualDiscountRate(), (m + 0.5) / 12);
      before = cumulative[m];
    }
    return new Base(p0, model.probabilityAlive(x, tx, t, f), purchases, gradient);
  }
}

package dev.aftermath.clv;

import java.util.function.ToDoubleFunction;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Maximises a log-likelihood over the logarithms of positive parameters with BOBYQA (Powell's
 * bounded trust-region method, derivative-free), restarted from its own optimum until the
 * likelihood stops improving; standard errors from the inverse of the numerical Hessian in log
 * space, carried to the parameters by the delta method.
 */
final class MaximumLikelihood {
  static final double LOG_BOUND = 25;
  static final int MAX_EVALUATIONS = 50_000;
  static final int MAX_RESTARTS = 5;
  static final double HESSIAN_STEP = 1e-4;

  private MaximumLikelihood() {}

  /**
   * Log-parameters at the maximum, the maximum, their covariance (null where the Hessian is
   * singular), the parameters' standard errors (NaN where unknown), and the evaluations spent.
   */
  record Result(
      double[] logParams,
      double logLikelihood,
      double[][] logCovariance,
      double[] standardErrors,
      int evaluations) {}

  static Result maximise(ToDoubleFunction<double[]> logLikelihood, double[] start) {
    return maximise(logLikelihood, start, 0.5, 1e-10);
  }

  /**
   * The same from a trust region of {@code initialRadius}, stopping at {@code stopRadius} (in the
   * log-parameters): a start near the optimum, or a fit whose parameters need only a few digits,
   * takes fewer evaluations.
   */
  static Result maximise(
      ToDoubleFunction<double[]> logLikelihood,
      double[] start,
      double initialRadius,
      double stopRadius) {
    ToDoubleFunction<double[]> safe =
        p -> {
          double v = logLikelihood.applyAsDouble(p);
          return Double.isFinite(v) ? v : -1e300;
        };
    int n = start.length;
    double[] lower = new double[n];
    double[] upper = new double[n];
    java.util.Arrays.fill(lower, -LOG_BOUND);
    java.util.Arrays.fill(upper, LOG_BOUND);
    double[] point = start.clone();
    double best = safe.applyAsDouble(point);
    int evaluations = 0;
    for (int restart = 0; restart < MAX_RESTARTS; restart++) {
      BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * n + 1, initialRadius, stopRadius);
      PointValuePair optimum =
          optimizer.optimize(
              new MaxEval(MAX_EVALUATIONS),
              new ObjectiveFunction(safe::applyAsDouble),
              GoalType.MAXIMIZE,
              new InitialGuess(point),
              new SimpleBounds(lower, upper));
      evaluations += optimizer.getEvaluations();
      boolean improved = optimum.getValue() > best + 1e-9;
      if (optimum.getValue() >= best) {
        point = optimum.getPoint();
        best = optimum.getValue();
      }
      if (!improved && restart > 0) {
        break;
      }
    }
    double[][] cov = logCovariance(safe, point);
    double[] se = new double[n];
    for (int i = 0; i < n; i++) {
      se[i] =
          cov == null || !(cov[i][i] >= 0)
              ? Double.NaN
              : Math.exp(point[i]) * Math.sqrt(cov[i][i]); // delta method: d e^θ = e^θ dθ
    }
    return new Result(point, best, cov, se, evaluations);
  }

  /** Inverse of minus the central-difference Hessian at {@code at}; null if not invertible. */
  static double[][] logCovariance(ToDoubleFunction<double[]> f, double[] at) {
    int n = at.length;
    double h = HESSIAN_STEP;
    double[][] hessian = new double[n][n];
    double f0 = f.applyAsDouble(at);
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        double v;
        if (i == j) {
          v =
              (f.applyAsDouble(shift(at, i, h, i, 0))
                      - 2 * f0
                      + f.applyAsDouble(shift(at, i, -h, i, 0)))
                  / (h * h);
        } else {
          v =
              (f.applyAsDouble(shift(at, i, h, j, h))
                      - f.applyAsDouble(shift(at, i, h, j, -h))
                      - f.applyAsDouble(shift(at, i, -h, j, h))
                      + f.applyAsDouble(shift(at, i, -h, j, -h)))
                  / (4 * h * h);
        }
        hessian[i][j] = -v;
        hessian[j][i] = -v;
      }
    }
    try {
      RealMatrix inverse = MatrixUtils.inverse(MatrixUtils.createRealMatrix(hessian));
      return inverse.getData();
    } catch (RuntimeException singular) {
      return null;
    }
  }

  private static double[] shift(double[] at, int i, double di, int j, double dj) {
    double[] p = at.clone();
    p[i] += di;
    p[j] += dj;
    return p;
  }
}

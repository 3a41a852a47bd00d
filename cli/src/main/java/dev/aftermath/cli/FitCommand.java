package dev.aftermath.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aftermath.InvalidCaseException;
import dev.aftermath.clv.BgNbd;
import dev.aftermath.clv.FitInput;
import dev.aftermath.clv.GammaGammaFit;
import dev.aftermath.clv.ParetoNbd;
import dev.aftermath.clv.PurchaseModelFit;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aftermath fit}: the customer-model fitters on a CSV of customer summaries. */
@Command(
    name = "fit",
    mixinStandardHelpOptions = true,
    description = "Fit a customer model to a CSV of customer summaries; prints JSON.",
    subcommands = {
      FitCommand.BgNbdCommand.class,
      FitCommand.ParetoNbdCommand.class,
      FitCommand.GammaGammaCommand.class
    })
public final class FitCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing model: bgnbd, paretonbd or gamma-gamma");
  }

  /** {@code aftermath fit bgnbd --input FILE}. */
  @Command(
      name = "bgnbd",
      mixinStandardHelpOptions = true,
      description =
          "BG/NBD by maximum likelihood. FILE has columns frequency (repeat purchases), recency"
              + " (time of the last purchase after the first) and T (time since the first"
              + " purchase), in any one time unit.")
  static class BgNbdCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    /** Whether this is the Pareto/NBD command, which reads the same input. */
    boolean pareto;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "CSV file.")
    Path input;

    @Override
    public Integer call() {
      FitInput in = FitInput.read(input, List.of("frequency", "recency", "T"));
      double[] x = in.column("frequency");
      double[] tx = in.column("recency");
      double[] t = in.column("T");
      for (int i = 0; i < in.rows(); i++) {
        wholeNumber(in, i, "frequency", x[i]);
        if (tx[i] > t[i]) {
          throw new InvalidCaseException(
              FitInput.problem(
                  input, in.line(i), "recency", fmt(tx[i]), "is after T (" + fmt(t[i]) + ")"));
        }
        if (x[i] > 0 && tx[i] <= 0) {
          throw new InvalidCaseException(
              FitInput.problem(
                  input,
                  in.line(i),
                  "recency",
                  fmt(tx[i]),
                  "must be > 0 for a customer with repeat purchases"));
        }
      }
      if (in.rows() == 0) {
        throw new InvalidCaseException(input + ": no customers");
      }
      double[] w = ones(in.rows());
      Map<String, Object> json = new LinkedHashMap<>();
      List<String> names;
      PurchaseModelFit fit;
      if (pareto) {
        fit = PurchaseModelFit.paretonbd(x, tx, t, w);
        ParetoNbd m = (ParetoNbd) fit.model();
        names = List.of("r", "alpha", "s", "beta");
        json.put("model", "paretonbd");
        json.put("r", m.r());
        json.put("alpha", m.alpha());
        json.put("s", m.s());
        json.put("beta", m.beta());
      } else {
        fit = PurchaseModelFit.bgnbd(x, tx, t, w);
        BgNbd m = (BgNbd) fit.model();
        names = List.of("r", "alpha", "a", "b");
        json.put("model", "bgnbd");
        json.put("r", m.r());
        json.put("alpha", m.alpha());
        json.put("a", m.a());
        json.put("b", m.b());
      }
      json.put("log_likelihood", fit.logLikelihood());
      json.put("n", in.rows());
      json.put("standard_errors", errors(names, fit.standardErrors()));
      return print(spec, json);
    }
  }

  /** {@code aftermath fit paretonbd --input FILE}. */
  @Command(
      name = "paretonbd",
      mixinStandardHelpOptions = true,
      description =
          "Pareto/NBD by maximum likelihood, on the same input as bgnbd (frequency, recency, T).")
  static final class ParetoNbdCommand extends BgNbdCommand {
    ParetoNbdCommand() {
      pareto = true;
    }
  }

  /** {@code aftermath fit gamma-gamma --input FILE}. */
  @Command(
      name = "gamma-gamma",
      mixinStandardHelpOptions = true,
      description =
          "Gamma-Gamma spend model by maximum likelihood. FILE has columns frequency (repeat"
              + " purchases) and monetary_value (their average value); rows with frequency 0 are"
              + " ignored.")
  static final class GammaGammaCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "CSV file.")
    Path input;

    @Override
    public Integer call() {
      FitInput in = FitInput.read(input, List.of("frequency", "monetary_value"));
      double[] x = in.column("frequency");
      double[] m = in.column("monetary_value");
      int kept = 0;
      for (int i = 0; i < in.rows(); i++) {
        wholeNumber(in, i, "frequency", x[i]);
        if (x[i] > 0) {
          if (m[i] <= 0) {
            throw new InvalidCaseException(
                FitInput.problem(
                    input,
                    in.line(i),
                    "monetary_value",
                    fmt(m[i]),
                    "must be > 0 for a customer with repeat purchases"));
          }
          kept++;
        }
      }
      if (kept == 0) {
        throw new InvalidCaseException(input + ": no customers with frequency > 0");
      }
      double[] xs = new double[kept];
      double[] ms = new double[kept];
      for (int i = 0, k = 0; i < in.rows(); i++) {
        if (x[i] > 0) {
          xs[k] = x[i];
          ms[k++] = m[i];
        }
      }
      GammaGammaFit fit = GammaGammaFit.fit(xs, ms, ones(kept));
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("model", "gamma-gamma");
      json.put("p", fit.params().p());
      json.put("q", fit.params().q());
      json.put("gamma", fit.params().gamma());
      json.put("log_likelihood", fit.logLikelihood());
      json.put("n", kept);
      json.put("ignored_zero_frequency", in.rows() - kept);
      json.put("standard_errors", errors(List.of("p", "q", "gamma"), fit.standardErrors()));
      return print(spec, json);
    }
  }

  private static void wholeNumber(FitInput in, int i, String column, double v) {
    if (v != Math.rint(v)) {
      throw new InvalidCaseException(
          FitInput.problem(
              in.file(), in.line(i), column, fmt(v), "is not a whole number of purchases"));
    }
  }

  private static Map<String, Object> errors(List<String> names, double[] se) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      out.put(names.get(i), Double.isFinite(se[i]) ? se[i] : null);
    }
    return out;
  }

  private static double[] ones(int n) {
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1);
    return w;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static int print(picocli.CommandLine.Model.CommandSpec spec, Map<String, Object> json) {
    try {
      spec.commandLine()
          .getOut()
          .println(
              new ObjectMapper()
                  .enable(SerializationFeature.INDENT_OUTPUT)
                  .writeValueAsString(json));
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.aftermath.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aftermath.bench.Benchmark;
import dev.aftermath.bench.Scaling;
import dev.aftermath.spark.SparkSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code aftermath benchmark}: the peer comparison of a finished run, or the scaling fit over
 * earlier results. bench/run drives it; see bench/README.md.
 */
@Command(
    name = "benchmark",
    mixinStandardHelpOptions = true,
    description =
        "Time the DuckDB peer and the plain-Spark floor on a finished run's Parquet and write the"
            + " benchmark result as JSON (--out, --results), or fit time against rows over earlier results (--scaling).")
public final class BenchmarkCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", paramLabel = "OUT", description = "Output folder of a finished run.")
  Path out;

  @Option(names = "--results", paramLabel = "FILE", description = "Where to write the result JSON.")
  Path results;

  @Option(
      names = "--case",
      paramLabel = "DIR",
      description = "The run's case folder, if not where its run-summary.json says.")
  Path casePath;

  @Option(names = "--label", paramLabel = "TEXT", defaultValue = "aftermath benchmark")
  String label;

  @Option(
      names = "--scaling",
      paramLabel = "FILE",
      arity = "1..*",
      description = "Result JSON files of runs at several scales.")
  List<Path> scaling;

  @Override
  public Integer call() throws Exception {
    var printer = spec.commandLine().getOut();
    if (scaling != null) {
      List<JsonNode> rs = new ArrayList<>();
      for (Path p : scaling) {
        if (!Files.isRegularFile(p)) {
          throw new ParameterException(spec.commandLine(), "--scaling: no such file " + p);
        }
        rs.add(new ObjectMapper().readTree(p.toFile()));
      }
      Scaling.print(rs, printer);
      printer.flush();
      return ExitCodes.OK;
    }
    if (out == null || results == null) {
      throw new ParameterException(spec.commandLine(), "give --out and --results, or --scaling");
    }
    if (!Files.isRegularFile(out.resolve("run-summary.json"))) {
      throw new ParameterException(
          spec.commandLine(),
          "--out: " + out + " has no run-summary.json: it holds no finished run");
    }
    SparkSession spark = SparkSessions.create("aftermath benchmark");
    try {
      Benchmark.compare(spark, out, casePath, label, results, printer);
    } finally {
      spark.stop();
    }
    printer.flush();
    return ExitCodes.OK;
  }
}

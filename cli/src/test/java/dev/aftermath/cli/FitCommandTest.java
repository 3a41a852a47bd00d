package dev.aftermath.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code aftermath fit} reproduces the published CDNOW estimates (Fader, Hardie & Lee 2005): BG/NBD
 * r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4; Gamma-Gamma p = 6.25, q = 3.74, γ =
 * 15.44. The data stays in ../shared/data/cdnow; the test is skipped where it is absent.
 */
class FitCommandTest {
  static final Path CDNOW = Path.of("..", "..", "shared", "data", "cdnow");

  @TempDir Path tmp;
  private final StringWriter err = new StringWriter();
  private final StringWriter out = new StringWriter();

  private int run(String... args) {
    CommandLine cli = AftermathCli.commandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(out, true));
    return cli.execute(args);
  }

  private JsonNode json() throws Exception {
    return new ObjectMapper().readTree(out.toString());
  }

  private static Path cdnow(String file) {
    Path p = CDNOW.resolve(file);
    assumeTrue(
        Files.isRegularFile(p), "CDNOW sample not found at " + p.toAbsolutePath() + ": skipped");
    return p;
  }

  @Test
  void bgnbdReproducesThePublishedCdnowFit() throws Exception {
    Path input = cdnow("cdnow_customers_summary.csv");
    assertThat(run("fit", "bgnbd", "--input", input.toString())).as(err.toString()).isZero();
    JsonNode fit = json();
    assertThat(fit.get("model").asText()).isEqualTo("bgnbd");
    assertThat(fit.get("n").asInt()).isEqualTo(2357);
    assertThat(fit.get("r").asDouble()).isCloseTo(0.243, within(0.243 * 0.01));
    assertThat(fit.get("alpha").asDouble()).isCloseTo(4.414, within(4.414 * 0.01));
    assertThat(fit.get("a").asDouble()).isCloseTo(0.793, within(0.793 * 0.01));
    assertThat(fit.get("b").asDouble()).isCloseTo(2.426, within(2.426 * 0.01));
    assertThat(fit.get("log_likelihood").asDouble()).isCloseTo(-9582.4, within(0.1));
    for (String p : List.of("r", "alpha", "a", "b")) {
      double se = fit.get("standard_errors").get(p).asDouble();
      assertThat(se).as(p).isPositive().isLessThan(fit.get(p).asDouble());
    }
  }

  @Test
  void paretoNbdReproducesThePublishedCdnowFit() throws Exception {
    // FHL 2005 (table 1) and Fader & Hardie's note on the Pareto/NBD: r = 0.553, α = 10.578,
    // s = 0.606, β = 11.669, LL = −9595.0
    Path input = cdnow("cdnow_customers_summary.csv");
    assertThat(run("fit", "paretonbd", "--input", input.toString())).as(err.toString()).isZero();
    JsonNode fit = json();
    assertThat(fit.get("model").asText()).isEqualTo("paretonbd");
    assertThat(fit.get("r").asDouble()).isCloseTo(0.553, within(0.553 * 0.01));
    assertThat(fit.get("alpha").asDouble()).isCloseTo(10.578, within(10.578 * 0.01));
    assertThat(fit.get("s").asDouble()).isCloseTo(0.606, within(0.606 * 0.01));
    assertThat(fit.get("beta").asDouble()).isCloseTo(11.669, within(11.669 * 0.01));
    assertThat(fit.get("log_likelihood").asDouble()).isCloseTo(-9595.0, within(0.1));
  }

  @Test
  void gammaGammaReproducesThePublishedCdnowFit() throws Exception {
    Path source = cdnow("cdnow_customers_summary_with_transactions.csv");
    // the published fit is on x and zbar; the command reads frequency and monetary_value
    List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
    StringBuilder csv = new StringBuilder("frequency,monetary_value\n");
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      csv.append(f[1]).append(',').append(f[4]).append('\n');
    }
    Path input = tmp.resolve("spend.csv");
    Files.writeString(input, csv);
    assertThat(run("fit", "gamma-gamma", "--input", input.toString())).as(err.toString()).isZero();
    JsonNode fit = json();
    assertThat(fit.get("n").asInt()).isEqualTo(946);
    assertThat(fit.get("p").asDouble()).isCloseTo(6.25, within(6.25 * 0.01));
    assertThat(fit.get("q").asDouble()).isCloseTo(3.74, within(3.74 * 0.01));
    assertThat(fit.get("gamma").asDouble()).isCloseTo(15.44, within(15.44 * 0.01));
  }

  @Test
  void badInputNamesFileLineColumnAndValueAndExitsTwo() throws Exception {
    Path missing = tmp.resolve("missing.csv");
    Files.writeString(missing, "frequency,recency\n1,2\n");
    assertThat(run("fit", "bgnbd", "--input", missing.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("missing.csv").contains("missing column(s) [T]");

    Path negative = tmp.resolve("negative.csv");
    Files.writeString(negative, "frequency,recency,T\n1,2,3\n-1,2,3\n");
    assertThat(run("fit", "bgnbd", "--input", negative.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("negative.csv line 3, column frequency: '-1' is negative");

    Path late = tmp.resolve("late.csv");
    Files.writeString(late, "Frequency,Recency,t\n1,2,3\n2,5,4\n");
    assertThat(run("fit", "bgnbd", "--input", late.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("late.csv line 3, column recency: '5' is after T (4)");

    Path text = tmp.resolve("text.csv");
    Files.writeString(text, "frequency,monetary_value\n2,abc\n");
    assertThat(run("fit", "gamma-gamma", "--input", text.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains("text.csv line 2, column monetary_value: 'abc' is not a number");

    assertThat(run("fit", "bgnbd", "--input", tmp.resolve("nope.csv").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("nope.csv: no such file");
  }
}

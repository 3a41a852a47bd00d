package dev.aftermath.cli;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftermath.GeneratedRuns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;

/**
 * Scans everything a person reads from a run — reports (HTML, and the text of the PDFs), CSV
 * exports, JSON summaries and the given log files — for any end customer's identifier from the
 * case. The Parquet tables between jobs hold them by necessity and are not exports.
 */
final class PrivacyScan {
  private PrivacyScan() {}

  static void assertNoCustomerIdentifiers(SparkSession spark, String casePath, List<Path> logs)
      throws Exception {
    Set<String> ids = new HashSet<>();
    for (String table : List.of("orders", "members", "churn_signals")) {
      Path t = Path.of(casePath, table);
      if (!Files.exists(t)) {
        t = Path.of(casePath, table + ".parquet");
      }
      if (Files.exists(t)) {
        ids.addAll(
            spark
                .read()
                .parquet(t.toString())
                .select("customer_id")
                .filter(col("customer_id").isNotNull())
                .distinct()
                .as(Encoders.STRING())
                .collectAsList());
      }
    }
    assertThat(ids).as("the case has customers to look for").hasSizeGreaterThan(1000);
    // identifiers are looked for as whole tokens of the characters identifiers are made of
    Set<Integer> idChars = new HashSet<>();
    ids.forEach(id -> id.codePoints().forEach(idChars::add));

    List<Path> files = new ArrayList<>(logs);
    Path out = GeneratedRuns.dir(spark).resolve("out");
    RenderedReports.of(out);
    try (Stream<Path> all = Files.walk(out)) {
      all.filter(Files::isRegularFile)
          .filter(p -> !p.toString().contains(".parquet") && !p.toString().endsWith(".crc"))
          .filter(
              p ->
                  p.toString().endsWith(".csv")
                      || p.toString().endsWith(".json")
                      || p.toString().endsWith(".html")
                      || p.toString().endsWith(".pdf")
                      || p.toString().endsWith(".svg")
                      || p.toString().endsWith(".txt"))
          .forEach(files::add);
    }
    assertThat(files).anyMatch(p -> p.toString().endsWith(".pdf"));
    assertThat(files).anyMatch(p -> p.toString().endsWith("quarantine.csv"));
    for (Path f : files) {
      String text = textOf(f);
      List<String> found = new ArrayList<>();
      StringBuilder token = new StringBuilder();
      text.codePoints()
          .forEach(
              c -> {
                if (idChars.contains(c)) {
                  token.appendCodePoint(c);
                } else {
                  check(token, ids, found);
                }
              });
      check(token, ids, found);
      assertThat(found).as("customer identifiers in " + f).isEmpty();
    }
  }

  private static void check(StringBuilder token, Set<String> ids, List<String> found) {
    if (token.length() > 0) {
      if (ids.contains(token.toString()) && found.size() < 5) {
        found.add(token.toString());
      }
      token.setLength(0);
    }
  }

  private static String textOf(Path f) throws IOException {
    if (f.toString().endsWith(".pdf")) {
      try (PDDocument pdf = Loader.loadPDF(f.toFile())) {
        return new PDFTextStripper().getText(pdf);
      }
    }
    return Files.readString(f, StandardCharsets.UTF_8);
  }
}

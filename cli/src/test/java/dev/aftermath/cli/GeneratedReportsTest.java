package dev.aftermath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftermath.GeneratedRuns;
import dev.aftermath.SparkTestBase;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The reports of the generated run (jobs' GeneratedRuns) name no end customer. */
class GeneratedReportsTest extends SparkTestBase {
  @Test
  void noReportNamesAnEndCustomer() throws Exception {
    java.nio.file.Path dir = GeneratedRuns.dir(spark);
    RenderedReports.of(dir.resolve("out"));
    java.util.Set<String> customers = new java.util.HashSet<>();
    for (Row r :
        spark
            .read()
            .parquet(dir.resolve("case/orders").toString())
            .select("customer_id")
            .distinct()
            .filter("customer_id is not null")
            .collectAsList()) {
      customers.add(r.getString(0));
    }
    assertThat(customers).hasSizeGreaterThan(1000);
    java.util.regex.Pattern token = java.util.regex.Pattern.compile("[A-Za-z0-9_-]+");
    List<java.nio.file.Path> files;
    try (var s = java.nio.file.Files.walk(dir.resolve("out/reports"))) {
      files = s.filter(p -> p.toString().endsWith(".html")).toList();
    }
    assertThat(files).anyMatch(p -> p.toString().endsWith("legal.zh-CN.html"));
    List<String> found = new java.util.ArrayList<>();
    for (java.nio.file.Path f : files) {
      java.util.regex.Matcher m = token.matcher(java.nio.file.Files.readString(f));
      while (m.find()) {
        if (customers.contains(m.group())) {
          found.add(f.getFileName() + ": " + m.group());
        }
      }
    }
    assertThat(found).as("customer ids in the reports").isEmpty();
  }
}

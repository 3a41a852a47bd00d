package dev.aftermath.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftermath.GeneratedRuns;
import dev.aftermath.SparkTestBase;
import dev.aftermath.io.OutputContract;
import dev.aftermath.tables.OutputTable;
import dev.aftermath.tables.OutputTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The tables of a generated run (and of its placebo) against their contract, from which the data
 * dictionary (notebooks-data/README.md) is generated: every table written is in the contract with
 * each of its columns in place and of its type, and every table the contract says a run always
 * writes is there.
 */
class DataDictionaryTest extends SparkTestBase {

  @Test
  void everyTableOfARunKeepsItsContract() throws Exception {
    // the placebo in the same run writes only its lost-revenue and defection tables
    for (String run : List.of("out", "out/placebo")) {
      boolean whole = run.equals("out");
      Path tables = GeneratedRuns.dir(spark).resolve(run).resolve("tables");
      List<String> names = new ArrayList<>();
      try (Stream<Path> all = Files.list(tables)) {
        all.filter(Files::isDirectory).map(p -> p.getFileName().toString()).forEach(names::add);
      }
      assertThat(names).as("tables of run " + run).hasSizeGreaterThan(whole ? 30 : 8);

      List<String> problems = new ArrayList<>();
      for (String table : names) {
        var spec = OutputTables.find(table);
        if (spec.isEmpty()) {
          problems.add("table " + table + " is not in the contract");
          continue;
        }
        StructType schema = spark.read().parquet(tables.resolve(table).toString()).schema();
        spec.get().mismatch(OutputContract.written(schema)).ifPresent(problems::add);
      }
      for (OutputTable t : OutputTables.ALL) {
        if (whole && t.always() && !names.contains(t.name())) {
          problems.add("table " + t.name() + " is not written, the contract says always");
        }
      }
      assertThat(problems).as("run " + run + " against the output contract").isEmpty();
    }
  }

  @Test
  void everyCsvTwinHasItsTablesColumnsInOrder() throws Exception {
    Path tables = GeneratedRuns.dir(spark).resolve("out").resolve("tables");
    for (OutputTable t : OutputTables.ALL) {
      Path csv = tables.resolve(t.name() + ".csv");
      if (!t.csv() || !Files.exists(csv)) {
        assertThat(t.csv() && t.always()).as(t.name() + ".csv is missing").isFalse();
        continue;
      }
      String header;
      try (Stream<String> lines = Files.lines(csv)) {
        header = lines.findFirst().orElse("");
      }
      // the Parquet table is checked against the contract above; its twin has its columns
      assertThat(List.of(header.split(",")))
          .as(t.name() + ".csv header")
          .containsExactly(spark.read().parquet(tables.resolve(t.name()).toString()).columns());
    }
  }
}

package dev.aftermath.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftermath.GeneratedRuns;
import dev.aftermath.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.Test;

/**
 * The data dictionary (notebooks-data/README.md) names every column of every table a run writes:
 * each table has a section headed by its name in bold, and each of its columns appears there, as
 * code or as the first cell of a table row. Checked against the tables of a generated run.
 */
class DataDictionaryTest extends SparkTestBase {
  private static final Path DICTIONARY = Path.of("..", "notebooks-data", "README.md");
  private static final Pattern SECTION = Pattern.compile("\\*\\*([a-z_]+)\\*\\*");
  private static final Pattern TABLE_ROW = Pattern.compile("^\\| ([a-z_]+) \\|");

  @Test
  void everyColumnOfEveryTableIsInTheDictionary() throws Exception {
    String text = Files.readString(DICTIONARY);
    String outputs =
        text.substring(text.indexOf("### Input tables"), text.indexOf("### Truth tables"));
    Map<String, String> sections = sections(outputs);
    Path tables = GeneratedRuns.dir(spark).resolve("out").resolve("tables");
    Set<String> schemes =
        new HashSet<>(
            spark
                .read()
                .parquet(tables.resolve("scheme_summary").toString())
                .select("scheme")
                .as(Encoders.STRING())
                .collectAsList());

    List<String> missing = new ArrayList<>();
    List<String> names = new ArrayList<>();
    try (Stream<Path> all = Files.list(tables)) {
      all.filter(Files::isDirectory).map(p -> p.getFileName().toString()).forEach(names::add);
    }
    assertThat(names).as("tables of the run").hasSizeGreaterThan(25);
    for (String table : names) {
      String section = sections.get(table);
      if (section == null) {
        missing.add(table + " (no section)");
        continue;
      }
      for (String column : spark.read().parquet(tables.resolve(table).toString()).columns()) {
        boolean perScheme =
            column.endsWith("_payout")
                && schemes.contains(column.substring(0, column.length() - "_payout".length()));
        if (!named(section, column) && !(perScheme && section.contains("`<scheme>_payout`"))) {
          missing.add(table + "." + column);
        }
      }
    }
    assertThat(missing).as("columns the data dictionary does not name").isEmpty();
  }

  /** The text after each bold table name up to the next, gathered by name. */
  private static Map<String, String> sections(String text) {
    Map<String, String> out = new HashMap<>();
    Matcher m = SECTION.matcher(text);
    String name = null;
    int from = 0;
    while (m.find()) {
      if (name != null) {
        out.merge(name, text.substring(from, m.start()), String::concat);
      }
      name = m.group(1);
      from = m.end();
    }
    if (name != null) {
      out.merge(name, text.substring(from), String::concat);
    }
    // the ingested inputs' added columns are listed in one table, a row per input table
    for (String line : text.split("\n")) {
      Matcher row = TABLE_ROW.matcher(line);
      if (row.find() && out.containsKey(row.group(1))) {
        out.merge(row.group(1), line, String::concat);
      }
    }
    return out;
  }

  /** As code ({@code `column`}) or as the first cell of a table row, alone or in a list. */
  private static boolean named(String section, String column) {
    if (section.contains("`" + column + "`")) {
      return true;
    }
    Pattern cell = Pattern.compile("(?m)^\\| (?:[a-z_]+, )*" + column + "(?:, [a-z_]+)* \\|");
    return cell.matcher(section).find();
  }
}

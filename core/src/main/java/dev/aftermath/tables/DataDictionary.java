package dev.aftermath.tables;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The output-table part of the data dictionary (notebooks-data/README.md), generated from {@link
 * OutputTables}: the Markdown between {@link #START} and {@link #END}. Rewrite it after changing
 * the contract with {@code mvn -q -pl core package -DskipTests && java -cp core/target/classes
 * dev.aftermath.tables.DataDictionary notebooks-data/README.md} (a test fails while it is stale).
 */
public final class DataDictionary {
  public static final String START = "<!-- output-tables:start -->";
  public static final String END = "<!-- output-tables:end -->";

  private DataDictionary() {}

  /** The generated Markdown, markers included. */
  public static String block() {
    StringBuilder md = new StringBuilder();
    md.append(START).append('\n');
    md.append(
        "<!-- generated from core/src/main/java/dev/aftermath/tables/OutputTables.java by"
            + " dev.aftermath.tables.DataDictionary: edit the contract, not this block -->\n");
    String section = null;
    for (OutputTable t : OutputTables.ALL) {
      if (!t.section().equals(section)) {
        section = t.section();
        md.append("\n#### ").append(section).append('\n');
      }
      md.append("\n**")
          .append(t.name())
          .append("** (")
          .append(t.csv() ? "Parquet + CSV" : "Parquet");
      if (!t.always()) {
        md.append("; ").append(t.writtenWhen());
      }
      md.append(") — ").append(t.grain()).append('.');
      if (!t.description().isEmpty()) {
        md.append(' ').append(t.description());
      }
      md.append("\n\n| column | type | unit | meaning |\n|---|---|---|---|\n");
      for (OutputColumn c : t.columns()) {
        md.append("| ")
            .append(c.isFamily() ? "`" + c.name() + "`" : c.name())
            .append(" | ")
            .append(c.type())
            .append(" | ")
            .append(c.unit())
            .append(" | ")
            .append(cell(c.meaning()))
            .append(" |\n");
      }
    }
    md.append(END);
    return md.toString();
  }

  /** {@code readme} with its block between the markers replaced by {@link #block()}. */
  public static String rewrite(String readme) {
    int from = readme.indexOf(START);
    int to = readme.indexOf(END);
    if (from < 0 || to < from) {
      throw new IllegalArgumentException(
          "the data dictionary has no " + START + " … " + END + " block to generate into");
    }
    return readme.substring(0, from) + block() + readme.substring(to + END.length());
  }

  /** The block between the markers of {@code readme}, markers included. */
  public static String current(String readme) {
    int from = readme.indexOf(START);
    int to = readme.indexOf(END);
    if (from < 0 || to < from) {
      throw new IllegalArgumentException(
          "the data dictionary has no " + START + " … " + END + " block");
    }
    return readme.substring(from, to + END.length());
  }

  /** Rewrites the block of the README at {@code args[0]} (default notebooks-data/README.md). */
  public static void main(String[] args) throws IOException {
    Path readme = Path.of(args.length > 0 ? args[0] : "notebooks-data/README.md");
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    String updated = rewrite(text);
    if (updated.equals(text)) {
      System.out.println(readme + ": output tables up to date");
    } else {
      Files.writeString(readme, updated, StandardCharsets.UTF_8);
      System.out.println(readme + ": output tables rewritten from the contract");
    }
  }

  /** Text safe inside a Markdown table cell. */
  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}

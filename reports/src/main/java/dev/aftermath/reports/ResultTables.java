package dev.aftermath.reports;

import dev.aftermath.tables.OutputTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * The jobs' result tables under {@code OUT/tables/}, read as Tablesaw tables. Parquet is read
 * through an embedded DuckDB (every part file of a table's folder, decimals as doubles), which
 * needs no Hadoop on the report side. Whole tables are small (one row per merchant at most) and are
 * read once per instance: every report is built in two languages from the same reads. Large tables
 * (signals, the daily counterfactual) are only ever filtered or aggregated in DuckDB. Every table
 * is held against its contract ({@link OutputTables}) when first read: a table the contract does
 * not name, or one without a column its contract has, is an error rather than a figure shown as
 * "–".
 */
public final class ResultTables implements AutoCloseable {
  private final Path tables;
  private final Connection duck;
  private final Map<String, Table> read = new HashMap<>();
  private final Set<String> checked = new HashSet<>();
  private final Set<String> declared;

  /** The result tables of the run in {@code out}, any of them. */
  public ResultTables(Path out) {
    this(out, null);
  }

  /**
   * The result tables of the run in {@code out}, limited to {@code declared} (null: any): asking
   * for another is a programming error, so the tables a reader declares are the tables it reads.
   */
  public ResultTables(Path out, Collection<String> declared) {
    this.declared = declared == null ? null : Set.copyOf(declared);
    this.tables = out.resolve("tables");
    if (!Files.isDirectory(tables)) {
      throw new IllegalArgumentException(
          "no result tables in " + out + " (run the pipeline first)");
    }
    try {
      this.duck = DriverManager.getConnection("jdbc:duckdb:");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot start the embedded DuckDB", e);
    }
  }

  /**
   * Whether the run wrote table {@code name}; {@link IllegalStateException} when the contract has
   * no such table.
   */
  public boolean has(String name) {
    OutputTables.require(name);
    if (declared != null && !declared.contains(name)) {
      throw new IllegalStateException(
          "table " + name + " is read but not declared among the tables this reader reads");
    }
    return Files.isDirectory(tables.resolve(name));
  }

  /** The table {@code name}, ordered as given by {@code orderBy} (a column list, may be empty). */
  public Table table(String name, String orderBy) {
    return read.computeIfAbsent(
        name + " ORDER BY " + orderBy,
        k ->
            select(
                name,
                "SELECT * FROM " + source(name) + (orderBy.isEmpty() ? "" : " ORDER BY " + orderBy),
                "read"));
  }

  public Table table(String name) {
    return table(name, "");
  }

  /**
   * Row counts of a table by the values of {@code column} (and whether {@code nullColumn} is empty,
   * when given): aggregated in DuckDB, so a large raw table (signals) never reaches the report.
   */
  public Table counts(String name, String column, String nullColumn) {
    String by =
        nullColumn == null ? column : column + ", " + nullColumn + " IS NULL AS level_merchant";
    return select(
        name,
        "SELECT " + by + ", count(*) AS n FROM " + source(name) + " GROUP BY ALL ORDER BY ALL",
        "count");
  }

  /**
   * The rows of table {@code name} matching {@code where} (SQL over its columns; callers quote
   * literals), ordered by {@code orderBy}: one merchant's rows of a large table.
   */
  public Table query(String name, String where, String orderBy) {
    return select(
        name,
        "SELECT * FROM " + source(name) + " WHERE " + where + " ORDER BY " + orderBy,
        "query");
  }

  /**
   * {@code SELECT select FROM table GROUP BY ALL ORDER BY ALL}: an aggregate of a large table (the
   * platform's daily path), computed in DuckDB.
   */
  public Table aggregate(String name, String select) {
    return aggregate(name, select, "true");
  }

  /** The same over the rows matching {@code where} (callers quote literals). */
  public Table aggregate(String name, String select, String where) {
    return select(
        name,
        "SELECT "
            + select
            + " FROM "
            + source(name)
            + " WHERE "
            + where
            + " GROUP BY ALL ORDER BY ALL",
        "aggregate");
  }

  /** {@code text} as a quoted SQL string literal, for the conditions callers pass. */
  public static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** The texts as a comma-separated list of SQL string literals, for {@code IN (…)}. */
  public static String literals(java.util.Collection<String> texts) {
    return String.join(", ", texts.stream().map(ResultTables::literal).toList());
  }

  /** All part files of the table's folder, as a DuckDB table expression. */
  private String source(String name) {
    if (!has(name)) {
      throw new IllegalArgumentException("result table " + name + " is missing in " + tables);
    }
    String glob = tables.resolve(name).resolve("*.parquet").toString().replace("'", "''");
    String source = "read_parquet('" + glob + "')";
    if (checked.add(name)) {
      checkContract(name, source);
    }
    return source;
  }

  /** The table's columns against its contract: all of the contract's there, none it lacks. */
  private void checkContract(String name, String source) {
    List<String> columns = new ArrayList<>();
    try (Statement st = duck.createStatement();
        ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + source)) {
      while (rs.next()) {
        columns.add(rs.getString("column_name"));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the columns of result table " + name, e);
    }
    List<String> problems = OutputTables.require(name).absentOrUnknown(columns);
    if (!problems.isEmpty()) {
      checked.remove(name);
      throw new IllegalStateException(
          "result table "
              + name
              + " in "
              + tables
              + " does not keep its contract: "
              + String.join("; ", problems));
    }
  }

  private Table select(String name, String sql, String what) {
    try (Statement st = duck.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      return Table.read().db(rs, name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot " + what + " result table " + name, e);
    }
  }

  @Override
  public void close() {
    try {
      duck.close();
    } catch (SQLException e) {
      // closing an in-memory database: nothing to keep
    }
  }
}

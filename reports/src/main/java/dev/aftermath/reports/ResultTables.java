package dev.aftermath.reports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import tech.tablesaw.api.Table;

/**
 * The jobs' result tables under {@code OUT/tables/}, read as Tablesaw tables. Parquet is read
 * through an embedded DuckDB (every part file of a table's folder, decimals as doubles), which
 * needs no Hadoop on the report side. Tables are small: one row per merchant at most.
 */
public final class ResultTables implements AutoCloseable {
  private final Path tables;
  private final Connection duck;

  public ResultTables(Path out) {
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

  public boolean has(String name) {
    return Files.isDirectory(tables.resolve(name));
  }

  /** The table {@code name}, ordered as given by {@code orderBy} (a column list, may be empty). */
  public Table table(String name, String orderBy) {
    if (!has(name)) {
      throw new IllegalArgumentException("result table " + name + " is missing in " + tables);
    }
    String glob = tables.resolve(name).resolve("*.parquet").toString().replace("'", "''");
    String sql =
        "SELECT * FROM read_parquet('"
            + glob
            + "')"
            + (orderBy.isEmpty() ? "" : " ORDER BY " + orderBy);
    try (Statement st = duck.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      return Table.read().db(rs, name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read result table " + name, e);
    }
  }

  /**
   * Row counts of a table by the values of {@code column} (and whether {@code nullColumn} is empty,
   * when given): aggregated in DuckDB, so a large raw table (signals) never reaches the report.
   */
  public Table counts(String name, String column, String nullColumn) {
    String glob = tables.resolve(name).resolve("*.parquet").toString().replace("'", "''");
    String by =
        nullColumn == null ? column : column + ", " + nullColumn + " IS NULL AS level_merchant";
    String sql =
        "SELECT "
            + by
            + ", count(*) AS n FROM read_parquet('"
            + glob
            + "') GROUP BY ALL ORDER BY ALL";
    try (Statement st = duck.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      return Table.read().db(rs, name + "_counts");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count result table " + name, e);
    }
  }

  /**
   * The rows of table {@code name} matching {@code where} (SQL over its columns; callers quote
   * literals), ordered by {@code orderBy}: one merchant's rows of a large table.
   */
  public Table query(String name, String where, String orderBy) {
    String glob = tables.resolve(name).resolve("*.parquet").toString().replace("'", "''");
    String sql =
        "SELECT * FROM read_parquet('" + glob + "') WHERE " + where + " ORDER BY " + orderBy;
    try (Statement st = duck.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      return Table.read().db(rs, name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot query result table " + name, e);
    }
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
    String glob = tables.resolve(name).resolve("*.parquet").toString().replace("'", "''");
    String sql =
        "SELECT "
            + select
            + " FROM read_parquet('"
            + glob
            + "') WHERE "
            + where
            + " GROUP BY ALL ORDER BY ALL";
    try (Statement st = duck.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      return Table.read().db(rs, name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot aggregate result table " + name, e);
    }
  }

  public Table table(String name) {
    return table(name, "");
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

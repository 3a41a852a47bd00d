package dev.aftermath.ingest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A case's {@code sources.yaml}: the input tables read from the platform's database instead of
 * files. One database (JDBC URL; user and password from environment variables or a file outside the
 * case) and, per table, the table or a query, the key columns and the partitioning of the read:
 *
 * <pre>
 * database:
 *   url: jdbc:postgresql://replica.internal:5432/shop
 *   user_env: SHOP_DB_USER
 *   password_env: SHOP_DB_PASSWORD      # or password_file: /etc/aftermath/shop.password
 * tables:
 *   orders:
 *     table: public.orders               # or query: SELECT ... FROM ...
 *     partition_column: created_at       # optional: read in parallel by ranges of it
 *     partitions: 8                      # optional (default 4)
 *     key: [order_id]                    # optional (default: the contract's key)
 * </pre>
 *
 * Every problem is collected, naming {@code sources.yaml} and the key; a password in the file or in
 * the URL is refused. {@link #probe} then connects and checks each table's columns, before Spark
 * starts.
 */
public final class DatabaseSources {
  static final String FILE = "sources.yaml";
  static final int DEFAULT_PARTITIONS = 4;

  private DatabaseSources() {}

  /**
   * The database tables {@code text} names, by input table; problems are added to {@code problems}.
   */
  static Map<String, DatabaseTable> parse(String text, Path caseDir, List<String> problems) {
    Map<String, DatabaseTable> out = new LinkedHashMap<>();
    Object doc;
    try {
      doc = new Load(LoadSettings.builder().setLabel(FILE).build()).loadFromString(text);
    } catch (RuntimeException e) {
      problems.add(FILE + ": not valid YAML: " + e.getMessage());
      return out;
    }
    if (!(doc instanceof Map<?, ?> top)) {
      problems.add(FILE + ": expected keys database and tables");
      return out;
    }
    if (!(top.get("database") instanceof Map<?, ?> db)) {
      problems.add(
          FILE + ": key database (url, user_env, password_env or password_file) is missing");
      return out;
    }
    if (db.containsKey("password") || db.containsKey("user")) {
      problems.add(
          FILE
              + ": database.password and database.user are not read: name environment variables"
              + " (user_env, password_env) or a file outside the case (password_file)");
    }
    String url = text(db, "url");
    if (url == null || !url.startsWith("jdbc:")) {
      problems.add(FILE + ": database.url must be a JDBC URL (jdbc:postgresql://host:port/db)");
      return out;
    }
    if (url.toLowerCase(Locale.ROOT).contains("password=")
        || url.replaceFirst("^jdbc:[a-z]+://", "").contains("@")) {
      problems.add(
          FILE + ": database.url carries credentials; name them with user_env and password_env");
      return out;
    }
    String passwordFile = text(db, "password_file");
    if (passwordFile != null) {
      Path file = Path.of(passwordFile).toAbsolutePath().normalize();
      if (file.startsWith(caseDir.toAbsolutePath().normalize())) {
        problems.add(
            FILE
                + ": database.password_file must lie outside the case folder, not "
                + passwordFile);
      }
    }
    DatabaseCredentials credentials =
        new DatabaseCredentials(text(db, "user_env"), text(db, "password_env"), passwordFile);
    if (!(top.get("tables") instanceof Map<?, ?> tables) || tables.isEmpty()) {
      problems.add(FILE + ": key tables names no table");
      return out;
    }
    Set<String> known = new HashSet<>();
    InputTables.ALL.forEach(s -> known.add(s.name()));
    for (Map.Entry<?, ?> e : tables.entrySet()) {
      String name = String.valueOf(e.getKey());
      String at = FILE + ": tables." + name;
      if (!known.contains(name)) {
        problems.add(at + ": not an input table (" + String.join(", ", known) + ")");
        continue;
      }
      if (!(e.getValue() instanceof Map<?, ?> t)) {
        problems.add(at + ": expected table or query");
        continue;
      }
      String table = text(t, "table");
      String query = text(t, "query");
      if ((table == null) == (query == null)) {
        problems.add(at + ": give exactly one of table and query");
        continue;
      }
      TableSpec spec =
          InputTables.ALL.stream().filter(s -> s.name().equals(name)).findFirst().get();
      List<String> key = spec.key();
      if (t.get("key") instanceof List<?> k && !k.isEmpty()) {
        key = k.stream().map(String::valueOf).toList();
      } else if (t.containsKey("key")) {
        problems.add(at + ".key: expected a list of columns");
      }
      int partitions = DEFAULT_PARTITIONS;
      Object p = t.get("partitions");
      if (p != null) {
        if (p instanceof Number n && n.intValue() >= 1 && n.doubleValue() == n.intValue()) {
          partitions = n.intValue();
        } else {
          problems.add(at + ".partitions: '" + p + "' must be a whole number ≥ 1");
        }
      }
      out.put(
          name,
          new DatabaseTable(
              name, url, table, query, key, text(t, "partition_column"), partitions, credentials));
    }
    return out;
  }

  /**
   * Connects to each table's database and checks the table has the contract's required columns;
   * each problem names the table's source and never the password.
   */
  static void probe(Map<String, DatabaseTable> tables, List<String> problems) {
    for (DatabaseTable t : tables.values()) {
      String at = t.name() + " (" + t.label() + ")";
      String missing = t.credentials().missing();
      if (missing != null) {
        problems.add(at + ": cannot connect: " + missing);
        continue;
      }
      TableSpec spec =
          InputTables.ALL.stream().filter(s -> s.name().equals(t.name())).findFirst().get();
      try (Connection c = t.credentials().connect(t.url());
          Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT * FROM " + t.relation() + " WHERE 1 = 0")) {
        ResultSetMetaData md = rs.getMetaData();
        Set<String> columns = new HashSet<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          columns.add(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
        }
        List<String> absent = new ArrayList<>();
        for (ColumnSpec col : spec.columns()) {
          if (col.required() && !columns.contains(col.name())) {
            absent.add(col.name());
          }
        }
        for (String k : t.key()) {
          if (!columns.contains(k.toLowerCase(Locale.ROOT)) && !absent.contains(k)) {
            absent.add(k + " (key)");
          }
        }
        if (t.partitionColumn() != null
            && !columns.contains(t.partitionColumn().toLowerCase(Locale.ROOT))) {
          absent.add(t.partitionColumn() + " (partition_column)");
        }
        if (!absent.isEmpty()) {
          problems.add(at + ": required columns missing: " + String.join(", ", absent));
        }
      } catch (SQLException | RuntimeException e) {
        problems.add(at + ": cannot read: " + t.credentials().redact(reason(e)));
      }
    }
  }

  /** A database error's message, first line only (drivers append hints and stack context). */
  static String reason(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int eol = m.indexOf('\n');
    return eol < 0 ? m : m.substring(0, eol);
  }

  private static String text(Map<?, ?> m, String key) {
    Object v = m.get(key);
    return v == null ? null : String.valueOf(v).strip();
  }
}

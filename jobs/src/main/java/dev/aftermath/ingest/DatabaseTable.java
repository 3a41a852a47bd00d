package dev.aftermath.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * One input table read from the platform's database ({@code sources.yaml}): the JDBC URL (never
 * with credentials), the table or the query, the columns that identify a row (named in place of a
 * line number when the row is quarantined), and the column and number of partitions Spark reads it
 * in. The credentials are not here: {@link DatabaseCredentials} reads them from the environment or
 * a file only when a connection is made.
 */
public record DatabaseTable(
    String name,
    String url,
    String table,
    String query,
    List<String> key,
    String partitionColumn,
    int partitions,
    DatabaseCredentials credentials)
    implements Serializable {
  public DatabaseTable {
    key = List.copyOf(key);
  }

  /** What the rows are read from, as SQL: the table, or the query as a derived table. */
  public String relation() {
    return table != null ? table : "(" + query + ") q";
  }

  /** How the table is named in messages, the quarantine and the manifest: URL and table. */
  public String label() {
    return url + (table != null ? "#" + table : "#query");
  }
}

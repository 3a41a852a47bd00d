package dev.aftermath.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A table's identity in the run manifest: its row count, the SHA-256 of its schema, and a content
 * hash that does not depend on the order of its rows (the sum, over rows, of the xxHash64 of all
 * the row's columns). The two aggregates can be computed by reading a table, or observed while it
 * is written ({@link TableWriter}), which gives the same values without a second pass.
 */
public final class TableContent {
  private TableContent() {}

  /** The row count and the content hash of {@code table}'s rows, as two aggregate columns. */
  static Column[] aggregates(Dataset<Row> table) {
    String[] names = table.columns();
    Column[] all = new Column[names.length];
    for (int i = 0; i < all.length; i++) {
      all[i] = col("`" + names[i] + "`");
    }
    return new Column[] {
      count(lit(1)).as("rows"),
      sum(all.length == 0 ? lit(0) : xxhash64(all).cast(DataTypes.createDecimalType(38, 0)))
          .as("content_hash")
    };
  }

  /** Row count, schema hash and content hash of a table, by reading it. */
  public static Map<String, Object> of(Dataset<Row> table) {
    Row r = table.select(aggregates(table)).first();
    return of(table.schema(), r);
  }

  /** The same from the aggregates' row ({@link #aggregates}) and the table's schema. */
  static Map<String, Object> of(StructType schema, Row aggregates) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rows", aggregates.getLong(0));
    m.put("schema_sha256", sha256(schema.catalogString().getBytes(StandardCharsets.UTF_8)));
    m.put(
        "content_hash",
        aggregates.isNullAt(1) ? "0" : ((BigDecimal) aggregates.get(1)).toPlainString());
    return m;
  }

  /** The SHA-256 of {@code bytes}, in hex. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }
}

package dev.aftermath.pipeline;

import dev.aftermath.io.TableWriter;
import dev.aftermath.spark.ColumnNames;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code merchant_impact}, the one row per merchant that users and reports read: the stages' own
 * per-merchant tables put side by side, each stage's columns in stage order ({@code merchant_loss},
 * then {@code merchant_defection}, {@code merchant_payout}, {@code merchant_exposure}). Every
 * merchant of {@code merchant_loss} has a row; a later stage's columns are empty where it has none.
 */
public final class MerchantImpactAssembly {
  /** The per-merchant tables joined, in the order their columns appear. */
  public static final List<String> PARTS =
      List.of("merchant_loss", "merchant_defection", "merchant_payout", "merchant_exposure");

  private MerchantImpactAssembly() {}

  /** Writes {@code merchant_impact}; returns its row count. */
  static Map<String, Long> run(TableWriter writer) {
    return Map.of("merchant_impact", writer.result("merchant_impact", assemble(writer)));
  }

  /** The wide table: the parts joined on {@code merchant_id}, ordered by it. */
  static Dataset<Row> assemble(TableWriter writer) {
    Dataset<Row> wide = writer.read(PARTS.get(0));
    for (String part : PARTS.subList(1, PARTS.size())) {
      Dataset<Row> columns = writer.read(part);
      if (part.equals("merchant_defection")) {
        columns = columns.drop("industry"); // merchant_loss has it
      }
      wide = wide.join(columns, ColumnNames.of("merchant_id"), "left");
    }
    return wide.orderBy("merchant_id");
  }
}

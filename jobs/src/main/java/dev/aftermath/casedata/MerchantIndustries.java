package dev.aftermath.casedata;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/** The industries that occur in the {@code merchants} table. */
public final class MerchantIndustries {
  private MerchantIndustries() {}

  public static List<String> of(Dataset<Row> merchants) {
    return merchants.select("industry").distinct().as(Encoders.STRING()).collectAsList();
  }
}

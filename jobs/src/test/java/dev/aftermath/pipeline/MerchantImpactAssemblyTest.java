package dev.aftermath.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftermath.GeneratedRuns;
import dev.aftermath.SparkTestBase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * merchant_impact is the stages' own per-merchant tables side by side: one row per merchant of
 * merchant_loss, their columns in stage order, each value as its stage wrote it.
 */
class MerchantImpactAssemblyTest extends SparkTestBase {
  @BeforeAll
  static void run() throws Exception {
    GeneratedRuns.dir(spark);
  }

  private static Dataset<Row> table(String name) {
    return GeneratedRuns.table(spark, "out", name);
  }

  @Test
  void holdsEveryColumnOfTheStagesTablesInStageOrder() {
    List<String> expected = new ArrayList<>(Arrays.asList(table("merchant_loss").columns()));
    for (String part :
        MerchantImpactAssembly.PARTS.subList(1, MerchantImpactAssembly.PARTS.size())) {
      for (String c : table(part).columns()) {
        if (!c.equals("merchant_id") && !c.equals("industry")) {
          expected.add(c);
        }
      }
    }
    assertThat(table("merchant_impact").columns()).containsExactlyElementsOf(expected);
  }

  @Test
  void hasOneRowPerMerchantWithEachStagesValues() {
    Dataset<Row> impact = table("merchant_impact");
    assertThat(impact.count()).isEqualTo(table("merchant_loss").count()).isPositive();
    assertThat(impact.select("merchant_id").distinct().count()).isEqualTo(impact.count());
    for (String part : MerchantImpactAssembly.PARTS) {
      Dataset<Row> own = table(part);
      String[] columns =
          Arrays.stream(own.columns()).filter(c -> !c.equals("industry")).toArray(String[]::new);
      Dataset<Row> fromImpact =
          impact.selectExpr(columns).join(own.select("merchant_id"), "merchant_id");
      assertThat(fromImpact.exceptAll(own.selectExpr(columns)).count())
          .as("rows of merchant_impact that differ from " + part)
          .isZero();
    }
  }
}

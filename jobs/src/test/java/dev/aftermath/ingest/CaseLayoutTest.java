package dev.aftermath.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftermath.CaseFixture;
import dev.aftermath.InvalidCaseException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseLayoutTest {
  @TempDir Path tmp;

  @Test
  void findsSingleFilesAndPartFolders() {
    CaseFixture c =
        new CaseFixture(tmp)
            .file("merchants.csv", CaseFixture.MERCHANTS)
            .file("orders/part-1.csv", CaseFixture.GOOD_ORDERS)
            .file("orders/part-0.csv", CaseFixture.GOOD_ORDERS)
            .file("orders/.part-0.csv.crc", "x")
            .file("orders/_SUCCESS", "");
    CaseLayout layout = CaseLayout.inspect(c.path(), new Configuration());
    TableSource orders = layout.source(InputTables.ORDERS).orElseThrow();
    assertThat(orders.format()).isEqualTo(SourceFormat.CSV);
    assertThat(orders.labels()).containsExactly("orders/part-0.csv", "orders/part-1.csv");
    assertThat(layout.source(InputTables.MEMBERS)).isEmpty();
    assertThat(layout.scenario().name()).isEqualTo("weimob-2020");
  }

  @Test
  void listsEveryStructuralProblemNamingFileAndColumn() {
    CaseFixture c =
        new CaseFixture(tmp)
            .file(
                "merchants.csv",
                "merchant_id,name,signup_date,monthly_fee,ad_eligible,data_recovered_pct\nM1,a,2020-01-01,1,true,100\n")
            .file("members.csv", "merchant_id,customer_id,balance,points,recovered\n")
            .file("members.parquet", "")
            .file("churn_signals/readme.txt", "no parts here")
            .scenario("name: x\ntimezone: Nowhere/Land\n");
    assertThatThrownBy(() -> CaseLayout.inspect(c.path(), new Configuration()))
        .isInstanceOf(InvalidCaseException.class)
        .satisfies(
            e ->
                assertThat(((InvalidCaseException) e).problems())
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .startsWith("merchants.csv: required column 'industry' is missing"))
                    .anySatisfy(p -> assertThat(p).startsWith("orders: required table is missing"))
                    .anySatisfy(p -> assertThat(p).startsWith("members: given more than once"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .startsWith("churn_signals/: folder holds no .csv or .parquet"))
                    .anySatisfy(p -> assertThat(p).contains("scenario.yaml: key timezone"))
                    .anySatisfy(
                        p -> assertThat(p).contains("scenario.yaml: key outage is missing")));
  }

  @Test
  void acceptsColumnNamesInAnyCaseAndOrder() {
    CaseFixture c =
        new CaseFixture(tmp)
            .file("merchants.csv", CaseFixture.MERCHANTS)
            .file(
                "orders.csv",
                "STATUS,Tax,amount,Created_At,customer_id,merchant_id,order_id,extra\n");
    CaseLayout layout = CaseLayout.inspect(c.path(), new Configuration());
    assertThat(layout.source(InputTables.ORDERS)).isPresent();
  }

  @Test
  void namesFilesRelativeToTheCaseWhenGivenARelativePath() throws Exception {
    Path relative = Path.of("target", "case-layout-relative");
    new CaseFixture(relative.toAbsolutePath())
        .file("merchants.csv", CaseFixture.MERCHANTS)
        .file("orders/part-0.csv", CaseFixture.GOOD_ORDERS);
    CaseLayout layout = CaseLayout.inspect(relative.toString(), new Configuration());
    assertThat(layout.source(InputTables.ORDERS).orElseThrow().labels())
        .containsExactly("orders/part-0.csv");
    assertThat(layout.source(InputTables.MERCHANTS).orElseThrow().labels())
        .containsExactly("merchants.csv");
  }

  @Test
  void rejectsAMissingCaseFolder() {
    assertThatThrownBy(
            () -> CaseLayout.inspect(tmp.resolve("nope").toString(), new Configuration()))
        .isInstanceOf(InvalidCaseException.class)
        .hasMessageContaining("does not exist");
  }
}

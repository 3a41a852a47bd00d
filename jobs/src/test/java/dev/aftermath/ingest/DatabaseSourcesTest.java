package dev.aftermath.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code sources.yaml}: what it names, and what it refuses before any connection is made. */
class DatabaseSourcesTest {
  private static final Path CASE = Path.of("/cases/shop");

  private static Map<String, DatabaseTable> parse(String yaml, List<String> problems) {
    return DatabaseSources.parse(yaml, CASE, problems);
  }

  @Test
  void aTableOrAQueryPerInputTableWithItsKeyAndPartitioning() {
    List<String> problems = new ArrayList<>();
    Map<String, DatabaseTable> tables =
        parse(
            """
            database:
              url: jdbc:postgresql://replica:5432/shop
              user_env: SHOP_USER
              password_env: SHOP_PASSWORD
            tables:
              orders:
                table: public.orders
                partition_column: created_at
                partitions: 8
              members:
                query: SELECT * FROM loyalty.members
                key: [merchant_id, customer_id]
            """,
            problems);
    assertThat(problems).isEmpty();
    DatabaseTable orders = tables.get("orders");
    assertThat(orders.relation()).isEqualTo("public.orders");
    assertThat(orders.label()).isEqualTo("jdbc:postgresql://replica:5432/shop#public.orders");
    assertThat(orders.key()).containsExactly("order_id"); // the contract's key
    assertThat(orders.partitionColumn()).isEqualTo("created_at");
    assertThat(orders.partitions()).isEqualTo(8);
    assertThat(orders.credentials().passwordEnv()).isEqualTo("SHOP_PASSWORD");
    DatabaseTable members = tables.get("members");
    assertThat(members.relation()).isEqualTo("(SELECT * FROM loyalty.members) q");
    assertThat(members.label()).endsWith("#query");
    assertThat(members.partitions()).isEqualTo(DatabaseSources.DEFAULT_PARTITIONS);
  }

  @Test
  void credentialsInTheFileOrTheUrlAndAPasswordFileInsideTheCaseAreRefused() {
    List<String> problems = new ArrayList<>();
    parse(
        """
        database:
          url: jdbc:postgresql://replica:5432/shop
          password: hunter2
        tables:
          orders: {table: orders}
        """,
        problems);
    assertThat(problems)
        .singleElement()
        .asString()
        .contains("database.password")
        .doesNotContain("hunter2");
    problems.clear();
    parse(
        """
        database:
          url: jdbc:postgresql://replica:5432/shop?user=a&password=hunter2
        tables:
          orders: {table: orders}
        """,
        problems);
    assertThat(problems)
        .singleElement()
        .asString()
        .contains("carries credentials")
        .doesNotContain("hunter2");
    problems.clear();
    parse(
        """
        database:
          url: jdbc:postgresql://replica:5432/shop
          password_file: /cases/shop/secret.txt
        tables:
          orders: {table: orders}
        """,
        problems);
    assertThat(problems).singleElement().asString().contains("outside the case folder");
  }

  @Test
  void everyProblemOfTheTablesIsListed() {
    List<String> problems = new ArrayList<>();
    parse(
        """
        database:
          url: jdbc:postgresql://replica:5432/shop
        tables:
          invoices: {table: invoices}
          orders: {table: orders, query: SELECT 1}
          members: {table: members, partitions: 0}
        """,
        problems);
    assertThat(problems)
        .hasSize(3)
        .anyMatch(p -> p.contains("tables.invoices: not an input table"))
        .anyMatch(p -> p.contains("tables.orders: give exactly one of table and query"))
        .anyMatch(p -> p.contains("tables.members.partitions"));
  }

  @Test
  void aMissingEnvironmentVariableIsNamedBeforeAnyConnection() {
    DatabaseCredentials c = new DatabaseCredentials("AFTERMATH_NO_SUCH_VARIABLE_1", null, null);
    assertThat(c.missing()).contains("AFTERMATH_NO_SUCH_VARIABLE_1").contains("not set");
    List<String> problems = new ArrayList<>();
    DatabaseSources.probe(
        Map.of(
            "orders",
            new DatabaseTable(
                "orders",
                "jdbc:postgresql://127.0.0.1:1/shop",
                "orders",
                null,
                List.of("order_id"),
                null,
                4,
                c)),
        problems);
    assertThat(problems)
        .singleElement()
        .asString()
        .startsWith("orders (jdbc:postgresql://127.0.0.1:1/shop#orders): cannot connect");
  }

  @Test
  void aPartitionedReadSplitsTheColumnsRangeSoThatEveryRowFallsInOnePart() {
    assertThat(DatabaseSnapshot.bounds(0, 100, 4))
        .containsExactly("25.000000", "50.000000", "75.000000");
    assertThat(
            DatabaseSnapshot.bounds(
                java.sql.Timestamp.valueOf("2020-01-01 00:00:00"),
                java.sql.Timestamp.valueOf("2020-01-05 00:00:00"),
                4))
        .containsExactly("'2020-01-02 00:00:00'", "'2020-01-03 00:00:00'", "'2020-01-04 00:00:00'");
    // a text column, an empty table, or one value: read whole
    assertThat(DatabaseSnapshot.bounds("a", "z", 4)).isEmpty();
    assertThat(DatabaseSnapshot.bounds(null, null, 4)).isEmpty();
    assertThat(DatabaseSnapshot.bounds(7, 7, 4)).isEmpty();
  }
}

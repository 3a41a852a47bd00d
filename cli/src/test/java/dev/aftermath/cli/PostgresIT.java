package dev.aftermath.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aftermath.GeneratedRuns;
import dev.aftermath.SparkTestBase;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * A case read from the platform's database: the generated case's orders, merchants, members and
 * churn signals loaded into a real PostgreSQL (its own data folder, 127.0.0.1, stopped at the end),
 * {@code ./aftermath run} reading them from it ({@code sources.yaml}, the password from an
 * environment variable), and every table equal, by content hash, to the run of the same case from
 * files ({@link GeneratedRuns}); bad rows planted in the database quarantined under their keys; a
 * wrong password, a missing table and an unreachable server ending with exit 2 and a message that
 * names the source, never the password. Runs after {@code package}: it runs the jar.
 */
class PostgresIT extends SparkTestBase {
  static final String PASSWORD = "pg-Secret-7f3a91";
  static final List<String> FROM_DATABASE =
      List.of("merchants", "orders", "members", "churn_signals");

  @TempDir static Path tmp;

  @Test
  void theCaseReadFromPostgresGivesTheTablesOfTheCaseReadFromFiles() throws Exception {
    assumeTrue(PostgresServer.binaries() != null, "PostgreSQL is not installed (bin/ensure-tools)");
    Path runs = GeneratedRuns.dir(spark);
    try (PostgresServer pg = PostgresServer.start(tmp, PASSWORD, "shop")) {
      try (Connection c = pg.connect("shop")) {
        for (String table : FROM_DATABASE) {
          Path single = runs.resolve("case").resolve(table + ".parquet");
          Path parts = runs.resolve("case").resolve(table);
          load(c, table, spark.read().parquet((Files.exists(single) ? single : parts).toString()));
        }
      }
      Path caseDir = databaseCase(runs, pg.url("shop"));
      Path out = tmp.resolve("out");
      Result run =
          aftermath(
              List.of("run", "--case", caseDir.toString(), "--out", out.toString()), PASSWORD);
      assertThat(run.exit()).as(run.output()).isZero();

      JsonNode expected = InterruptedRunTest.manifest(runs.resolve("out"));
      JsonNode actual = InterruptedRunTest.manifest(out);
      List<String> differ = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = expected.get("tables").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> t = it.next();
        // the placebo ran only in the reference run; quarantine and duplicates name files and lines
        if (Set.of("placebo_totals", "quarantine", "duplicates").contains(t.getKey())) {
          continue;
        }
        if (!t.getValue().equals(actual.get("tables").get(t.getKey()))) {
          differ.add(t.getKey());
        }
      }
      assertThat(differ).as("tables that differ from the run from files").isEmpty();
      for (String t : List.of("quarantine", "duplicates")) {
        assertThat(actual.get("tables").get(t).get("rows"))
            .as(t + " rows")
            .isEqualTo(expected.get("tables").get(t).get("rows"));
      }
      // what was read: the source without credentials, the rows, a content hash and when
      JsonNode orders = null;
      for (JsonNode input : actual.get("inputs")) {
        if (input.get("table").asText().equals("orders")) {
          orders = input;
        }
      }
      assertThat(orders).isNotNull();
      assertThat(orders.get("source").asText()).isEqualTo(pg.url("shop") + "#orders");
      assertThat(orders.get("rows").asLong()).isPositive();
      assertThat(orders.get("content_hash").asText()).isNotBlank();
      assertThat(orders.get("read_at").asText()).isNotBlank();

      // a rerun after ingestion reads the snapshot, not the database: no password needed
      Result rerun =
          aftermath(
              List.of("rerun", "--out", out.toString(), "--from", "company"), "not-the-password");
      assertThat(rerun.exit()).as(rerun.output()).isZero();

      // bad rows planted in the database are quarantined under their keys
      try (Connection c = pg.connect("shop")) {
        c.createStatement()
            .execute(
                "INSERT INTO orders VALUES"
                    + " ('BAD-NEG', 'M000001', NULL, '2020-01-10 10:00:00', -5.00, 0.00, 'PAID'),"
                    + " ('BAD-MER', 'M999999', NULL, '2020-01-10 10:00:00', 5.00, 0.00, 'PAID')");
      }
      Path validated = tmp.resolve("validated");
      Result validate = validate(caseDir, validated, PASSWORD);
      assertThat(validate.exit()).as(validate.output()).isZero();
      List<Row> planted =
          spark
              .read()
              .parquet(validated.resolve("tables/quarantine").toString())
              .filter(col("raw").startsWith("order_id=BAD-"))
              .orderBy("raw")
              .collectAsList();
      assertThat(planted).hasSize(2);
      assertThat(planted.get(0).<String>getAs("raw")).startsWith("order_id=BAD-MER | ");
      assertThat(planted.get(0).<String>getAs("reason")).isEqualTo("UNKNOWN_MERCHANT");
      assertThat(planted.get(0).<String>getAs("file")).startsWith(pg.url("shop") + "#orders part-");
      assertThat(planted.get(1).<String>getAs("raw")).startsWith("order_id=BAD-NEG | ");
      assertThat(planted.get(1).<String>getAs("reason")).isEqualTo("NEGATIVE_AMOUNT");
      assertThat(planted.get(1).<String>getAs("column")).isEqualTo("amount");

      // clear errors, exit 2, naming the source and never the password
      Result wrong = validate(caseDir, tmp.resolve("wrong"), "not-" + PASSWORD);
      assertThat(wrong.exit()).as(wrong.output()).isEqualTo(2);
      assertThat(wrong.output())
          .contains("orders (" + pg.url("shop") + "#orders)")
          .doesNotContain("not-" + PASSWORD);
      try (Connection c = pg.connect("shop")) {
        c.createStatement().execute("ALTER TABLE members RENAME TO members_old");
      }
      Result missing = validate(caseDir, tmp.resolve("missing"), PASSWORD);
      assertThat(missing.exit()).as(missing.output()).isEqualTo(2);
      assertThat(missing.output()).contains("members (" + pg.url("shop") + "#members)");
      Files.writeString(
          caseDir.resolve("sources.yaml"),
          Files.readString(caseDir.resolve("sources.yaml")).replace(":" + pg.port() + "/", ":1/"));
      Result unreachable = validate(caseDir, tmp.resolve("unreachable"), PASSWORD);
      assertThat(unreachable.exit()).as(unreachable.output()).isEqualTo(2);
      assertThat(unreachable.output()).contains("jdbc:postgresql://127.0.0.1:1/shop#orders");

      // the password appears nowhere: not in any file the runs wrote, nor in what they printed
      for (Result r : List.of(run, rerun, validate, wrong, missing, unreachable)) {
        assertThat(r.output()).doesNotContain(PASSWORD);
      }
      List<String> leaks = new ArrayList<>();
      for (Path dir : List.of(out, validated)) {
        try (Stream<Path> files = Files.walk(dir)) {
          for (Path f : files.filter(Files::isRegularFile).toList()) {
            if (new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(PASSWORD)) {
              leaks.add(f.toString());
            }
          }
        }
      }
      assertThat(leaks).as("files holding the password").isEmpty();
    }
  }

  @Test
  void theClusterJarCarriesThePostgresDriver() throws Exception {
    Path target = Path.of(System.getProperty("aftermath.target", "target"));
    Path clusterJar = ClusterIT.clusterJar(target);
    try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(clusterJar.toFile())) {
      assertThat(jar.getEntry("org/postgresql/Driver.class")).isNotNull();
    }
  }

  /**
   * The case folder that reads {@link #FROM_DATABASE} from {@code url}: the other files of the
   * generated case, its truth beside it, and {@code sources.yaml}.
   */
  private static Path databaseCase(Path runs, String url) throws Exception {
    Path root = Files.createDirectories(tmp.resolve("db"));
    Path caseDir = Files.createDirectories(root.resolve("case"));
    try (Stream<Path> files = Files.list(runs.resolve("case"))) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (!FROM_DATABASE.contains(name.replaceFirst("\\.(parquet|csv)$", ""))
            && !name.startsWith(".")) {
          Files.createSymbolicLink(caseDir.resolve(name), f.toAbsolutePath());
        }
      }
    }
    Files.createSymbolicLink(root.resolve("truth"), runs.resolve("truth").toAbsolutePath());
    Files.writeString(
        caseDir.resolve("sources.yaml"),
        "database:\n"
            + "  url: "
            + url
            + "\n"
            + "  user_env: AFTERMATH_TEST_DB_USER\n"
            + "  password_env: AFTERMATH_TEST_DB_PASSWORD\n"
            + "tables:\n"
            + "  merchants:\n    table: merchants\n"
            + "  orders:\n    table: orders\n    partition_column: created_at\n    partitions: 4\n"
            + "  members:\n    table: members\n"
            + "  churn_signals:\n    query: SELECT ts, merchant_id, customer_id, signal, value FROM churn_signals\n");
    return caseDir;
  }

  /** Creates {@code table} with the types of {@code rows} and copies the rows in (COPY). */
  private static void load(Connection c, String table, Dataset<Row> rows) throws Exception {
    List<String> columns = new ArrayList<>();
    List<Column> text = new ArrayList<>();
    for (StructField f : rows.schema().fields()) {
      columns.add(f.name() + " " + sqlType(f.dataType()));
      // timestamps as the scenario's local time, as the platform's database keeps them
      text.add(
          f.dataType().equals(DataTypes.TimestampType)
              ? date_format(col(f.name()), "yyyy-MM-dd HH:mm:ss.SSSSSS").as(f.name())
              : col(f.name()).cast(DataTypes.StringType).as(f.name()));
    }
    c.createStatement().execute("CREATE TABLE " + table + " (" + String.join(", ", columns) + ")");
    StringBuilder csv = new StringBuilder();
    String zone = spark.conf().get("spark.sql.session.timeZone");
    spark.conf().set("spark.sql.session.timeZone", "Asia/Shanghai");
    try {
      for (Row r : rows.select(text.toArray(Column[]::new)).collectAsList()) {
        for (int i = 0; i < r.size(); i++) {
          if (i > 0) {
            csv.append(',');
          }
          if (!r.isNullAt(i)) {
            csv.append('"').append(r.getString(i).replace("\"", "\"\"")).append('"');
          }
        }
        csv.append('\n');
      }
    } finally {
      spark.conf().set("spark.sql.session.timeZone", zone);
    }
    new CopyManager(c.unwrap(BaseConnection.class))
        .copyIn(
            "COPY " + table + " FROM STDIN WITH (FORMAT csv)", new StringReader(csv.toString()));
  }

  private static String sqlType(DataType t) {
    if (t instanceof DecimalType d) {
      return "numeric(" + d.precision() + "," + d.scale() + ")";
    }
    if (t.equals(DataTypes.TimestampType)) {
      return "timestamp";
    }
    if (t.equals(DataTypes.DateType)) {
      return "date";
    }
    if (t.equals(DataTypes.BooleanType)) {
      return "boolean";
    }
    if (t.equals(DataTypes.DoubleType) || t.equals(DataTypes.FloatType)) {
      return "double precision";
    }
    if (t.equals(DataTypes.IntegerType) || t.equals(DataTypes.LongType)) {
      return "bigint";
    }
    return "text";
  }

  /** {@code ./aftermath validate} of {@code caseDir} into {@code out}. */
  private static Result validate(Path caseDir, Path out, String password) throws Exception {
    return aftermath(
        List.of("validate", "--case", caseDir.toString(), "--out", out.toString()), password);
  }

  record Result(int exit, String output) {}

  /**
   * {@code ./aftermath ARGS} from the project's root, the database's user and {@code password} in
   * its environment.
   */
  private static Result aftermath(List<String> args, String password) throws Exception {
    Path root = Path.of(System.getProperty("aftermath.root", "..")).toAbsolutePath().normalize();
    List<String> command = new ArrayList<>();
    command.add(root.resolve("aftermath").toString());
    command.addAll(args);
    Path log = Files.createTempFile(tmp, "aftermath", ".log");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    // the jar this build packaged (the script would otherwise check whether to build it)
    Path target = Path.of(System.getProperty("aftermath.target", "target")).toAbsolutePath();
    pb.environment().put("AFTERMATH_JAR", target.resolve("aftermath.jar").toString());
    pb.environment().put("AFTERMATH_HEAP", "4g");
    pb.environment().put("AFTERMATH_TEST_DB_USER", PostgresServer.USER);
    pb.environment().put("AFTERMATH_TEST_DB_PASSWORD", password);
    Process p = pb.start();
    try {
      assertThat(p.waitFor(20, TimeUnit.MINUTES)).as("aftermath " + args + " ended").isTrue();
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    return new Result(p.exitValue(), Files.readString(log));
  }
}

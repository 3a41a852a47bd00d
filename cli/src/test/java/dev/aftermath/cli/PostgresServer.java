package dev.aftermath.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of its own for a test: Debian's binaries ({@code
 * /usr/lib/postgresql/VERSION/bin}), a new data folder, 127.0.0.1 on a free port, one user with a
 * password; stopped by {@link #close} (also when the test fails). As root, the server runs as the
 * {@code postgres} system user, since PostgreSQL refuses to run as root.
 */
final class PostgresServer implements AutoCloseable {
  static final String USER = "aftermath";

  private final Path bin;
  private final Path data;
  private final int port;
  private final String password;
  private final boolean asPostgres;

  private PostgresServer(Path bin, Path data, int port, String password, boolean asPostgres) {
    this.bin = bin;
    this.data = data;
    this.port = port;
    this.password = password;
    this.asPostgres = asPostgres;
  }

  /** The binaries' folder of the newest PostgreSQL installed, or null when none is. */
  static Path binaries() throws IOException {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return null;
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.comparing(b -> version(b.getParent().getFileName().toString())))
          .orElse(null);
    }
  }

  private static int version(String name) {
    try {
      return Integer.parseInt(name.replaceAll("\\D.*$", ""));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Makes a data folder under {@code dir}, starts the server and makes database {@code db}. */
  static PostgresServer start(Path dir, String password, String db) throws Exception {
    Path bin = binaries();
    if (bin == null) {
      throw new IllegalStateException("PostgreSQL is not installed (bin/ensure-tools --test)");
    }
    boolean root = "root".equals(System.getProperty("user.name"));
    Path home = Files.createDirectories(dir.resolve("pg"));
    Path pwfile = home.resolve("pwfile");
    Files.writeString(pwfile, password + "\n", StandardCharsets.UTF_8);
    Path data = home.resolve("data");
    if (root) {
      // the postgres user must reach the folder: open the folders on the way to it
      for (Path p = home; p != null && !p.equals(Path.of("/tmp")); p = p.getParent()) {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
      run(List.of("chown", "-R", "postgres", home.toString()), home.resolve("chown.log"));
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    PostgresServer server = new PostgresServer(bin, data, port, password, root);
    server.pg(
        List.of(
            bin.resolve("initdb").toString(),
            "-D",
            data.toString(),
            "-U",
            USER,
            "--auth=scram-sha-256",
            "--pwfile=" + pwfile,
            "-E",
            "UTF8",
            "--locale=C"),
        home.resolve("initdb.log"));
    server.pg(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            data.toString(),
            "-o",
            "-p " + port + " -c listen_addresses=127.0.0.1 -k " + home,
            "-l",
            home.resolve("server.log").toString(),
            "-w",
            "-t",
            "60",
            "start"),
        home.resolve("pg_ctl.log"));
    try (Connection c = server.connect("postgres")) {
      c.createStatement().execute("CREATE DATABASE " + db);
    }
    return server;
  }

  /** The JDBC URL of database {@code db}, without credentials. */
  String url(String db) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + db;
  }

  int port() {
    return port;
  }

  Connection connect(String db) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", USER);
    p.setProperty("password", password);
    return DriverManager.getConnection(url(db), p);
  }

  @Override
  public void close() throws Exception {
    pg(
        List.of(
            bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"),
        data.getParent().resolve("stop.log"));
  }

  private void pg(List<String> command, Path log) throws Exception {
    List<String> full = new ArrayList<>();
    if (asPostgres) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    run(full, log);
  }

  private static void run(List<String> command, Path log) throws Exception {
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException(
          String.join(" ", command) + " failed: " + Files.readString(log));
    }
  }
}

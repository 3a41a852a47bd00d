package dev.aftermath.ingest;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where a database's user and password come from: environment variables, or a file outside the case
 * (its first line). Only the names are kept; the values are read when a connection is made and
 * never stored, logged, written to the manifest or put in a message ({@link #redact}).
 */
public record DatabaseCredentials(String userEnv, String passwordEnv, String passwordFile)
    implements Serializable {

  /** The user name, or null when none is named (the driver's default). */
  String user() {
    return userEnv == null ? null : System.getenv(userEnv);
  }

  /** The password, or null when none is named. */
  String password() {
    if (passwordEnv != null) {
      return System.getenv(passwordEnv);
    }
    if (passwordFile != null) {
      try {
        String text = Files.readString(Path.of(passwordFile), StandardCharsets.UTF_8);
        int eol = text.indexOf('\n');
        return (eol < 0 ? text : text.substring(0, eol)).strip();
      } catch (IOException e) {
        throw new IllegalStateException("cannot read the password file " + passwordFile);
      }
    }
    return null;
  }

  /** What is missing to connect: an environment variable that is not set; null when none is. */
  String missing() {
    if (userEnv != null && System.getenv(userEnv) == null) {
      return "environment variable " + userEnv + " (the user) is not set";
    }
    if (passwordEnv != null && System.getenv(passwordEnv) == null) {
      return "environment variable " + passwordEnv + " (the password) is not set";
    }
    if (passwordFile != null && !Files.isReadable(Path.of(passwordFile))) {
      return "password file " + passwordFile + " cannot be read";
    }
    return null;
  }

  /** The user and password as JDBC connection properties (empty for those not named). */
  Properties properties() {
    Properties p = new Properties();
    String user = user();
    String password = password();
    if (user != null) {
      p.setProperty("user", user);
    }
    if (password != null) {
      p.setProperty("password", password);
    }
    return p;
  }

  /** A connection to {@code url} with these credentials. */
  Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, properties());
  }

  /**
   * {@code text} with the password, if it appears, replaced: for every message that may carry it.
   */
  String redact(String text) {
    String password = password();
    if (text == null || password == null || password.isEmpty()) {
      return text;
    }
    return text.replace(password, "********");
  }
}

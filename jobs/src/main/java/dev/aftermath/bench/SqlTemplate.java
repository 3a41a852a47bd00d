package dev.aftermath.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's SQL files (in the jar under {@code /bench/}): a file's text with each {@code
 * ${name}} replaced by its value for this run; a placeholder without a value is an error.
 */
final class SqlTemplate {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");

  private SqlTemplate() {}

  /** The resource {@code resource} (a jar path) with {@code values} in place. */
  static String fill(String resource, Map<String, String> values) {
    String text;
    try (InputStream in = SqlTemplate.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the jar");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException(resource + ": no value for ${" + m.group(1) + "}");
      }
      m.appendReplacement(b, Matcher.quoteReplacement(value));
    }
    m.appendTail(b);
    return b.toString();
  }
}

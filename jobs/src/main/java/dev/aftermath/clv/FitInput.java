package dev.aftermath.clv;

import dev.aftermath.InvalidCaseException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Customer summaries read from a CSV with a header, for the {@code fit} commands: named numeric
 * columns, checked row by row. Any problem is an {@link InvalidCaseException} naming the file, the
 * line, the column and the value.
 */
public final class FitInput {
  private final Path file;
  private final Map<String, double[]> columns;
  private final long[] lines;

  private FitInput(Path file, Map<String, double[]> columns, long[] lines) {
    this.file = file;
    this.columns = columns;
    this.lines = lines;
  }

  /** Reads {@code names} (case-insensitive) from {@code file}; every value finite and ≥ 0. */
  public static FitInput read(Path file, List<String> names) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidCaseException(file + ": no such file");
    }
    CSVFormat format =
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, format)) {
      Map<String, Integer> index = new TreeMap<>();
      List<String> header = parser.getHeaderNames();
      for (int i = 0; i < header.size(); i++) {
        index.putIfAbsent(header.get(i).strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT), i);
      }
      List<String> missing = new ArrayList<>();
      for (String n : names) {
        if (!index.containsKey(n.toLowerCase(Locale.ROOT))) {
          missing.add(n);
        }
      }
      if (!missing.isEmpty()) {
        throw new InvalidCaseException(
            file + ": missing column(s) " + missing + " (the header has " + header + ")");
      }
      List<double[]> values = new ArrayList<>();
      List<Long> lines = new ArrayList<>();
      for (CSVRecord record : parser) {
        double[] row = new double[names.size()];
        long line = parser.getCurrentLineNumber();
        lines.add(line);
        for (int c = 0; c < names.size(); c++) {
          int at = index.get(names.get(c).toLowerCase(Locale.ROOT));
          String text = at < record.size() ? record.get(at) : "";
          row[c] = number(file, line, names.get(c), text);
        }
        values.add(row);
      }
      Map<String, double[]> columns = new TreeMap<>();
      for (int c = 0; c < names.size(); c++) {
        double[] col = new double[values.size()];
        for (int i = 0; i < col.length; i++) {
          col[i] = values.get(i)[c];
        }
        columns.put(names.get(c), col);
      }
      return new FitInput(file, columns, lines.stream().mapToLong(Long::longValue).toArray());
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
      throw new InvalidCaseException(file + ": not a readable CSV file: " + e.getMessage());
    }
  }

  private static double number(Path file, long line, String column, String text) {
    double v;
    try {
      v = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new InvalidCaseException(problem(file, line, column, text, "is not a number"));
    }
    if (!Double.isFinite(v)) {
      throw new InvalidCaseException(problem(file, line, column, text, "is not a finite number"));
    }
    if (v < 0) {
      throw new InvalidCaseException(problem(file, line, column, text, "is negative"));
    }
    return v;
  }

  /** A sentence naming the file, line, column and value. */
  public static String problem(Path file, long line, String column, String value, String what) {
    return file + " line " + line + ", column " + column + ": '" + value + "' " + what;
  }

  public Path file() {
    return file;
  }

  public int rows() {
    return lines.length;
  }

  public double[] column(String name) {
    return columns.get(name);
  }

  /** The line of the file that row i ends on, for messages. */
  public long line(int i) {
    return lines[i];
  }
}

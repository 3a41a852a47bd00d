package dev.aftermath.ingest;

import dev.aftermath.InvalidCaseException;
import dev.aftermath.scenario.Scenario;
import dev.aftermath.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.Type;

/**
 * The structure of an incident case, checked before Spark does any work: scenario.yaml parses,
 * every required table is there exactly once, and every file has the required columns. All problems
 * are collected and reported together.
 */
public final class CaseLayout {
  private final Scenario scenario;
  private final String scenarioText;
  private final Map<String, TableSource> sources;

  private CaseLayout(Scenario scenario, String scenarioText, Map<String, TableSource> sources) {
    this.scenario = scenario;
    this.scenarioText = scenarioText;
    this.sources = sources;
  }

  /** The text of the case's {@code scenario.yaml}, comments included. */
  public String scenarioText() {
    return scenarioText;
  }

  /** The parsed scenario. */
  public Scenario scenario() {
    return scenario;
  }

  /** The same case files read under another scenario (a placebo, for instance). */
  public CaseLayout withScenario(Scenario other) {
    return new CaseLayout(other, scenarioText, sources);
  }

  /** The same case files read under another scenario file's text and its parse. */
  public CaseLayout withScenario(Scenario other, String otherText) {
    return new CaseLayout(other, otherText, sources);
  }

  /** The table's source, if the case has the table. */
  public Optional<TableSource> source(TableSpec spec) {
    return Optional.ofNullable(sources.get(spec.name()));
  }

  /** Inspects {@code caseDir}; throws {@link InvalidCaseException} listing every problem. */
  public static CaseLayout inspect(String caseDir, Configuration conf) {
    return inspect(caseDir, conf, true);
  }

  /**
   * The same; {@code reachDatabase}: whether to connect to the database of {@code sources.yaml} and
   * check its tables (not needed by a run that does not ingest again).
   */
  public static CaseLayout inspect(String caseDir, Configuration conf, boolean reachDatabase) {
    List<String> problems = new ArrayList<>();
    Path dir = new Path(caseDir);
    FileSystem fs;
    try {
      fs = dir.getFileSystem(conf);
      dir =
          fs.makeQualified(
              dir); // a relative case path names files relative to the case all the same
      if (!fs.exists(dir) || !fs.getFileStatus(dir).isDirectory()) {
        throw new InvalidCaseException(
            "case folder " + caseDir + " does not exist or is not a folder");
      }
    } catch (IOException e) {
      throw new InvalidCaseException("cannot open case folder " + caseDir + ": " + e.getMessage());
    }
    Scenario scenario = null;
    String text = null;
    try {
      Path yaml = new Path(dir, "scenario.yaml");
      if (!fs.exists(yaml)) {
        problems.add("scenario.yaml: required file is missing from " + caseDir);
      } else {
        try (InputStream in = fs.open(yaml)) {
          text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          scenario = ScenarioLoader.parse(text, "scenario.yaml");
        }
      }
    } catch (InvalidCaseException e) {
      problems.addAll(e.problems());
    } catch (IOException e) {
      problems.add("scenario.yaml: cannot be read: " + e.getMessage());
    }
    Map<String, TableSource> sources = new LinkedHashMap<>();
    Map<String, DatabaseTable> database = databaseTables(fs, dir, problems);
    for (TableSpec spec : InputTables.ALL) {
      DatabaseTable db = database.get(spec.name());
      if (db != null) {
        try {
          if (fs.exists(new Path(dir, spec.name() + ".csv"))
              || fs.exists(new Path(dir, spec.name() + ".parquet"))
              || fs.exists(new Path(dir, spec.name()))) {
            problems.add(
                spec.name()
                    + ": given both as files and in "
                    + DatabaseSources.FILE
                    + "; keep one");
            continue;
          }
        } catch (IOException e) {
          problems.add(spec.name() + ": cannot be listed: " + e.getMessage());
          continue;
        }
        sources.put(
            spec.name(),
            new TableSource(
                spec, SourceFormat.DATABASE, List.of(db.label()), List.of(db.label()), db));
        continue;
      }
      try {
        locate(fs, dir, spec, problems)
            .ifPresent(
                source -> {
                  checkColumns(fs, source, problems, conf);
                  sources.put(spec.name(), source);
                });
      } catch (IOException e) {
        problems.add(spec.name() + ": cannot be listed: " + e.getMessage());
      }
    }
    if (problems.isEmpty() && !database.isEmpty() && reachDatabase) {
      // the database is reached only once the case's files are in order
      DatabaseSources.probe(database, problems);
    }
    if (!problems.isEmpty()) {
      throw new InvalidCaseException(problems);
    }
    return new CaseLayout(scenario, text, sources);
  }

  /** The tables {@code sources.yaml} reads from the database; none without the file. */
  private static Map<String, DatabaseTable> databaseTables(
      FileSystem fs, Path dir, List<String> problems) {
    Path yaml = new Path(dir, DatabaseSources.FILE);
    try {
      if (!fs.exists(yaml)) {
        return Map.of();
      }
      try (InputStream in = fs.open(yaml)) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return DatabaseSources.parse(text, java.nio.file.Path.of(dir.toUri().getPath()), problems);
      }
    } catch (IOException e) {
      problems.add(DatabaseSources.FILE + ": cannot be read: " + e.getMessage());
      return Map.of();
    }
  }

  private static Optional<TableSource> locate(
      FileSystem fs, Path dir, TableSpec spec, List<String> problems) throws IOException {
    List<String> found = new ArrayList<>();
    Path csv = new Path(dir, spec.name() + ".csv");
    Path parquet = new Path(dir, spec.name() + ".parquet");
    Path folder = new Path(dir, spec.name());
    if (fs.isFile(csv)) {
      found.add(spec.name() + ".csv");
    }
    if (fs.isFile(parquet)) {
      found.add(spec.name() + ".parquet");
    }
    if (fs.exists(folder) && fs.getFileStatus(folder).isDirectory()) {
      found.add(spec.name() + "/");
    }
    if (found.isEmpty()) {
      if (spec.mandatory()) {
        problems.add(
            spec.name()
                + ": required table is missing (expected "
                + spec.name()
                + ".csv, "
                + spec.name()
                + ".parquet or a folder "
                + spec.name()
                + "/ of part files)");
      }
      return Optional.empty();
    }
    if (found.size() > 1) {
      problems.add(
          spec.name() + ": given more than once (" + String.join(", ", found) + "); keep one");
      return Optional.empty();
    }
    String only = found.get(0);
    if (only.endsWith(".csv")) {
      return Optional.of(source(spec, SourceFormat.CSV, List.of(fs.getFileStatus(csv)), dir));
    }
    if (only.endsWith(".parquet")) {
      return Optional.of(
          source(spec, SourceFormat.PARQUET, List.of(fs.getFileStatus(parquet)), dir));
    }
    List<FileStatus> parts =
        Arrays.stream(fs.listStatus(folder))
            .filter(FileStatus::isFile)
            .filter(
                s ->
                    !s.getPath().getName().startsWith("_")
                        && !s.getPath().getName().startsWith("."))
            .sorted(Comparator.comparing(s -> s.getPath().getName()))
            .toList();
    List<FileStatus> csvParts = parts.stream().filter(s -> lower(s).endsWith(".csv")).toList();
    List<FileStatus> parquetParts =
        parts.stream().filter(s -> lower(s).endsWith(".parquet")).toList();
    if (!csvParts.isEmpty() && !parquetParts.isEmpty()) {
      problems.add(spec.name() + "/: mixes .csv and .parquet part files; use one format");
      return Optional.empty();
    }
    if (csvParts.isEmpty() && parquetParts.isEmpty()) {
      problems.add(spec.name() + "/: folder holds no .csv or .parquet part files");
      return Optional.empty();
    }
    return csvParts.isEmpty()
        ? Optional.of(source(spec, SourceFormat.PARQUET, parquetParts, dir))
        : Optional.of(source(spec, SourceFormat.CSV, csvParts, dir));
  }

  private static String lower(FileStatus s) {
    return s.getPath().getName().toLowerCase(Locale.ROOT);
  }

  private static TableSource source(
      TableSpec spec, SourceFormat format, List<FileStatus> files, Path dir) {
    String base = dir.toUri().getPath();
    List<String> paths = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (FileStatus f : files) {
      paths.add(f.getPath().toString());
      String p = f.getPath().toUri().getPath();
      labels.add(p.startsWith(base) ? p.substring(base.length()).replaceFirst("^/", "") : p);
    }
    return new TableSource(spec, format, paths, labels);
  }

  private static void checkColumns(
      FileSystem fs, TableSource source, List<String> problems, Configuration conf) {
    for (int i = 0; i < source.files().size(); i++) {
      String file = source.files().get(i);
      String label = source.labels().get(i);
      List<String> header;
      try {
        header =
            source.format() == SourceFormat.CSV ? csvHeader(fs, file) : parquetColumns(file, conf);
      } catch (IOException | RuntimeException e) {
        String why =
            CsvText.isEncodingError(e) ? "is not valid UTF-8" : "cannot be read: " + e.getMessage();
        problems.add(label + ": " + why);
        continue;
      }
      if (header.isEmpty()) {
        problems.add(label + ": has no header row");
        continue;
      }
      Set<String> seen = new HashSet<>();
      for (String column : header) {
        if (!seen.add(column)) {
          problems.add(label + ": column '" + column + "' appears more than once in the header");
        }
      }
      for (ColumnSpec column : source.spec().columns()) {
        if (column.required() && !seen.contains(column.name())) {
          problems.add(
              label
                  + ": required column '"
                  + column.name()
                  + "' is missing (found: "
                  + String.join(", ", header)
                  + ")");
        }
      }
    }
  }

  /** Lower-cased header of a CSV file. */
  static List<String> csvHeader(FileSystem fs, String file) throws IOException {
    byte[] firstRecord;
    try (InputStream in = fs.open(new Path(file))) {
      firstRecord = firstRecordBytes(in);
    }
    // only the header's own bytes are decoded: bad bytes further down are the rows' problem
    try (Reader reader = CsvText.open(new java.io.ByteArrayInputStream(firstRecord));
        CSVParser parser = CsvText.FORMAT.parse(reader)) {
      var it = parser.iterator();
      if (!it.hasNext()) {
        return List.of();
      }
      CSVRecord record = it.next();
      List<String> names = new ArrayList<>();
      record.forEach(name -> names.add(name.strip().toLowerCase(Locale.ROOT)));
      return names;
    }
  }

  /**
   * The bytes of a CSV file up to the end of its first non-blank record (a newline outside quotes;
   * at most 1 MiB). Quotes and newlines are ASCII, never part of a multi-byte UTF-8 character.
   */
  private static byte[] firstRecordBytes(InputStream in) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    InputStream buffered = new java.io.BufferedInputStream(in);
    boolean quoted = false;
    boolean content = false;
    for (int b = buffered.read(); b >= 0 && out.size() < (1 << 20); b = buffered.read()) {
      out.write(b);
      if (b == '"') {
        quoted = !quoted;
      } else if (b == '\n' && !quoted && content) {
        break;
      } else if (b != '\r' && b != '\n') {
        content = true;
      }
    }
    return out.toByteArray();
  }

  private static List<String> parquetColumns(String file, Configuration conf) throws IOException {
    try (ParquetFileReader reader =
        ParquetFileReader.open(HadoopInputFile.fromPath(new Path(file), conf))) {
      return reader.getFooter().getFileMetaData().getSchema().getFields().stream()
          .map(Type::getName)
          .map(n -> n.toLowerCase(Locale.ROOT))
          .toList();
    }
  }
}

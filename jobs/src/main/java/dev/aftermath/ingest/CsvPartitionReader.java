package dev.aftermath.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Reads whole CSV files (one Spark task per file, since quoted newlines make byte-range splits
 * unsafe) into source rows, streaming: lineage, then the table's columns as text in contract order.
 * Every record becomes exactly one row; text that cannot be parsed becomes one row with a defect.
 */
final class CsvPartitionReader implements FlatMapFunction<Iterator<String>, Row> {
  private final TableSource source;
  private final SerializableConfiguration hadoop;

  /** Reads {@code source}'s files with {@code hadoop}, the session's Hadoop configuration. */
  CsvPartitionReader(TableSource source, SerializableConfiguration hadoop) {
    this.source = source;
    this.hadoop = hadoop;
  }

  @Override
  public Iterator<Row> call(Iterator<String> files) {
    return new Iterator<>() {
      private FileRows current;

      @Override
      public boolean hasNext() {
        while (current == null || !current.hasNext()) {
          if (current != null) {
            current.close();
          }
          if (!files.hasNext()) {
            current = null;
            return false;
          }
          current = new FileRows(files.next(), source, hadoop.value());
        }
        return true;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /** The rows of one file, parsed one record ahead so each record's raw text is known. */
  private static final class FileRows implements Iterator<Row> {
    private final String label;
    private final TableSpec spec;
    private final RecordingReader raw;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Deque<Row> ready = new ArrayDeque<>();
    private int[] index;
    private int width;
    private CSVRecord pending;
    private long pendingLine;
    private boolean done;

    FileRows(String file, TableSource source, Configuration hadoop) {
      this.label = source.labelOf(file);
      this.spec = source.spec();
      try {
        Path path = new Path(file);
        FileSystem fs = path.getFileSystem(hadoop);
        InputStream in = fs.open(path);
        this.raw = new RecordingReader(CsvText.openLenient(in));
        this.parser = CsvText.FORMAT.parse(raw);
        this.records = parser.iterator();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + label, e);
      }
    }

    @Override
    public boolean hasNext() {
      while (ready.isEmpty() && !done) {
        advance();
      }
      return !ready.isEmpty();
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return ready.poll();
    }

    private void advance() {
      try {
        if (!records.hasNext()) {
          if (pending != null) {
            ready.add(
                row(
                    pendingLine,
                    raw.slice(pending.getCharacterPosition(), raw.position()),
                    pending));
          }
          done = true;
          return;
        }
        CSVRecord record = records.next();
        if (index == null) {
          width = record.size();
          index = headerIndex(record, spec);
          return;
        }
        long line;
        if (pending == null) {
          // the header and any blank lines before the first record
          line = 1 + LineBreaks.in(raw.slice(0, record.getCharacterPosition()));
        } else {
          String text = raw.slice(pending.getCharacterPosition(), record.getCharacterPosition());
          ready.add(row(pendingLine, text, pending));
          line = pendingLine + LineBreaks.in(text);
          raw.discardBefore(record.getCharacterPosition());
        }
        pending = record;
        pendingLine = line;
      } catch (UncheckedIOException | IllegalStateException e) {
        malformed(e);
      }
    }

    /**
     * The parser failed: the pending record is good, everything after it, to the end of the file,
     * is one defect row.
     */
    private void malformed(RuntimeException e) {
      String why = rootMessage(e);
      long badLine = 2;
      String rest = "";
      long firstLine = 1;
      // the text read from the pending record's start (the file's, if none) to where parsing
      // stopped
      String read = raw.slice(pending == null ? 0 : pending.getCharacterPosition(), raw.position());
      if (pending != null) {
        String text = CsvText.FORMAT.format((Object[]) pending.values());
        ready.add(row(pendingLine, text, pending));
        badLine = pendingLine + LineBreaks.in(text) + 1;
        rest = read.length() > text.length() ? read.substring(text.length()) : read;
        firstLine = pendingLine;
      }
      LineBreaks toEnd = new LineBreaks();
      toEnd.add(read, 0, read.length());
      try {
        raw.drainInto(toEnd);
      } catch (IOException io) {
        throw new UncheckedIOException("Cannot read " + label, io);
      }
      Object[] values = new Object[SourceColumns.COUNT + spec.columns().size()];
      values[0] = label;
      values[1] = badLine;
      String shown = rest.strip();
      values[3] = shown.length() > 2000 ? shown.substring(0, 2000) : shown;
      values[4] = QuarantineReason.MALFORMED_CSV.name() + ":" + why;
      values[5] = Math.max(badLine, firstLine + toEnd.within());
      ready.add(RowFactory.create(values));
      pending = null;
      done = true;
    }

    private Row row(long line, String text, CSVRecord record) {
      Object[] values = new Object[SourceColumns.COUNT + index.length];
      values[0] = label;
      values[1] = line;
      values[3] = stripTerminator(text);
      values[5] = line + LineBreaks.within(text);
      values[4] =
          text.indexOf(CsvText.NOT_UTF8) >= 0
              ? QuarantineReason.NOT_UTF8.name()
                  + ":bytes that are not UTF-8 (another encoding, such as GBK?)"
              : record.size() == width
                  ? null
                  : QuarantineReason.WRONG_FIELD_COUNT.name()
                      + ":"
                      + width
                      + " fields expected, "
                      + record.size()
                      + " found";
      for (int i = 0; i < index.length; i++) {
        int at = index[i];
        String v = at >= 0 && at < record.size() ? record.get(at) : null;
        values[SourceColumns.COUNT + i] = v == null || v.isBlank() ? null : v;
      }
      return RowFactory.create(values);
    }

    void close() {
      try {
        parser.close();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot close " + label, e);
      }
    }
  }

  private static int[] headerIndex(CSVRecord header, TableSpec spec) {
    List<String> names = new ArrayList<>();
    header.forEach(n -> names.add(n.strip().toLowerCase(Locale.ROOT)));
    int[] index = new int[spec.columns().size()];
    for (int i = 0; i < index.length; i++) {
      index[i] = names.indexOf(spec.columns().get(i).name());
    }
    return index;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return String.valueOf(t.getMessage());
  }

  private static String stripTerminator(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
      end--;
    }
    return s.substring(0, end);
  }
}

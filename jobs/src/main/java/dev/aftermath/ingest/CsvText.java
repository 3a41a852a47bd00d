package dev.aftermath.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;

/** The contract's CSV dialect: UTF-8 with an optional BOM, comma, RFC 4180 double-quote quoting. */
final class CsvText {
  private CsvText() {}

  static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(false).get();

  /** A reader over UTF-8 bytes that fails on malformed input and drops a leading BOM. */
  static Reader open(InputStream in) throws IOException {
    return open(in, CodingErrorAction.REPORT);
  }

  /**
   * A reader over UTF-8 bytes that reads bytes that are not UTF-8 (a GBK export, say) as {@link
   * #NOT_UTF8} characters, so that the row holding them can be rejected on its own; drops a BOM.
   */
  static Reader openLenient(InputStream in) throws IOException {
    return open(in, CodingErrorAction.REPLACE);
  }

  /** What a byte that is not UTF-8 reads as (U+FFFD, the replacement character). */
  static final char NOT_UTF8 = '\uFFFD';

  private static Reader open(InputStream in, CodingErrorAction onError) throws IOException {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(onError)
            .onUnmappableCharacter(onError);
    PushbackReader reader =
        new PushbackReader(new BufferedReader(new InputStreamReader(in, decoder), 1 << 16), 1);
    int first = reader.read();
    if (first >= 0 && first != '\uFEFF') {
      reader.unread(first);
    }
    return reader;
  }

  /** True when the failure is bad UTF-8 rather than an I/O fault. */
  static boolean isEncodingError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CharacterCodingException) {
        return true;
      }
    }
    return false;
  }
}

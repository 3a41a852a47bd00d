package dev.aftermath.ingest;

import java.io.IOException;
import java.io.Reader;
import java.nio.CharBuffer;

/**
 * A reader that keeps the characters it has handed out, so the raw text of a CSV record can be
 * recovered from the parser's character positions. Text before the oldest position still needed is
 * dropped with {@link #discardBefore(long)}.
 */
final class RecordingReader extends Reader {
  private final Reader in;
  private final StringBuilder kept = new StringBuilder();
  private long keptFrom;
  private long position;

  RecordingReader(Reader in) {
    this.in = in;
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    int n = in.read(buf, off, len);
    if (n > 0) {
      kept.append(buf, off, n);
      position += n;
    }
    return n;
  }

  /** Characters handed out so far. */
  long position() {
    return position;
  }

  /** The text between two absolute positions, both at or after the last discard. */
  String slice(long from, long to) {
    return kept.substring((int) (from - keptFrom), (int) (Math.min(to, position) - keptFrom));
  }

  /** Forgets the text before {@code pos}. */
  void discardBefore(long pos) {
    int n = (int) (pos - keptFrom);
    if (n > 0) {
      kept.delete(0, n);
      keptFrom = pos;
    }
  }

  /**
   * Reads the rest of the input without keeping it, counting its line breaks into {@code breaks}:
   * how far a record that runs to the end of the file reaches. The text read this way is neither
   * kept nor counted in {@link #position()}.
   */
  void drainInto(LineBreaks breaks) throws IOException {
    char[] buf = new char[1 << 16];
    CharBuffer chars = CharBuffer.wrap(buf);
    for (int n = in.read(buf, 0, buf.length); n >= 0; n = in.read(buf, 0, buf.length)) {
      breaks.add(chars, 0, n);
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

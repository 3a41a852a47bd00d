package dev.aftermath.ingest;

/**
 * Counts line breaks in text given in pieces: LF, CRLF or a lone CR each count once, also when a
 * CRLF is split between two pieces. Breaks after the last other character (a record's terminator,
 * blank lines after it) are counted apart, so that {@link #within()} says on how many lines after
 * its first the text's content goes on.
 */
final class LineBreaks {
  private long total;
  private long trailing;
  private boolean afterCr;

  /** The line breaks in {@code s}, all of them. */
  static long in(CharSequence s) {
    LineBreaks b = new LineBreaks();
    b.add(s, 0, s.length());
    return b.total;
  }

  /** The line breaks in {@code s} before its last character that is not a line break. */
  static long within(CharSequence s) {
    LineBreaks b = new LineBreaks();
    b.add(s, 0, s.length());
    return b.within();
  }

  void add(CharSequence s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '\r') {
        total++;
        trailing++;
        afterCr = true;
      } else if (c == '\n') {
        if (!afterCr) {
          total++;
          trailing++;
        }
        afterCr = false;
      } else {
        trailing = 0;
        afterCr = false;
      }
    }
  }

  /** Line breaks so far that have text after them. */
  long within() {
    return total - trailing;
  }
}

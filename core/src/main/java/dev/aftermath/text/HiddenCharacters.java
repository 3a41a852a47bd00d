package dev.aftermath.text;

import java.util.regex.Pattern;

/**
 * The characters that change how the text around them reads or cannot be seen: control characters
 * other than tab, line feed and carriage return (C0, DEL and C1: they can drive a terminal or break
 * a parser), zero-width characters and the left-to-right/right-to-left marks (U+200B–U+200F),
 * bidirectional embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069), the Arabic
 * letter mark (U+061C) and the zero-width no-break space (U+FEFF). One definition for the reports
 * (which show them by their code) and the CSV exports (which replace them).
 */
public final class HiddenCharacters {
  private HiddenCharacters() {}

  /** The set as a regular-expression character class (Java's and Spark's regex syntax). */
  public static final String REGEX_CLASS =
      "[\\x{0}-\\x{8}\\x{B}\\x{C}\\x{E}-\\x{1F}\\x{7F}-\\x{9F}"
          + "\\x{200B}-\\x{200F}\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}\\x{61C}\\x{FEFF}]";

  static final Pattern PATTERN = Pattern.compile(REGEX_CLASS);

  /** Whether code point {@code c} is one of them. */
  public static boolean contains(int c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
        || (c >= 0x7F && c < 0xA0)
        || (c >= 0x200B && c <= 0x200F)
        || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x061C
        || c == 0xFEFF;
  }
}

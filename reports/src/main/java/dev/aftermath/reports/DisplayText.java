package dev.aftermath.reports;

import dev.aftermath.text.HiddenCharacters;

/**
 * Text from the data (merchant names) as reports show it. HTML escaping is the templates' job; this
 * removes what escaping leaves dangerous: characters that reorder or hide the text around them
 * (bidirectional overrides and isolates such as U+202E, zero-width and other control characters)
 * are shown as their code, e.g. {@code [U+202E]}, so a reader sees that they were there; and a name
 * longer than {@link #MAX_CHARS} characters is cut, with its length said (the tables keep it
 * whole).
 */
final class DisplayText {
  private DisplayText() {}

  static final int MAX_CHARS = 120;

  /** Every text value a report reads from the tables: hidden characters shown by their code. */
  static String inert(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (hidden(text.charAt(i))) {
        return of(text, Integer.MAX_VALUE);
      }
    }
    return text;
  }

  /** A name: hidden characters shown by their code, cut after {@link #MAX_CHARS}. */
  static String of(String text) {
    return of(text, MAX_CHARS);
  }

  private static String of(String text, int max) {
    if (text == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    int shown = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (shown == max) {
        b.append("… (").append(text.codePointCount(0, text.length())).append(" characters)");
        break;
      }
      if (hidden(c)) {
        b.append(String.format("[U+%04X]", c));
      } else {
        b.appendCodePoint(c);
      }
      shown++;
    }
    return b.toString();
  }

  /** See {@link HiddenCharacters}. */
  static boolean hidden(int c) {
    return HiddenCharacters.contains(c);
  }
}

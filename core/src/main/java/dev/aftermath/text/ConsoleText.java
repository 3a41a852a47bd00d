package dev.aftermath.text;

import java.util.regex.Pattern;

/**
 * Text from the case made safe for a terminal line or a log: characters that reorder or hide text
 * or drive a terminal ({@link HiddenCharacters}: escape sequences start with ESC, a control
 * character), and line breaks and tabs, which could forge a line of their own, read as U+FFFD.
 */
public final class ConsoleText {
  private ConsoleText() {}

  private static final Pattern UNSAFE =
      Pattern.compile(HiddenCharacters.REGEX_CLASS + "|[\\t\\n\\r\\u2028\\u2029]");

  /** {@code text} on one line, every unsafe character replaced; null stays null. */
  public static String oneLine(String text) {
    return text == null ? null : UNSAFE.matcher(text).replaceAll("\uFFFD");
  }
}

package dev.aftermath.reports;

import java.util.Map;

/**
 * A text of the case files in both report languages: {@code {en: …, zh: …}} in YAML, or a plain
 * string (the same text in both, for a case that gives one language only).
 */
record Bilingual(String en, String zh) {
  /** Reads a YAML value: a mapping with {@code en} and {@code zh}, or a plain value; null is "". */
  static Bilingual of(Object yaml) {
    if (yaml instanceof Map<?, ?> m) {
      String en = m.get("en") == null ? "" : String.valueOf(m.get("en"));
      String zh = m.get("zh") == null ? en : String.valueOf(m.get("zh"));
      return new Bilingual(en.isEmpty() ? zh : en, zh);
    }
    String text = yaml == null ? "" : String.valueOf(yaml);
    return new Bilingual(text, text);
  }

  /** The text in the report's language. */
  String in(Formats f) {
    return f.chinese() ? zh : en;
  }
}

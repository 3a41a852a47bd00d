package dev.aftermath.scenario;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every value the scenario sets, with the comment written beside it: the method-and-assumptions
 * appendix of the legal report. Read from the text of {@code scenario.yaml} (comments are not part
 * of the parsed document): one entry per line that sets a value, its key as a dotted path (list
 * items as {@code [i]}), its value as written, and its comment, which by convention says
 * "ASSUMPTION" or names the source.
 */
public final class ScenarioAssumptions {
  private ScenarioAssumptions() {}

  /**
   * One value the run used: its key, its value, the note beside it in English and in Chinese (a
   * comment {@code # English | zh: 中文}; the English one when it has no Chinese part), whether it is
   * an assumption, and where it comes from ({@link #SCENARIO} or {@link #ENGINE_DEFAULT}).
   */
  public record Entry(
      String key, String value, String note, String noteZh, boolean assumption, String origin) {}

  /** What separates a comment's English note from its Chinese one. */
  static final String ZH = " | zh: ";

  /** An entry written in {@code scenario.yaml}. */
  public static final String SCENARIO = "scenario";

  /** An entry the scenario does not set: the engine's default, an assumption. */
  public static final String ENGINE_DEFAULT = "engine default";

  /**
   * Every value the run used: the values written in {@code yaml} (with their comments), then each
   * setting the scenario may set but does not, with the engine's default that the run used (marked
   * as an assumption).
   */
  public static List<Entry> of(String yaml, Scenario scenario) {
    List<Entry> out = new ArrayList<>(of(yaml));
    java.util.Set<String> written = new java.util.HashSet<>();
    for (Entry e : out) {
      written.add(e.key());
    }
    for (Entry d : EngineDefaults.of(scenario)) {
      if (!written.contains(d.key()) && !writtenAsPrefix(written, d.key())) {
        out.add(d);
      }
    }
    return out;
  }

  /**
   * Whether the scenario writes {@code key} as part of another entry: item by item (windows[0] for
   * windows) or inside a flow mapping written whole (signals for signals.complaint).
   */
  private static boolean writtenAsPrefix(java.util.Set<String> written, String key) {
    for (String w : written) {
      if (w.startsWith(key + "[") || w.startsWith(key + ".") || key.startsWith(w + ".")) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern KEY =
      Pattern.compile("^(\\s*)([A-Za-z_][\\w.]*)\\s*:(?:\\s+(.*)|\\s*)$");
  private static final Pattern ITEM = Pattern.compile("^(\\s*)- (.*)$");

  public static List<Entry> of(String yaml) {
    List<Entry> out = new ArrayList<>();
    Deque<Level> stack = new ArrayDeque<>();
    for (String raw : yaml.split("\\R")) {
      String[] parts = splitComment(raw);
      String line = parts[0];
      if (line.isBlank() || line.strip().equals("---")) {
        continue;
      }
      Matcher item = ITEM.matcher(line);
      if (item.matches()) {
        // a list item: a level of its own ("parent[i]"), its content indented past the dash
        int dash = item.group(1).length();
        pop(stack, dash);
        Level list = stack.peek();
        String at = (list == null ? "" : list.path) + "[" + (list == null ? 0 : list.items++) + "]";
        stack.push(new Level(dash + 1, at));
        line = " ".repeat(dash + 2) + item.group(2);
      }
      Matcher k = KEY.matcher(line);
      if (!k.matches()) {
        if (item.matches() && !line.isBlank()) {
          Level top = stack.peek();
          out.add(entry(top.path, line.strip(), parts[1]));
        }
        continue;
      }
      int indent = k.group(1).length();
      pop(stack, indent);
      String parent = stack.isEmpty() ? "" : stack.peek().path;
      String full = parent.isEmpty() ? k.group(2) : parent + "." + k.group(2);
      String value = k.group(3) == null ? "" : k.group(3).strip();
      if (value.isEmpty()) {
        stack.push(new Level(indent, full));
      } else {
        out.add(entry(full, value, parts[1]));
      }
    }
    return out;
  }

  private static Entry entry(String key, String value, String comment) {
    int zh = comment.indexOf(ZH);
    String note = zh < 0 ? comment : comment.substring(0, zh).strip();
    String noteZh = zh < 0 ? comment : comment.substring(zh + ZH.length()).strip();
    return new Entry(
        key, value, note, noteZh, note.toUpperCase(Locale.ROOT).contains("ASSUMPTION"), SCENARIO);
  }

  /** Leaves the levels that do not contain a line at {@code indent}. */
  private static void pop(Deque<Level> stack, int indent) {
    while (!stack.isEmpty() && stack.peek().indent >= indent) {
      stack.pop();
    }
  }

  /** An open mapping or list: the indentation of its key and its path. */
  private static final class Level {
    final int indent;
    final String path;
    int items;

    Level(int indent, String path) {
      this.indent = indent;
      this.path = path;
    }
  }

  /** The line without its comment, and the comment (text after a # outside quotes). */
  static String[] splitComment(String line) {
    boolean single = false;
    boolean dbl = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'' && !dbl) {
        single = !single;
      } else if (c == '"' && !single) {
        dbl = !dbl;
      } else if (c == '#'
          && !single
          && !dbl
          && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return new String[] {line.substring(0, i), line.substring(i + 1).strip()};
      }
    }
    return new String[] {line, ""};
  }
}

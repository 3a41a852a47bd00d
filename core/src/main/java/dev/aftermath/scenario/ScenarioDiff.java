package dev.aftermath.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * What differs between two versions of a scenario: the dotted paths of the values that were added,
 * removed or changed (comments and layout do not count). {@code rerun --scenario} uses it to refuse
 * a scenario that changes anything the stages it does not re-run have used.
 */
public final class ScenarioDiff {
  private ScenarioDiff() {}

  /** The changed paths, e.g. {@code schemes.custom}, {@code fund.total}, in document order. */
  public static List<String> changedPaths(String before, String after) {
    List<String> out = new ArrayList<>();
    compare("", load(before), load(after), out);
    return out;
  }

  /** True if {@code path} lies in one of {@code sections} and in none of {@code except}. */
  public static boolean within(String path, List<String> sections, List<String> except) {
    return sections.stream().anyMatch(s -> under(path, s))
        && except.stream().noneMatch(e -> under(path, e) || under(e, path));
  }

  private static boolean under(String path, String section) {
    return path.equals(section) || path.startsWith(section + ".");
  }

  private static Object load(String text) {
    return new Load(LoadSettings.builder().build()).loadFromString(text);
  }

  private static void compare(String path, Object a, Object b, List<String> out) {
    if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
      TreeSet<String> keys = new TreeSet<>();
      ma.keySet().forEach(k -> keys.add(String.valueOf(k)));
      mb.keySet().forEach(k -> keys.add(String.valueOf(k)));
      for (String k : keys) {
        compare(path.isEmpty() ? k : path + "." + k, get(ma, k), get(mb, k), out);
      }
    } else if (!Objects.equals(a, b)) {
      out.add(path.isEmpty() ? "(the whole document)" : path);
    }
  }

  private static Object get(Map<?, ?> m, String key) {
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (String.valueOf(e.getKey()).equals(key)) {
        return e.getValue();
      }
    }
    return null;
  }
}

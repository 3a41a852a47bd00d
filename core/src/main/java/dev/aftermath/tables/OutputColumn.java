package dev.aftermath.tables;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One column of an output table: its name, its type as Spark writes it ({@code string}, {@code
 * long}, {@code int}, {@code double}, {@code boolean}, {@code date}, {@code timestamp} for local
 * wall-clock time without offset, {@code decimal(p,s)}), its unit and its meaning. A column family
 * ({@link #family}) stands for the columns, zero or more, whose names match a pattern, such as one
 * payout column per scheme of the scenario.
 */
public record OutputColumn(String name, String type, String unit, String meaning, Pattern pattern) {
  /** The types a column may have. */
  static final Pattern TYPES =
      Pattern.compile("string|long|int|double|boolean|date|timestamp|decimal\\(\\d+,\\d+\\)");

  public OutputColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(meaning, "meaning");
    if (!TYPES.matcher(type).matches()) {
      throw new IllegalArgumentException("column " + name + ": unknown type " + type);
    }
  }

  /** A single column. */
  public static OutputColumn of(String name, String type, String unit, String meaning) {
    return new OutputColumn(name, type, unit, meaning, null);
  }

  /**
   * The columns whose names match {@code regex}, shown as {@code shownAs} (e.g. {@code
   * <scheme>_payout}).
   */
  public static OutputColumn family(
      String shownAs, String regex, String type, String unit, String meaning) {
    return new OutputColumn(shownAs, type, unit, meaning, Pattern.compile(regex));
  }

  /** Whether this stands for a family of columns rather than one. */
  public boolean isFamily() {
    return pattern != null;
  }

  /** Whether a written column named {@code column} is (one of) this. */
  public boolean matches(String column) {
    return isFamily() ? pattern.matcher(column).matches() : name.equals(column);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OutputColumn c
        && name.equals(c.name)
        && type.equals(c.type)
        && unit.equals(c.unit)
        && meaning.equals(c.meaning)
        && Objects.equals(
            pattern == null ? null : pattern.pattern(),
            c.pattern == null ? null : c.pattern.pattern());
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, unit, meaning, pattern == null ? null : pattern.pattern());
  }
}

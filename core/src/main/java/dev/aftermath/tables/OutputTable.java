package dev.aftermath.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The contract of one table a run writes under {@code OUT/tables/}: its name, the data dictionary's
 * section it belongs to, its grain, what it holds, when it is written (empty: always), whether it
 * has a CSV twin, and its columns in the order they are written.
 */
public record OutputTable(
    String name,
    String section,
    String grain,
    String description,
    String writtenWhen,
    boolean csv,
    List<OutputColumn> columns) {

  /** A written column: its name and type, named as the contract names types. */
  public record Written(String name, String type) {}

  public OutputTable {
    columns = List.copyOf(columns);
  }

  /** Whether every full run writes it. */
  public boolean always() {
    return writtenWhen.isEmpty();
  }

  /** Its plain (non-family) column named {@code column}, if any. */
  public Optional<OutputColumn> column(String column) {
    return columns.stream().filter(c -> !c.isFamily() && c.name().equals(column)).findFirst();
  }

  /** The names of its plain columns (families left out), in order. */
  public List<String> columnNames() {
    return columns.stream().filter(c -> !c.isFamily()).map(OutputColumn::name).toList();
  }

  /** The contract column a written column named {@code column} is, if any. */
  public Optional<OutputColumn> describing(String column) {
    Optional<OutputColumn> plain = column(column);
    return plain.isPresent()
        ? plain
        : columns.stream().filter(c -> c.isFamily() && c.matches(column)).findFirst();
  }

  /**
   * Where {@code written} (a table's columns as written, in order) departs from this contract:
   * every plain column in its place with its type, a family's columns (any number) in the family's
   * place, nothing else. Empty when it conforms; otherwise one message naming the table and the
   * first column that differs.
   */
  public Optional<String> mismatch(List<Written> written) {
    int i = 0;
    for (int k = 0; k < columns.size(); k++) {
      OutputColumn spec = columns.get(k);
      if (spec.isFamily()) {
        String next = k + 1 < columns.size() ? columns.get(k + 1).name() : null;
        while (i < written.size()
            && spec.matches(written.get(i).name())
            && !written.get(i).name().equals(next)
            && column(written.get(i).name()).isEmpty()) {
          Optional<String> type = typeMismatch(spec, written.get(i));
          if (type.isPresent()) {
            return type;
          }
          i++;
        }
        continue;
      }
      if (i >= written.size()) {
        return Optional.of("table " + name + " lacks column " + spec.name());
      }
      Written w = written.get(i);
      if (!w.name().equals(spec.name())) {
        if (describing(w.name()).isEmpty()) {
          return Optional.of(
              "table " + name + " has column " + w.name() + ", which its contract does not name");
        }
        boolean present = written.stream().anyMatch(x -> x.name().equals(spec.name()));
        return Optional.of(
            present
                ? "table "
                    + name
                    + ": column "
                    + spec.name()
                    + " is out of place (found "
                    + w.name()
                    + " where the contract has "
                    + spec.name()
                    + ")"
                : "table " + name + " lacks column " + spec.name());
      }
      Optional<String> type = typeMismatch(spec, w);
      if (type.isPresent()) {
        return type;
      }
      i++;
    }
    if (i < written.size()) {
      String extra = written.get(i).name();
      return Optional.of(
          describing(extra).isPresent()
              ? "table " + name + ": column " + extra + " is out of place"
              : "table " + name + " has column " + extra + ", which its contract does not name");
    }
    return Optional.empty();
  }

  /**
   * The contract's plain columns missing from {@code present} (the column names a reader sees, in
   * any order), and those of {@code present} the contract does not name: for readers that only need
   * the columns to be there.
   */
  public List<String> absentOrUnknown(List<String> present) {
    List<String> problems = new ArrayList<>();
    for (String c : columnNames()) {
      if (!present.contains(c)) {
        problems.add("table " + name + " lacks column " + c);
      }
    }
    for (String c : present) {
      if (describing(c).isEmpty()) {
        problems.add("table " + name + " has column " + c + ", which its contract does not name");
      }
    }
    return problems;
  }

  private Optional<String> typeMismatch(OutputColumn spec, Written w) {
    return spec.type().equals(w.type())
        ? Optional.empty()
        : Optional.of(
            "table "
                + name
                + ": column "
                + w.name()
                + " is "
                + w.type()
                + ", the contract says "
                + spec.type());
  }
}

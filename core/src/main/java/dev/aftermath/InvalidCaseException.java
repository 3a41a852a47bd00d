package dev.aftermath;

import java.util.List;

/** The input case (or the command line) cannot be used: missing files or columns, bad scenario. */
public final class InvalidCaseException extends RuntimeException {
  private final List<String> problems;

  public InvalidCaseException(List<String> problems) {
    super(render(problems));
    this.problems = List.copyOf(problems);
  }

  public InvalidCaseException(String problem) {
    this(List.of(problem));
  }

  /** Every problem found, one sentence each, naming the file and the key or column. */
  public List<String> problems() {
    return problems;
  }

  private static String render(List<String> problems) {
    if (problems.size() == 1) {
      return problems.get(0);
    }
    StringBuilder text = new StringBuilder(problems.size() + " problems in the case:");
    for (String p : problems) {
      text.append(System.lineSeparator()).append("  - ").append(p);
    }
    return text.toString();
  }
}

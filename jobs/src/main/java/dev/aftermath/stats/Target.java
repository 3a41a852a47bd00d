package dev.aftermath.stats;

import java.util.function.DoublePredicate;

/**
 * What an evaluation figure should be, as written in the {@code target} column of {@code
 * impact_evaluation} and {@code defection_evaluation}, and the test that gives its {@code status}:
 * {@code pass} or {@code fail}, or empty for a figure reported without a target (a reference, an
 * oracle, a count). A figure that could not be computed (NaN) fails its test.
 */
public record Target(String text, DoublePredicate test) {
  public static final String PASS = "pass";
  public static final String FAIL = "fail";

  /** A figure with a target and its test. */
  public static Target check(String text, DoublePredicate test) {
    return new Target(text, test);
  }

  /** |value| at most {@code tolerance}; written "within ±tolerance" and then the note, if any. */
  public static Target within(String tolerance, String note) {
    double t = Double.parseDouble(tolerance);
    return check(
        "within ±" + tolerance + (note.isEmpty() ? "" : ": " + note), v -> Math.abs(v) <= t);
  }

  /** From {@code low} to {@code high}, both included; written "low to high". */
  public static Target between(String low, String high) {
    double lo = Double.parseDouble(low);
    double hi = Double.parseDouble(high);
    return check(low + " to " + high, v -> v >= lo && v <= hi);
  }

  /** A figure reported without a target: {@code text} says what it is. */
  public static Target report(String text) {
    return new Target(text, null);
  }

  /** {@link #PASS}, {@link #FAIL}, or empty when there is nothing to test. */
  public String status(double value) {
    if (test == null) {
      return "";
    }
    return !Double.isNaN(value) && test.test(value) ? PASS : FAIL;
  }
}

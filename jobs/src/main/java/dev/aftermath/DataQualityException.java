package dev.aftermath;

/** The data was read but fails a data-quality gate (rows do not reconcile, too many rejects). */
public final class DataQualityException extends RuntimeException {
  public DataQualityException(String message) {
    super(message);
  }
}

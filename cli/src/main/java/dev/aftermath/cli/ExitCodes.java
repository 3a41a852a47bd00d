package dev.aftermath.cli;

import dev.aftermath.DataQualityException;
import dev.aftermath.InvalidCaseException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * One place that maps failures to exit codes, so a scheduler can tell them apart: 0 ok, 2 bad usage
 * or bad input case, 3 data-quality gate failed, 1 internal error.
 */
public final class ExitCodes implements IExecutionExceptionHandler {
  public static final int OK = 0;
  public static final int INTERNAL_ERROR = 1;
  public static final int BAD_INPUT = 2;
  public static final int DATA_QUALITY = 3;

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    InvalidCaseException invalid = find(e, InvalidCaseException.class);
    if (invalid != null) {
      err.println("aftermath: cannot use this input: " + invalid.getMessage());
      err.flush();
      return BAD_INPUT;
    }
    DataQualityException quality = find(e, DataQualityException.class);
    if (quality != null) {
      err.println("aftermath: " + quality.getMessage());
      err.flush();
      return DATA_QUALITY;
    }
    err.println("aftermath: internal error: " + e);
    e.printStackTrace(err);
    err.flush();
    return INTERNAL_ERROR;
  }

  /** The first exception of {@code type} in the cause chain (Spark wraps task failures). */
  static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}

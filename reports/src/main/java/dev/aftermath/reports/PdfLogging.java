package dev.aftermath.reports;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends openhtmltopdf's log lines to SLF4J, the one logging path of the project (its own default
 * writes INFO lines straight to the terminal through java.util.logging), so they land where every
 * library's log goes, at the levels the logging configuration sets.
 */
final class PdfLogging implements XRLogger {
  private static volatile boolean installed;

  private PdfLogging() {}

  /** Installs the bridge once per JVM. */
  static void install() {
    if (!installed) {
      synchronized (PdfLogging.class) {
        if (!installed) {
          XRLog.setLoggerImpl(new PdfLogging());
          installed = true;
        }
      }
    }
  }

  private static Logger logger(String where) {
    return LoggerFactory.getLogger(where == null ? "com.openhtmltopdf" : where);
  }

  @Override
  public void log(String where, Level level, String msg) {
    log(where, level, msg, null);
  }

  @Override
  public void log(String where, Level level, String msg, Throwable th) {
    Logger log = logger(where);
    int v = level.intValue();
    if (v >= Level.SEVERE.intValue()) {
      log.error(msg, th);
    } else if (v >= Level.WARNING.intValue()) {
      log.warn(msg, th);
    } else if (v >= Level.INFO.intValue()) {
      log.info(msg, th);
    } else {
      log.debug(msg, th);
    }
  }

  @Override
  public void setLevel(String logger, Level level) {
    // levels are the logging configuration's to set
  }

  @Override
  public boolean isLogLevelEnabled(Diagnostic diagnostic) {
    Logger log = logger(diagnostic.getLogMessageId().getWhere());
    int v = diagnostic.getLevel().intValue();
    if (v >= Level.SEVERE.intValue()) {
      return log.isErrorEnabled();
    } else if (v >= Level.WARNING.intValue()) {
      return log.isWarnEnabled();
    } else if (v >= Level.INFO.intValue()) {
      return log.isInfoEnabled();
    }
    return log.isDebugEnabled();
  }
}

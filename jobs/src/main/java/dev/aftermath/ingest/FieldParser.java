package dev.aftermath.ingest;

import dev.aftermath.scenario.Timestamps;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Turns one cell, text from CSV or a typed value from Parquet, into the column's ingested type.
 * Throws {@link BadValue} naming the reason when it cannot.
 */
final class FieldParser implements Serializable {
  private final ZoneId zone;

  FieldParser(ZoneId zone) {
    this.zone = zone;
  }

  /** A value that cannot be used, with the reason code. */
  static final class BadValue extends Exception {
    final QuarantineReason reason;

    BadValue(QuarantineReason reason) {
      super(reason.name(), null, false, false);
      this.reason = reason;
    }
  }

  Object parse(Object value, ColumnType type) throws BadValue {
    return switch (type) {
      case STRING -> value instanceof String s ? s : String.valueOf(value);
      case DECIMAL -> decimal(value);
      case REAL -> decimal(value).doubleValue();
      case TIMESTAMP -> timestamp(value);
      case DATE -> date(value);
      case BOOLEAN -> bool(value);
    };
  }

  private static BigDecimal decimal(Object value) throws BadValue {
    BigDecimal d;
    if (value instanceof BigDecimal b) {
      d = b;
    } else if (value instanceof Double || value instanceof Float) {
      double x = ((Number) value).doubleValue();
      if (!Double.isFinite(x)) {
        throw new BadValue(QuarantineReason.NOT_A_NUMBER);
      }
      d = BigDecimal.valueOf(x);
    } else if (value instanceof Number n) {
      d = BigDecimal.valueOf(n.longValue());
    } else {
      String s = String.valueOf(value).strip();
      if (s.isEmpty() || !isPlainDecimal(s)) {
        throw new BadValue(QuarantineReason.NOT_A_NUMBER);
      }
      d = new BigDecimal(s);
    }
    if (d.abs().compareTo(BigDecimal.valueOf(99_999_999_999_999L)) > 0) {
      throw new BadValue(QuarantineReason.OUT_OF_RANGE);
    }
    return d.setScale(4, RoundingMode.HALF_UP);
  }

  /** Digits with an optional sign and one '.', or scientific notation from an exporter. */
  private static boolean isPlainDecimal(String s) {
    return s.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  }

  private LocalDateTime timestamp(Object value) throws BadValue {
    LocalDateTime t;
    try {
      if (value instanceof Instant i) {
        t = Timestamps.toLocal(i, zone);
      } else if (value instanceof LocalDateTime l) {
        t = l;
      } else if (value instanceof Timestamp ts) {
        t = Timestamps.toLocal(ts.toInstant(), zone);
      } else {
        t = Timestamps.toLocal(String.valueOf(value), zone);
      }
    } catch (DateTimeException e) {
      throw new BadValue(QuarantineReason.BAD_TIMESTAMP);
    }
    inRange(t.getYear());
    return t;
  }

  /** Dates and times from {@value #FIRST_YEAR} to {@value #LAST_YEAR}: others are typos. */
  static final int FIRST_YEAR = 1970;

  static final int LAST_YEAR = 2099;

  private static void inRange(int year) throws BadValue {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new BadValue(QuarantineReason.OUT_OF_RANGE);
    }
  }

  private static LocalDate date(Object value) throws BadValue {
    LocalDate d;
    if (value instanceof LocalDate l) {
      d = l;
    } else if (value instanceof Date sql) {
      d = sql.toLocalDate();
    } else {
      try {
        d = Timestamps.date(String.valueOf(value));
      } catch (DateTimeException e) {
        throw new BadValue(QuarantineReason.BAD_DATE);
      }
    }
    inRange(d.getYear());
    return d;
  }

  private static Boolean bool(Object value) throws BadValue {
    if (value instanceof Boolean b) {
      return b;
    }
    String s = String.valueOf(value).strip().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw new BadValue(QuarantineReason.BAD_BOOLEAN);
    };
  }
}

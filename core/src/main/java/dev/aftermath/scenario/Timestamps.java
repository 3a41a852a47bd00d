package dev.aftermath.scenario;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The contract's timestamp forms, normalised to the scenario's local time: {@code
 * 2020-02-17T19:00:00} (local), {@code 2020-02-17T19:00:00+08:00} (offset) and {@code
 * 2020-02-17T11:00:00Z} (UTC). A space may stand for the {@code T}, seconds and fractions are
 * optional, and {@code 24:00:00} means the start of the next day (ISO 8601 end of day).
 */
public final class Timestamps {
  private Timestamps() {}

  /** Parses a timestamp to local time in {@code zone}; throws {@link DateTimeException} if bad. */
  public static LocalDateTime toLocal(String text, ZoneId zone) {
    String s = text.strip();
    if (s.length() < 16 || s.charAt(10) != 'T' && s.charAt(10) != ' ' && s.charAt(10) != 't') {
      throw new DateTimeParseException("not an ISO-8601 timestamp", text, 0);
    }
    s = s.substring(0, 10) + 'T' + s.substring(11);
    boolean endOfDay = s.startsWith("24:00", 11);
    if (endOfDay) {
      String rest = s.substring(16);
      if (!rest.isEmpty() && !rest.matches(":00(\\.0+)?([zZ]|[+-]\\d{2}(:?\\d{2})?)?")) {
        throw new DateTimeParseException("24:00 must be followed by zeros only", text, 11);
      }
      s = s.substring(0, 11) + "00:00" + rest;
    }
    LocalDateTime local;
    if (hasZone(s)) {
      OffsetDateTime odt =
          OffsetDateTime.parse(normaliseZ(s), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      local = LocalDateTime.ofInstant(odt.toInstant(), zone);
    } else {
      local = LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }
    return endOfDay ? local.plusDays(1) : local;
  }

  /** An instant as local time in {@code zone}. */
  public static LocalDateTime toLocal(Instant instant, ZoneId zone) {
    return LocalDateTime.ofInstant(instant, zone);
  }

  /** A {@code YYYY-MM-DD} date; throws {@link DateTimeException} if bad. */
  public static LocalDate date(String text) {
    return LocalDate.parse(text.strip(), DateTimeFormatter.ISO_LOCAL_DATE);
  }

  /** ISO text of a local timestamp to the second, seconds always shown. */
  public static String format(LocalDateTime t) {
    return SECONDS.format(t);
  }

  /** ISO text with the offset of {@code zone} at that time, e.g. 2020-02-17T19:00:00+08:00. */
  public static String formatWithOffset(LocalDateTime t, ZoneId zone) {
    return SECONDS_OFFSET.format(t.atZone(zone));
  }

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
  private static final DateTimeFormatter SECONDS_OFFSET =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

  /** Midnight at the start of {@code date}. */
  public static LocalDateTime startOf(LocalDate date) {
    return date.atTime(LocalTime.MIDNIGHT);
  }

  private static boolean hasZone(String s) {
    if (s.endsWith("Z") || s.endsWith("z")) {
      return true;
    }
    int t = s.indexOf('T');
    return s.indexOf('+', t) > 0 || s.indexOf('-', t) > 0;
  }

  private static String normaliseZ(String s) {
    String out = s.endsWith("z") ? s.substring(0, s.length() - 1) + "Z" : s;
    // +0800 and +08 are accepted as well as +08:00
    if (out.matches(".*[+-]\\d{4}$")) {
      out = out.substring(0, out.length() - 2) + ":" + out.substring(out.length() - 2);
    } else if (out.matches(".*[+-]\\d{2}$")) {
      out = out + ":00";
    }
    return out;
  }
}

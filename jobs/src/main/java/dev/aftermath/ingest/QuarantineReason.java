package dev.aftermath.ingest;

/** Why an input row was rejected; the codes of the quarantine table's {@code reason} column. */
public enum QuarantineReason {
  /** A required value is empty. */
  MISSING_REQUIRED,
  /** Not an ISO-8601 timestamp. */
  BAD_TIMESTAMP,
  /** Not a YYYY-MM-DD date. */
  BAD_DATE,
  /** Not a decimal number. */
  NOT_A_NUMBER,
  /** Not {@code true} or {@code false}. */
  BAD_BOOLEAN,
  /** An amount, tax, fee, balance or points value below zero. */
  NEGATIVE_AMOUNT,
  /** An index or price that is zero or negative. */
  NOT_POSITIVE,
  /**
   * A value outside what its column can hold: a percentage outside 0..100, an amount of 10¹⁴ or
   * more, a date or time outside the years 1970–2099.
   */
  OUT_OF_RANGE,
  /** A text value longer than {@link RowValidator#MAX_TEXT_CHARS} characters. */
  TEXT_TOO_LONG,
  /** Tax greater than the amount it is part of. */
  TAX_EXCEEDS_AMOUNT,
  /** An order status other than PAID, REFUNDED, CANCELLED. */
  UNKNOWN_STATUS,
  /** A merchant_id that is not a valid row of merchants. */
  UNKNOWN_MERCHANT,
  /** A CSV record with more or fewer fields than the header. */
  WRONG_FIELD_COUNT,
  /**
   * A CSV record holding bytes that are not UTF-8 (an export in another encoding, such as GBK), or
   * the replacement character U+FFFD that an earlier conversion left in their place.
   */
  NOT_UTF8,
  /** CSV that cannot be parsed from this line on (an unterminated quote). */
  MALFORMED_CSV
}

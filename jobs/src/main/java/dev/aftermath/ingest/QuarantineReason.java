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
  /** A percentage outside 0..100. */
  OUT_OF_RANGE,
  /** Tax greater than the amount it is part of. */
  TAX_EXCEEDS_AMOUNT,
  /** An order status other than PAID, REFUNDED, CANCELLED. */
  UNKNOWN_STATUS,
  /** A merchant_id that is not a valid row of merchants. */
  UNKNOWN_MERCHANT,
  /** A CSV record with more or fewer fields than the header. */
  WRONG_FIELD_COUNT,
  /** CSV that cannot be parsed from this line on (unterminated quote, invalid UTF-8). */
  MALFORMED_CSV
}

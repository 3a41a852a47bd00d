package dev.aftermath.ingest;

/** A value rule beyond the type, with the reason code a failing row is quarantined under. */
public enum Check {
  NONE(null),
  NON_NEGATIVE(QuarantineReason.NEGATIVE_AMOUNT),
  POSITIVE(QuarantineReason.NOT_POSITIVE),
  PERCENT(QuarantineReason.OUT_OF_RANGE),
  ORDER_STATUS(QuarantineReason.UNKNOWN_STATUS),
  KNOWN_MERCHANT(QuarantineReason.UNKNOWN_MERCHANT);

  private final QuarantineReason reason;

  Check(QuarantineReason reason) {
    this.reason = reason;
  }

  /** The reason code of a row that fails this check. */
  public QuarantineReason reason() {
    return reason;
  }
}

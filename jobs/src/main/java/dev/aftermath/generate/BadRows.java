package dev.aftermath.generate;

import dev.aftermath.ingest.QuarantineReason;

/**
 * The bad rows and duplicates planted in a demo case's orders: about one duplicate per 3,000 orders
 * (a re-exported row, same order_id) and one bad row per 4,000 (an extra row with order_id prefixed
 * {@code X}, one field broken). Each is listed in the truth with the reason ingestion must give it.
 */
final class BadRows {
  private BadRows() {}

  static final double DUPLICATE_RATE = 1.0 / 3000;
  static final double BAD_RATE = 1.0 / 4000;

  /** What was done to a planted row. */
  enum Kind {
    DUPLICATE(null, true),
    BAD_TIMESTAMP(QuarantineReason.BAD_TIMESTAMP, false),
    NOT_A_NUMBER(QuarantineReason.NOT_A_NUMBER, false),
    NEGATIVE_AMOUNT(QuarantineReason.NEGATIVE_AMOUNT, true),
    TAX_EXCEEDS_AMOUNT(QuarantineReason.TAX_EXCEEDS_AMOUNT, true),
    UNKNOWN_STATUS(QuarantineReason.UNKNOWN_STATUS, true),
    UNKNOWN_MERCHANT(QuarantineReason.UNKNOWN_MERCHANT, true),
    MISSING_REQUIRED(QuarantineReason.MISSING_REQUIRED, true);

    final QuarantineReason reason;

    /** Whether the kind can be written in typed Parquet (text-only breakage cannot). */
    final boolean typed;

    Kind(QuarantineReason reason, boolean typed) {
      this.reason = reason;
      this.typed = typed;
    }

    /** The expected outcome as the truth names it: a reason code, or DUPLICATE. */
    String expected() {
      return reason == null ? "DUPLICATE" : reason.name();
    }
  }

  /** The bad kinds a case of this format can hold. */
  static Kind[] badKinds(boolean text) {
    return java.util.Arrays.stream(Kind.values())
        .filter(k -> k != Kind.DUPLICATE && (text || k.typed))
        .toArray(Kind[]::new);
  }

  /** A broken copy of {@code order}: a new order_id and one field broken as {@code kind} says. */
  static SimRecords.Order corrupt(SimRecords.Order order, Kind kind) {
    String merchant = kind == Kind.UNKNOWN_MERCHANT ? "M999999X" : order.merchantId();
    String status = kind == Kind.UNKNOWN_STATUS ? "PENDING" : order.status();
    long amount =
        kind == Kind.NEGATIVE_AMOUNT ? -Math.max(1, order.amountCents()) : order.amountCents();
    long tax =
        switch (kind) {
          case NEGATIVE_AMOUNT -> 0;
          case TAX_EXCEEDS_AMOUNT -> order.amountCents() + 100;
          default -> order.taxCents();
        };
    var createdAt = kind == Kind.MISSING_REQUIRED ? null : order.createdAt();
    // BAD_TIMESTAMP and NOT_A_NUMBER are text-only: CaseRows writes the broken text
    return new SimRecords.Order(
        "X" + order.orderId(), merchant, order.customerId(), createdAt, amount, tax, status, kind);
  }
}

package dev.aftermath.generate;

import java.time.LocalDateTime;

/** Plain records of one merchant's simulated world, before they become Spark rows. */
final class SimRecords {
  private SimRecords() {}

  /** An order as it appears in the log; amounts in cents. {@code bad} marks an injected bad row. */
  record Order(
      String orderId,
      String merchantId,
      String customerId,
      LocalDateTime createdAt,
      long amountCents,
      long taxCents,
      String status,
      BadRows.Kind bad) {}

  /** A customer and its latent traits, for the truth. */
  record Customer(
      String merchantId,
      String customerId,
      boolean guest,
      LocalDateTime arrivedAt,
      LocalDateTime lifetimeEnd,
      boolean aliveAtOutage,
      boolean defected,
      boolean member,
      double purchaseRatePerDay,
      double meanSpend,
      double windowNoReturnProbability) {}

  /** A member record (stored value and points at the outage start). */
  record Member(
      String merchantId, String customerId, long balanceCents, long points, boolean recovered) {}

  /** A churn signal. */
  record Signal(
      LocalDateTime ts, String merchantId, String customerId, String signal, Long valueCents) {}
}

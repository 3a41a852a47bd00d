package dev.aftermath.generate;

import java.time.LocalDateTime;

/**
 * The planted truth of one merchant over its impact period (outage start, or signup if later, to
 * the horizon end, or the end of the day it left the platform). Revenue is PAID amount − tax.
 *
 * <ul>
 *   <li>{@code realizedRevenueNoOutage}: the same customers, purchase times and amounts, had the
 *       outage not happened (common random numbers);
 *   <li>{@code actualRevenue}: what the order log shows;
 *   <li>{@code trueLost*}: realized no-outage minus actual, in the outage window and after it;
 *   <li>{@code expected*}: the same quantities with the purchase-timing noise integrated out, given
 *       the simulated customers (arrivals, rates, lifetimes, spend levels).
 * </ul>
 */
record MerchantTruth(
    String merchantId,
    String industry,
    boolean isNew,
    boolean fastGrower,
    double growthFactor,
    double covidSensitivity,
    double dataRecoveredPct,
    boolean leftBecauseOfOutage,
    LocalDateTime impactStart,
    LocalDateTime impactEnd,
    double expectedRevenueNoOutage,
    double expectedActualRevenue,
    double realizedRevenueNoOutage,
    double actualRevenue,
    double trueLostRevenueOutage,
    double trueLostRevenueTail,
    double expectedLostRevenueOutage,
    double expectedLostRevenueTail,
    long customersActiveAtOutage,
    long defectedCustomers,
    long members,
    long membersLost,
    double memberBalanceLost,
    double memberPointsLost) {

  double trueLostRevenue() {
    return trueLostRevenueOutage + trueLostRevenueTail;
  }

  double expectedLostRevenue() {
    return expectedLostRevenueOutage + expectedLostRevenueTail;
  }
}

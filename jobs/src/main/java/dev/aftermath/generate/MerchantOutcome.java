package dev.aftermath.generate;

import java.util.List;

/** Everything simulated for one merchant. */
record MerchantOutcome(
    List<SimRecords.Order> orders,
    List<SimRecords.Customer> customers,
    List<SimRecords.Member> members,
    List<SimRecords.Signal> signals,
    MerchantTruth truth) {}

package dev.aftermath.company;

import java.time.LocalDate;

/**
 * One merchant as the company impact sees it: the payout scheme it chose and what it is worth, and
 * its subscription. Missing amounts are 0; {@code leftPlatformAt} is null while the merchant stays.
 *
 * @param migrationSignal whether the merchant sent a {@code competitor_migration} or {@code
 *     contract_cancel} signal after the outage started
 */
record MerchantOutcome(
    String merchantId,
    String chosenScheme,
    double chosenPayout,
    double trafficImpressionsValue,
    double trafficExtensionValue,
    double monthlyFee,
    LocalDate signupDate,
    LocalDate leftPlatformAt,
    boolean migrationSignal) {}

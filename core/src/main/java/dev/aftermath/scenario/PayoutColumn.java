package dev.aftermath.scenario;

/**
 * A money column of {@code merchant_payout}: its {@code name} and the key of the value it shows
 * among a merchant's scheme values (a scheme's name, or a part of a scheme reported apart).
 */
public record PayoutColumn(String name, String valueKey) {}

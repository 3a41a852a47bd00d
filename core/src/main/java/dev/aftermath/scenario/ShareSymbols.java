package dev.aftermath.scenario;

/** Which share_prices symbol is the platform and which is the market benchmark. */
public record ShareSymbols(String symbol, String market) {}

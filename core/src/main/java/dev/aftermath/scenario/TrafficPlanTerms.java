package dev.aftermath.scenario;

/** Parameters of the platform's traffic plan: ad impressions, their value, free months. */
public record TrafficPlanTerms(long impressions, double cpm, double extensionMonths) {}

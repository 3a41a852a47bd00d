package dev.aftermath.scenario;

import java.util.OptionalDouble;

/** The compensation provision and, when given, who funds it. */
public record Fund(double total, OptionalDouble company, OptionalDouble management) {}

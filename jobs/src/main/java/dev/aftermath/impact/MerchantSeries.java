package dev.aftermath.impact;

import java.io.Serializable;

/**
 * One merchant's observed daily revenue by day index (NaN where it was not on the platform), its
 * span on the platform within the window, and the hourly actuals needed on the outage's first and
 * last days.
 */
public record MerchantSeries(
    String merchantId,
    String industry,
    boolean isNew,
    boolean leftPlatform,
    int firstDay,
    int lastDay,
    double[] revenue,
    double actualAfterStart,
    double actualBeforeEnd)
    implements Serializable {}

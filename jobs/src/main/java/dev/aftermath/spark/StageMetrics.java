package dev.aftermath.spark;

/**
 * What one named stage of a run cost: rows its Spark tasks read from files and wrote, wall and CPU
 * seconds of the whole process (every executor thread in local mode; the driver's only on a
 * cluster), and the peak JVM heap and process RSS (the RSS is the high-water mark of the process so
 * far).
 */
public record StageMetrics(
    String name,
    long rowsRead,
    long rowsWritten,
    double wallSeconds,
    double cpuSeconds,
    long peakHeapMiB,
    long peakRssMiB) {}

package dev.aftermath.spark;

/**
 * What one named stage of a run cost: rows its Spark tasks read from files and wrote (summed over
 * the tasks, wherever they ran), wall seconds, CPU seconds (the driver process's, which in local
 * mode holds every executor thread, plus on a cluster the CPU time the executors' tasks reported),
 * and the driver's peak JVM heap and process RSS (the RSS is the high-water mark of the process so
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

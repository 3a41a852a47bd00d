package dev.aftermath.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * Progress of long stages on stderr: the stage name, rows done so far (records read and written by
 * finished Spark tasks) and the elapsed time, every few seconds while a stage runs, and one line
 * when it ends. Keeps each stage's {@link StageMetrics} for the run summary and the benchmark.
 */
public final class Progress implements AutoCloseable {
  private final SparkSession spark;
  private final PrintStream err;
  private final AtomicLong rowsRead = new AtomicLong();
  private final AtomicLong rowsWritten = new AtomicLong();

  /** CPU time of the tasks executors ran, reported with each finished task. */
  private final AtomicLong taskCpuNanos = new AtomicLong();

  /** On a cluster the tasks run in other processes: their CPU is added to the driver's own. */
  private final boolean tasksElsewhere;

  private volatile long stageRead0;
  private volatile long stageWritten0;
  private final AtomicLong peakHeap = new AtomicLong();
  private final ScheduledExecutorService ticker;
  private volatile String stage;
  private volatile long stageStart;
  private final long runStart = System.nanoTime();
  private final List<StageMetrics> finished = new ArrayList<>();

  public Progress(SparkSession spark, PrintStream err, Duration every) {
    this.spark = spark;
    this.err = err;
    this.tasksElsewhere = !spark.sparkContext().isLocal();
    spark
        .sparkContext()
        .addSparkListener(
            new SparkListener() {
              @Override
              public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.taskMetrics() != null) {
                  rowsRead.addAndGet(end.taskMetrics().inputMetrics().recordsRead());
                  rowsWritten.addAndGet(end.taskMetrics().outputMetrics().recordsWritten());
                  taskCpuNanos.addAndGet(end.taskMetrics().executorCpuTime());
                }
              }
            });
    ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "aftermath-progress");
              t.setDaemon(true);
              return t;
            });
    long ms = every.toMillis();
    ticker.scheduleAtFixedRate(this::tick, ms, ms, TimeUnit.MILLISECONDS);
    ticker.scheduleAtFixedRate(this::sampleHeap, 0, 200, TimeUnit.MILLISECONDS);
  }

  /** Runs {@code work} as a named stage, reporting its progress and its end. */
  public <T> T stage(String name, Supplier<T> work) {
    String outer = stage;
    long outerStart = stageStart;
    stage = name;
    stageStart = System.nanoTime();
    peakHeap.set(0);
    long read0 = rowsRead.get();
    long written0 = rowsWritten.get();
    long cpu0 = cpuNanos();
    long outerRead0 = stageRead0;
    long outerWritten0 = stageWritten0;
    stageRead0 = read0;
    stageWritten0 = written0;
    spark.sparkContext().setJobDescription(name);
    try {
      T result = work.get();
      StageMetrics m =
          new StageMetrics(
              name,
              rowsRead.get() - read0,
              rowsWritten.get() - written0,
              (System.nanoTime() - stageStart) / 1e9,
              (cpuNanos() - cpu0) / 1e9,
              peakHeapMiB(),
              peakRssMiB());
      synchronized (finished) {
        finished.add(m);
      }
      err.printf(
          Locale.ROOT,
          "[%s] done: %,d rows read, %,d written, %s, cpu %.1f s, peak heap %,d MiB, peak RSS so far %,d MiB%n",
          name,
          m.rowsRead(),
          m.rowsWritten(),
          elapsed(stageStart),
          m.cpuSeconds(),
          m.peakHeapMiB(),
          m.peakRssMiB());
      return result;
    } finally {
      stage = outer;
      stageStart = outerStart;
      stageRead0 = outerRead0;
      stageWritten0 = outerWritten0;
      spark.sparkContext().setJobDescription(outer);
    }
  }

  /** Runs {@code work} as a named stage. */
  public void stage(String name, Runnable work) {
    stage(
        name,
        () -> {
          work.run();
          return null;
        });
  }

  /** Tells the user something the run decided, on its own line ({@code aftermath: text}). */
  public void note(String text) {
    err.println("aftermath: " + text);
    err.flush();
  }

  /** The stages finished so far, in the order they ended. */
  public List<StageMetrics> stages() {
    synchronized (finished) {
      return List.copyOf(finished);
    }
  }

  /**
   * CPU time of the run so far: this process's (in local mode every executor thread is in it),
   * plus, on a cluster, what the executors' tasks reported.
   */
  private long cpuNanos() {
    return processCpuNanos() + (tasksElsewhere ? taskCpuNanos.get() : 0);
  }

  /** CPU time of the whole process so far (every thread), or 0 where the JVM cannot tell. */
  public static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime());
    }
    return 0;
  }

  /** Time since this reporter started, as m:ss. */
  public String sinceStart() {
    return elapsed(runStart);
  }

  /** Samples the heap in use; the stage's peak is the largest sample since it began. */
  private void sampleHeap() {
    Runtime rt = Runtime.getRuntime();
    peakHeap.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
  }

  private long peakHeapMiB() {
    sampleHeap();
    return peakHeap.get() >> 20;
  }

  /** The process's resident-set high-water mark so far (Linux), or -1 elsewhere. */
  private static long peakRssMiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  private void tick() {
    String s = stage;
    if (s != null && System.nanoTime() - stageStart > TimeUnit.SECONDS.toNanos(5)) {
      err.printf(
          Locale.ROOT,
          "[%s] %,d rows read, %,d written, %s elapsed%n",
          s,
          rowsRead.get() - stageRead0,
          rowsWritten.get() - stageWritten0,
          elapsed(stageStart));
    }
  }

  private static String elapsed(long since) {
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    return String.format(Locale.ROOT, "%d:%02d.%d", ms / 60000, (ms / 1000) % 60, (ms / 100) % 10);
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}

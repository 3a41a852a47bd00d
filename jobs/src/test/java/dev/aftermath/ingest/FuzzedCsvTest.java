package dev.aftermath.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftermath.CaseFixture;
import dev.aftermath.SparkTestBase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.util.SerializableConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random mutations of good order rows — characters deleted, inserted (quotes, commas, line
 * breaks, bytes in another encoding, control characters), fields swapped, doubled or cut, rows
 * truncated — spread over many part files so that one broken quote does not swallow the rest. The
 * run must never crash, every file must reconcile (read = valid + quarantined + duplicates), and
 * every line of every file must fall in exactly one of the records counted as read. A thousand rows
 * per seed in CI; with {@code -Daftermath.longTests=true}, 20 seeds of 5,000.
 */
class FuzzedCsvTest extends SparkTestBase {
  @TempDir Path tmp;

  private static final String HEADER =
      "order_id,merchant_id,customer_id,created_at,amount,tax,status\n";
  private static final String[] GOOD = {
    "o%d,M1,c1,2020-02-17T19:00:00,113.00,13.00,PAID",
    "o%d,M2,c2,2020-02-17T12:30:00Z,56.50,6.50,REFUNDED",
    "o%d,M1,,2020-02-18T09:15:00+08:00,20.00,0,CANCELLED",
    "o%d,M3,\"quoted, 客户\",2020-02-23 18:59:59,100,9,PAID"
  };
  private static final String[] INSERTS = {
    "\"", ",", "\n", "\r\n", "\u0000", "\u202E", "'", "=", "客", " ", "-", "e9", "NaN", "\uFFFD"
  };

  @Test
  void mutatedRowsNeverCrashTheRunAndEveryFileReconciles() throws IOException {
    boolean long_ = Boolean.getBoolean("aftermath.longTests");
    int seeds = long_ ? 20 : 1;
    int rows = long_ ? 5_000 : 1_000;
    for (int seed = 1; seed <= seeds; seed++) {
      fuzz(seed, rows);
    }
  }

  /** One seeded case. */
  private void fuzz(long seed, int rows) throws IOException {
    Random random = new Random(seed);
    Path dir = tmp.resolve("seed-" + seed);
    new CaseFixture(dir).file("merchants.csv", CaseFixture.MERCHANTS);
    Files.createDirectories(dir.resolve("orders"));
    int files = 50;
    for (int f = 0; f < files; f++) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      bytes.writeBytes(HEADER.getBytes(StandardCharsets.UTF_8));
      int perFile = rows / files;
      for (int i = 0; i < perFile; i++) {
        // an order id drawn from a small range, so that some rows repeat one another
        String row = String.format(GOOD[random.nextInt(GOOD.length)], random.nextInt(rows));
        bytes.writeBytes(mutate(row, random));
        bytes.writeBytes(
            random.nextInt(50) == 0 && i == perFile - 1
                ? new byte[0] // no line break after the last row
                : "\n".getBytes(StandardCharsets.UTF_8));
      }
      Files.write(
          dir.resolve("orders").resolve(String.format("part-%03d.csv", f)), bytes.toByteArray());
    }
    IngestResult result =
        Ingestion.run(spark, new CaseFixture(dir), tmp.resolve("out-" + seed).toString(), 100);
    long read = 0;
    java.util.Map<String, Long> reasons = new java.util.TreeMap<>();
    long valid = 0;
    long duplicates = 0;
    for (FileCounts c : result.files().values()) {
      c.byReason().forEach((k, v) -> reasons.merge(k, v, Long::sum));
      if (c.table().equals("orders")) {
        valid += c.valid();
        duplicates += c.duplicates();
      }
      assertThat(c.balanced()).as("seed " + seed + ": " + c).isTrue();
      if (c.table().equals("orders")) {
        read += c.read();
        assertThat(c.read()).isPositive();
      }
    }
    // records, not lines: an inserted line break makes two, a broken quote merges the rest of
    // its file into one quarantined record; either way each is counted once
    assertThat(read).as("seed " + seed).isPositive();
    System.out.printf(
        "fuzz seed %d: %d rows written, %d records read: %d valid, %d duplicates, quarantined %s%n",
        seed, rows, read, valid, duplicates, reasons);
    assertThat(result.files().get("orders/part-000.csv")).isNotNull();
    TableSource orders =
        CaseLayout.inspect(dir.toString(), new Configuration())
            .source(InputTables.ORDERS)
            .orElseThrow();
    for (String file : orders.files()) {
      String label = orders.labelOf(file);
      List<long[]> spans = new ArrayList<>();
      new CsvPartitionReader(orders, new SerializableConfiguration(new Configuration()))
          .call(List.of(file).iterator())
          .forEachRemaining(r -> spans.add(new long[] {r.getLong(1), r.getLong(5)}));
      assertThat((long) spans.size()).as(label).isEqualTo(result.files().get(label).read());
      everyLineIsInOneRecord(
          label, Files.readAllBytes(Path.of(new org.apache.hadoop.fs.Path(file).toUri())), spans);
    }
  }

  /**
   * The records' line spans (first line, last line) of a file, in reading order, do not overlap and
   * cover every line after the header that holds any text: no line of the file is outside the
   * records that were counted, however the quotes fell.
   */
  private static void everyLineIsInOneRecord(String label, byte[] bytes, List<long[]> spans) {
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r\n|\r|\n", -1);
    boolean[] covered = new boolean[lines.length + 1];
    long previousEnd = 1; // the header
    for (long[] span : spans) {
      assertThat(span[0]).as(label + " record starting after the last").isGreaterThan(previousEnd);
      assertThat(span[1])
          .as(label + " record ending on or after its start")
          .isGreaterThanOrEqualTo(span[0]);
      for (long l = span[0]; l <= span[1]; l++) {
        covered[(int) l] = true;
      }
      previousEnd = span[1];
    }
    for (int l = 2; l <= lines.length; l++) {
      if (!covered[l]) {
        assertThat(lines[l - 1]).as(label + " line " + l + " in no record").isEmpty();
      }
    }
  }

  private static byte[] mutate(String row, Random random) {
    StringBuilder s = new StringBuilder(row);
    int mutations = random.nextInt(4); // a quarter of the rows stay good
    boolean gbk = false;
    for (int m = 0; m < mutations && s.length() > 0; m++) {
      int at = random.nextInt(s.length());
      switch (random.nextInt(7)) {
        case 0 -> s.deleteCharAt(at);
        case 1 -> s.insert(at, INSERTS[random.nextInt(INSERTS.length)]);
        case 2 -> s.setLength(at); // truncated
        case 3 -> s.insert(at, "x".repeat(random.nextInt(3_000)));
        case 4 -> {
          String[] fields = s.toString().split(",", -1);
          if (fields.length > 2) {
            int a = random.nextInt(fields.length);
            int b = random.nextInt(fields.length);
            String t = fields[a];
            fields[a] = fields[b];
            fields[b] = t;
            s = new StringBuilder(String.join(",", fields));
          }
        }
        case 5 -> s.append(',').append(s, 0, Math.min(at, s.length()));
        default -> gbk = true;
      }
    }
    return gbk
        ? s.toString().replace("c", "客户").getBytes(Charset.forName("GBK"))
        : s.toString().getBytes(StandardCharsets.UTF_8);
  }
}

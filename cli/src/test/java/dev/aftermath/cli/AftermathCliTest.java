package dev.aftermath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftermath.CaseFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line through its real entry point: exit codes, messages, outputs. */
class AftermathCliTest {
  @TempDir Path tmp;
  private final StringWriter err = new StringWriter();
  private final StringWriter out = new StringWriter();

  private int run(String... args) {
    System.setProperty("aftermath.master", "local[2]");
    CommandLine cli = AftermathCli.commandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(out, true));
    return cli.execute(args);
  }

  @Test
  void printsVersionAndHelp() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).contains("aftermath ").contains("Spark 4.");
    assertThat(run("run", "--help")).isZero();
    assertThat(out.toString()).contains("--case").contains("--out");
  }

  @Test
  void badUsageExitsTwo() {
    assertThat(run("validate")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required option: '--case=DIR'");
    assertThat(run("generate", "--out", tmp.toString(), "--format", "xml")).isEqualTo(2);
    assertThat(run("frobnicate")).isEqualTo(2);
  }

  @Test
  void aStructurallyBadCaseExitsTwoBeforeWritingAnything() {
    CaseFixture c =
        new CaseFixture(tmp.resolve("case")).file("merchants.csv", "merchant_id,name\nM1,a\n");
    Path outDir = tmp.resolve("out");
    assertThat(run("validate", "--case", c.path(), "--out", outDir.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains("merchants.csv: required column 'industry' is missing")
        .contains("orders: required table is missing");
    assertThat(outDir).doesNotExist();
  }

  @Test
  void tooManyRejectsExitsThreeAndLeavesNoRunSummary() throws Exception {
    CaseFixture c =
        new CaseFixture(tmp.resolve("case"))
            .file("merchants.csv", CaseFixture.MERCHANTS)
            .file(
                "orders.csv",
                CaseFixture.GOOD_ORDERS + "=cmd|' /C calc'!A0,M1,c1,yesterday,1,0,PAID\n");
    Path outDir = tmp.resolve("out");
    assertThat(
            run(
                "run",
                "--case",
                c.path(),
                "--out",
                outDir.toString(),
                "--max-quarantined-pct",
                "10"))
        .isEqualTo(3);
    assertThat(err.toString())
        .contains("Data-quality gate failed")
        .contains("orders: 20.00% of rows quarantined");
    assertThat(outDir.resolve("run-summary.json")).doesNotExist();
    String quarantine = Files.readString(outDir.resolve("tables/quarantine.csv"));
    assertThat(quarantine).contains("'=cmd|").contains("BAD_TIMESTAMP").doesNotContain(",=cmd");
  }

  @Test
  void aPlaceboInTheRunNeedsARealRunAndHistoryBeforeItExitsTwoOtherwise() throws Exception {
    CaseFixture c =
        new CaseFixture(tmp.resolve("case"))
            .file("merchants.csv", CaseFixture.MERCHANTS)
            .file("orders.csv", CaseFixture.GOOD_ORDERS);
    Path outDir = tmp.resolve("out");
    assertThat(
            run(
                "run",
                "--case",
                c.path(),
                "--out",
                outDir.toString(),
                "--with-placebo",
                "--placebo-at",
                "2020-01-05T19:00:00"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--with-placebo: this run is already a placebo");
    c.scenario(
        dev.aftermath.generate.DemoCase.bundledScenario()
            .replace("history_start: 2019-11-01", "history_start: 2020-01-20"));
    assertThat(run("run", "--case", c.path(), "--out", outDir.toString(), "--with-placebo"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--with-placebo: placebo outage at");
    assertThat(outDir.resolve("run-summary.json")).doesNotExist();
  }

  @Test
  void runWritesEveryTableAndTheSummary() throws Exception {
    CaseFixture c =
        new CaseFixture(tmp.resolve("case"))
            .file("merchants.csv", CaseFixture.MERCHANTS)
            .file("orders.csv", CaseFixture.GOOD_ORDERS);
    Path outDir = tmp.resolve("out");
    assertThat(run("run", "--case", c.path(), "--out", outDir.toString())).isZero();
    assertThat(out.toString()).contains("read 7 rows from 2 files").contains("merchant_day");
    for (String t :
        new String[] {
          "orders", "merchants", "quarantine", "duplicates", "merchant_day", "merchant_hour"
        }) {
      assertThat(outDir.resolve("tables").resolve(t)).isDirectory();
    }
    for (String t : new String[] {"quarantine", "duplicates", "merchant_day", "merchant_hour"}) {
      assertThat(outDir.resolve("tables").resolve(t + ".csv")).isRegularFile();
    }
    assertThat(outDir.resolve("run-summary.json")).isRegularFile();
    assertThat(outDir.resolve(".staging")).doesNotExist();
    assertThat(out.toString()).contains("reports: " + outDir.resolve("reports/index.html"));
    assertThat(outDir.resolve("reports/legal.zh-CN.pdf")).isRegularFile();
    // the reports again, and one merchant's statement, from the finished run
    assertThat(run("report", "--out", outDir.toString())).isZero();
    assertThat(run("statement", "--out", outDir.toString(), "--merchant", "M1")).isZero();
    assertThat(outDir.resolve("reports/statements/statement.M1.zh-CN.pdf")).isRegularFile();
    assertThat(run("statement", "--out", outDir.toString(), "--merchant", "NOPE")).isEqualTo(2);
    assertThat(run("report", "--out", tmp.resolve("nothing").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("holds no finished run");
    // a re-run replaces the outputs
    assertThat(run("run", "--case", c.path(), "--out", outDir.toString())).isZero();
    assertThat(Files.readAllLines(outDir.resolve("tables/merchant_day.csv")).get(0))
        .isEqualTo(
            "merchant_id,date,net_revenue,paid_orders,customers,refunds,refund_amount,on_platform");
  }
}

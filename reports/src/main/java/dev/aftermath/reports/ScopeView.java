package dev.aftermath.reports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * The scope block that opens every report: the case, its merchants against the platform's, whether
 * its data were generated (a planted truth beside the case) or supplied, the period examined and
 * the outage, the engine's version and the run's id.
 *
 * @param rows label and value, in order
 */
record ScopeView(List<List<String>> rows) {
  static ScopeView of(
      ResultTables tables,
      Settings settings,
      CaseShare share,
      boolean generated,
      RunInfo run,
      Formats f,
      Map<String, String> msg) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of(msg.get("scope.case"), run.caseName()));
    rows.add(List.of(msg.get("scope.merchants_case"), f.count(share.inCase())));
    rows.add(
        List.of(
            msg.get("scope.merchants_platform"),
            Double.isNaN(share.onPlatform())
                ? msg.get("scope.platform_unknown")
                : f.count(share.onPlatform())
                    + (share.sample()
                        ? (f.chinese() ? "" : " ")
                            + msg.get("scope.share").replace("{share}", f.percent(share.share()))
                        : "")));
    rows.add(
        List.of(msg.get("scope.data"), msg.get(generated ? "scope.generated" : "scope.supplied")));
    rows.add(
        List.of(
            msg.get("scope.period"),
            day(settings.get("analysis.history_start", ""), f)
                + " – "
                + day(settings.get("analysis.horizon_end", ""), f)));
    if (tables.has("incident_timeline")) {
      rows.add(List.of(msg.get("scope.outage"), outage(tables, f, msg)));
    }
    rows.add(List.of(msg.get("scope.engine"), run.engineVersion()));
    rows.add(List.of(msg.get("scope.run_id"), runId(run)));
    return new ScopeView(rows);
  }

  /** The whole outage (phase 0 of {@code incident_timeline}): from – to (hours). */
  static String outage(ResultTables tables, Formats f, Map<String, String> msg) {
    Table t = tables.table("incident_timeline", "phase");
    int whole = Math.max(0, Rows.find(t, "phase", "0"));
    return f.dateTime(Rows.text(t, whole, "from"))
        + " – "
        + f.dateTime(Rows.text(t, whole, "to"))
        + " ("
        + f.number(Rows.num(t, whole, "hours"), 0)
        + " "
        + msg.get("scope.hours")
        + ")";
  }

  /** An ISO date of the settings as the report writes dates; "–" when there is none. */
  static String day(String iso, Formats f) {
    try {
      return f.date(java.time.LocalDate.parse(iso));
    } catch (java.time.format.DateTimeParseException e) {
      return iso.isEmpty() ? "–" : iso;
    }
  }

  /**
   * The run's id: the first 16 hex digits of the SHA-256 of the engine's version, the case's name
   * and every case file's name and SHA-256. The same case run by the same engine has the same id,
   * on any machine.
   */
  static String runId(RunInfo run) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(
          (run.engineVersion() + "\n" + run.caseName() + "\n").getBytes(StandardCharsets.UTF_8));
      for (CaseFiles.InputFile file : run.caseFiles().files()) {
        d.update((file.path() + " " + file.sha256() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(d.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}

package dev.aftermath.reports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.Table;

/**
 * The legal report's view: exposure under each liability regime with percentiles and the loss
 * exceedance curve, claim propensity, the top exposures with their evidence, every assumption the
 * scenario set, and the data's lineage.
 */
final class LegalReport {
  private LegalReport() {}

  static Map<String, Object> model(
      ResultTables tables, Formats f, Map<String, String> msg, Path out, RunInfo run) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (tables.has("exposure_distribution")) {
      Table e = tables.table("exposure_distribution");
      List<List<String>> rows = new ArrayList<>();
      for (int i = 0; i < e.rowCount(); i++) {
        String regime = Rows.text(e, i, "regime");
        rows.add(
            List.of(
                msg.getOrDefault("regime." + regime, regime),
                f.money(Rows.num(e, i, "mean")),
                f.money(Rows.num(e, i, "p50")),
                f.money(Rows.num(e, i, "p90")),
                f.money(Rows.num(e, i, "p99")),
                f.percent(Rows.num(e, i, "probability_exceeds_fund_remaining"))));
      }
      m.put("exposure", rows);
      double fund = e.rowCount() > 0 ? Rows.num(e, 0, "fund_remaining") : Double.NaN;
      m.put("fundRemaining", f.money(fund));
      Table curve = tables.table("loss_exceedance", "regime, x");
      Map<String, List<double[]>> series = new LinkedHashMap<>();
      for (int i = 0; i < curve.rowCount(); i++) {
        String regime = Rows.text(curve, i, "regime");
        series
            .computeIfAbsent(msg.getOrDefault("regime." + regime, regime), k -> new ArrayList<>())
            .add(new double[] {Rows.num(curve, i, "x") / 1e6, Rows.num(curve, i, "probability")});
      }
      List<double[][]> data = new ArrayList<>();
      for (List<double[]> s : series.values()) {
        data.add(s.toArray(new double[0][]));
      }
      m.put(
          "exceedanceChart",
          Charts.lines(
              "exceedance",
              msg.get("axis.exposure_millions"),
              msg.get("axis.exceedance"),
              new ArrayList<>(series.keySet()),
              data));
    }
    Table impact = tables.has("merchant_impact") ? tables.table("merchant_impact") : null;
    if (impact != null && impact.columnNames().contains("claim_probability")) {
      double expectedClaims = 0;
      long likely = 0;
      for (int i = 0; i < impact.rowCount(); i++) {
        double p = Rows.num(impact, i, "claim_probability");
        if (!Double.isNaN(p)) {
          expectedClaims += p;
          likely += p > 0.5 ? 1 : 0;
        }
      }
      m.put(
          "claims",
          List.of(
              new Figure(
                  msg.get("legal.expected_claims"),
                  f.number(expectedClaims, 1),
                  "",
                  "merchant_impact.claim_probability (sum)"),
              new Figure(
                  msg.get("legal.likely_claimants"),
                  f.count(likely),
                  "",
                  "merchant_impact.claim_probability > 0.5"),
              new Figure(
                  msg.get("legal.merchants"), f.count(impact.rowCount()), "", "merchant_impact")));
    }
    if (tables.has("top_exposures")) {
      Map<String, String> names = new HashMap<>();
      if (tables.has("merchants")) {
        Table merchants = tables.table("merchants");
        for (int i = 0; i < merchants.rowCount(); i++) {
          names.put(
              Rows.text(merchants, i, "merchant_id"),
              DisplayText.of(Rows.text(merchants, i, "name")));
        }
      }
      Table t = tables.table("top_exposures", "rank");
      List<List<String>> rows = new ArrayList<>();
      for (int i = 0; i < t.rowCount(); i++) {
        String id = Rows.text(t, i, "merchant_id");
        String industry = Rows.text(t, i, "industry");
        rows.add(
            List.of(
                f.count(Rows.num(t, i, "rank")),
                id,
                names.getOrDefault(id, ""),
                msg.getOrDefault("industry." + industry, industry),
                f.money(Rows.num(t, i, "actual_loss")),
                f.money(Rows.num(t, i, "chosen_payout")),
                f.money(Rows.num(t, i, "exposure_full")),
                f.percent(Rows.num(t, i, "claim_probability")),
                f.money(Rows.num(t, i, "expected_exposure")),
                evidence(t, i, f, msg)));
      }
      m.put("top", rows);
    }
    if (tables.has("scenario_assumptions")) {
      Table a = tables.table("scenario_assumptions");
      List<List<String>> rows = new ArrayList<>();
      for (int i = 0; i < a.rowCount(); i++) {
        String note = Rows.text(a, i, "note");
        rows.add(
            List.of(
                Rows.text(a, i, "key"),
                Rows.text(a, i, "value"),
                note.isEmpty() ? msg.get("legal.no_note") : note));
      }
      m.put("assumptions", rows);
    }
    Map<String, Long> reasons = new TreeMap<>();
    List<List<String>> recon = new ArrayList<>();
    for (Lineage.Reconciled r : Lineage.reconciliation(out, reasons)) {
      recon.add(
          List.of(
              r.table(),
              f.count(r.read()),
              f.count(r.valid()),
              f.count(r.quarantined()),
              f.count(r.duplicates()),
              r.read() == r.valid() + r.quarantined() + r.duplicates() ? "✓" : "✗"));
    }
    m.put("reconciliation", recon);
    List<List<String>> why = new ArrayList<>();
    reasons.forEach((k, v) -> why.add(List.of(k, f.count(v))));
    m.put("quarantine", why);
    List<List<String>> files = new ArrayList<>();
    for (Lineage.InputFile file : Lineage.inputs(run.casePath())) {
      files.add(List.of(file.path(), f.count(file.bytes()), file.sha256()));
    }
    m.put("inputs", files);
    m.put("engineVersion", run.engineVersion());
    return m;
  }

  private static String evidence(Table t, int i, Formats f, Map<String, String> msg) {
    List<String> parts = new ArrayList<>();
    for (String[] c :
        new String[][] {
          {"complaints", "signal.complaint"},
          {"data_exports", "signal.data_export"},
          {"competitor_migrations", "signal.competitor_migration"},
          {"contract_cancels", "signal.contract_cancel"}
        }) {
      double n = Rows.num(t, i, c[0]);
      if (n > 0) {
        parts.add(msg.get(c[1]) + " × " + f.count(n));
      }
    }
    double defected = Rows.num(t, i, "defected_customers");
    if (defected > 0) {
      parts.add(msg.get("legal.defected") + " " + f.count(defected));
    }
    double balances = Rows.num(t, i, "lost_member_balances");
    if (balances > 0) {
      parts.add(msg.get("reg.member_balances") + " " + f.money(balances));
    }
    return String.join("; ", parts);
  }
}

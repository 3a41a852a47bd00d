package dev.aftermath.reports;

import java.nio.file.Path;
import java.time.LocalDate;
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
 * scenario set, and the data's lineage. Each section is a small record built from the tables it
 * needs; the model only puts the sections' parts under the names the template uses.
 */
final class LegalReport {
  private LegalReport() {}

  /** The liability regimes, in the order the report shows them. */
  static final List<String> REGIMES = List.of("contract_cap", "foreseeable_loss", "full_loss");

  /** Each regime's per-merchant exposure column in {@code merchant_impact}. */
  static final Map<String, String> EXPOSURE_COLUMN =
      Map.of(
          "contract_cap", "exposure_contract_cap",
          "foreseeable_loss", "exposure_foreseeable",
          "full_loss", "exposure_full");

  static Map<String, Object> model(
      ResultTables tables,
      Formats f,
      Map<String, String> msg,
      Path out,
      RunInfo run,
      LegalBases bases) {
    Map<String, Object> m = new LinkedHashMap<>();
    Settings settings = Settings.of(tables);
    String primary = settings.get("liability.primary_regime", "foreseeable_loss");
    m.put("primaryRegime", msg.getOrDefault("regime." + primary, primary));
    if (tables.has("incident_timeline")) {
      LocalDate day = incidentDay(tables.table("incident_timeline", "phase"));
      m.put("incidentDate", f.date(day));
      m.put("law", bases.rows(REGIMES, day, f, msg));
    }
    m.put(
        "release",
        msg.get(
            "true".equals(settings.get("liability.payout_releases_claims", "false"))
                ? "legal.release.true"
                : "legal.release.false"));
    if (tables.has("exposure_distribution")) {
      Map<String, Double> everyClaims =
          tables.has("merchant_impact") ? everyMerchantClaims(tables) : Map.of();
      Exposure exposure =
          Exposure.of(
              tables.table("exposure_distribution"),
              tables.table("loss_exceedance", "regime, x"),
              everyClaims,
              f,
              msg);
      List<List<String>> rows = new ArrayList<>(exposure.rows());
      CaseShare share = CaseShare.of(tables, settings);
      Table dist = tables.table("exposure_distribution");
      if (share.sample() && dist.rowCount() > 0) {
        // what the payouts (as valued to merchants) leave of the case's share of the fund
        double payouts = share.fund() - Rows.num(dist, 0, "fund_remaining");
        double left = share.caseFund() - payouts;
        Table curve = tables.table("loss_exceedance", "regime, x");
        for (int i = 0; i < rows.size(); i++) {
          List<String> r = new ArrayList<>(rows.get(i));
          String regime = Rows.text(dist, i, "regime");
          r.add(f.percent(left <= 0 ? 1 : CaseShare.exceedance(curve, regime, left)));
          rows.set(i, r);
        }
        m.put(
            "caseFundNote",
            SummaryView.fill(
                msg.get("legal.case_fund"),
                "share",
                f.percent(share.share()),
                "case_fund",
                f.money(share.caseFund()),
                "payouts",
                f.money(payouts),
                "left",
                f.money(left)));
      }
      m.put("exposure", rows);
      m.put("fundRemaining", exposure.fundRemaining());
      m.put("exceedanceChart", exposure.exceedanceChart());
    }
    Table impact = tables.has("merchant_impact") ? tables.table("merchant_impact") : null;
    if (impact != null && impact.columnNames().contains("claim_probability")) {
      m.put("claims", Claims.of(impact, f, msg).figures());
    }
    if (tables.has("exposure_sensitivity")) {
      m.put("sensitivity", ClaimWeights.of(tables.table("exposure_sensitivity"), f, msg).rows());
    }
    if (tables.has("top_exposures")) {
      Map<String, String> names =
          tables.has("merchants") ? merchantNames(tables.table("merchants")) : Map.of();
      Table top = tables.table("top_exposures", "rank");
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < top.rowCount(); i++) {
        ids.add(Rows.text(top, i, "merchant_id"));
      }
      Map<String, Map<String, String>> first =
          tables.has("incident_timeline")
              ? firstSignals(
                  tables, ids, incidentDay(tables.table("incident_timeline", "phase")), f)
              : Map.of();
      m.put("top", TopExposures.of(top, names, first, f, msg).rows());
    }
    if (tables.has("scenario_assumptions")) {
      m.put("assumptions", Assumptions.of(tables.table("scenario_assumptions"), f, msg).rows());
    }
    Map<String, Long> reasons = new TreeMap<>();
    List<Lineage.Reconciled> reconciled = Lineage.reconciliation(out, reasons);
    DataLineage lineage = DataLineage.of(reconciled, reasons, run.caseFiles().files(), f);
    m.put("reconciliation", lineage.reconciliation());
    m.put("quarantine", lineage.quarantine());
    m.put("inputs", lineage.inputs());
    m.put("engineVersion", run.engineVersion());
    return m;
  }

  /**
   * How the P90 of the total exposure moves with each weight of the claim model ({@code
   * exposure_sensitivity}), the largest swing first: setting, its value, low and high settings, the
   * P90 at each, and the swing (high − low) against the P90 at the scenario's settings.
   */
  record ClaimWeights(List<List<String>> rows) {
    static ClaimWeights of(Table s, Formats f, Map<String, String> msg) {
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < s.rowCount(); i++) {
        order.add(i);
      }
      order.sort(
          (a, b) ->
              Double.compare(
                  Math.abs(Rows.num(s, b, "p90_high") - Rows.num(s, b, "p90_low")),
                  Math.abs(Rows.num(s, a, "p90_high") - Rows.num(s, a, "p90_low"))));
      List<List<String>> rows = new ArrayList<>();
      for (int i : order) {
        double base = Rows.num(s, i, "p90_base");
        double swing = Rows.num(s, i, "p90_high") - Rows.num(s, i, "p90_low");
        rows.add(
            List.of(
                Rows.text(s, i, "parameter"),
                f.number(Rows.num(s, i, "value"), 2),
                f.number(Rows.num(s, i, "value_low"), 2)
                    + " / "
                    + f.number(Rows.num(s, i, "value_high"), 2),
                f.money(Rows.num(s, i, "p90_low")),
                f.money(Rows.num(s, i, "p90_high")),
                f.percent(base > 0 ? swing / base : Double.NaN)));
      }
      return new ClaimWeights(rows);
    }
  }

  /** The first day of the incident: the start of phase 0 in {@code incident_timeline}. */
  static LocalDate incidentDay(Table timeline) {
    int whole = Rows.find(timeline, "phase", "0");
    return LocalDate.parse(Rows.text(timeline, Math.max(whole, 0), "from").substring(0, 10));
  }

  /**
   * The exposure if every merchant claimed, by regime: the sum over merchants of each regime's
   * per-merchant exposure ({@code merchant_impact}), computed in DuckDB.
   */
  static Map<String, Double> everyMerchantClaims(ResultTables tables) {
    StringBuilder select = new StringBuilder();
    for (String regime : REGIMES) {
      select
          .append(select.length() == 0 ? "" : ", ")
          .append("sum(")
          .append(EXPOSURE_COLUMN.get(regime))
          .append("::DECIMAL(38,6))::DOUBLE AS ")
          .append(regime);
    }
    Table sums = tables.aggregate("merchant_impact", select.toString());
    Map<String, Double> out = new LinkedHashMap<>();
    for (String regime : REGIMES) {
      out.put(regime, Rows.num(sums, 0, regime));
    }
    return out;
  }

  /**
   * The exposure under each liability regime ({@code exposure_distribution}: mean, P50, P90, P99,
   * chance of exceeding the fund's remainder), beside it the exposure if every merchant claimed,
   * the fund's remainder, and the loss exceedance curves ({@code loss_exceedance}) over exposure in
   * millions.
   */
  record Exposure(List<List<String>> rows, String fundRemaining, String exceedanceChart) {
    static Exposure of(
        Table e, Table curve, Map<String, Double> everyClaims, Formats f, Map<String, String> msg) {
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
                f.percent(Rows.num(e, i, "probability_exceeds_fund_remaining")),
                f.money(everyClaims.getOrDefault(regime, Double.NaN))));
      }
      double fund = e.rowCount() > 0 ? Rows.num(e, 0, "fund_remaining") : Double.NaN;
      Map<String, List<double[]>> series = new LinkedHashMap<>();
      for (int i = 0; i < curve.rowCount(); i++) {
        String regime = Rows.text(curve, i, "regime");
        series
            .computeIfAbsent(msg.getOrDefault("regime." + regime, regime), k -> new ArrayList<>())
            .add(
                new double[] {
                  Rows.num(curve, i, "x") / f.axisScale(), Rows.num(curve, i, "probability")
                });
      }
      List<double[][]> data = new ArrayList<>();
      for (List<double[]> s : series.values()) {
        data.add(s.toArray(new double[0][]));
      }
      return new Exposure(
          rows,
          f.money(fund),
          Charts.lines(
              "exceedance",
              f.moneyAxis(msg.get("axis.exposure")),
              msg.get("axis.exceedance"),
              new ArrayList<>(series.keySet()),
              data));
    }
  }

  /**
   * How many merchants are expected to claim ({@code merchant_impact.claim_probability}): the
   * expected number of claims, the merchants more likely than not to claim, and all merchants.
   */
  record Claims(List<Figure> figures) {
    static Claims of(Table impact, Formats f, Map<String, String> msg) {
      double[] p = new double[impact.rowCount()];
      for (int i = 0; i < impact.rowCount(); i++) {
        p[i] = Rows.num(impact, i, "claim_probability");
      }
      return new Claims(
          List.of(
              new Figure(
                  msg.get("legal.expected_claims"),
                  f.number(expectedClaims(p), 1),
                  "",
                  "merchant_impact.claim_probability (sum)"),
              new Figure(
                  msg.get("legal.likely_claimants"),
                  f.count(likelyClaimants(p)),
                  "",
                  "merchant_impact.claim_probability > 0.5"),
              new Figure(
                  msg.get("legal.merchants"), f.count(impact.rowCount()), "", "merchant_impact")));
    }

    /** The expected number of claims: the sum of the known claim probabilities. */
    static double expectedClaims(double[] probabilities) {
      double sum = 0;
      for (double p : probabilities) {
        if (!Double.isNaN(p)) {
          sum += p;
        }
      }
      return sum;
    }

    /** The merchants more likely than not to claim (probability above one half). */
    static long likelyClaimants(double[] probabilities) {
      long n = 0;
      for (double p : probabilities) {
        n += p > 0.5 ? 1 : 0; // NaN compares false
      }
      return n;
    }
  }

  /** The merchants' display names by merchant id ({@code merchants}). */
  static Map<String, String> merchantNames(Table merchants) {
    Map<String, String> names = new HashMap<>();
    for (int i = 0; i < merchants.rowCount(); i++) {
      names.put(
          Rows.text(merchants, i, "merchant_id"), DisplayText.of(Rows.text(merchants, i, "name")));
    }
    return names;
  }

  /**
   * The largest exposures ({@code top_exposures}, by rank): rank, merchant, name, industry, loss,
   * payout, exposure under foreseeable and full loss, claim probability, expected exposure, and the
   * evidence a claim would rest on, with the first date of each kind of merchant signal since the
   * incident began ({@code churn_signals}, when the run has it).
   */
  record TopExposures(List<List<String>> rows) {
    static TopExposures of(
        Table t,
        Map<String, String> names,
        Map<String, Map<String, String>> firstSignal,
        Formats f,
        Map<String, String> msg) {
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
                f.money(Rows.num(t, i, "exposure_foreseeable")),
                f.money(Rows.num(t, i, "exposure_full")),
                f.percent(Rows.num(t, i, "claim_probability")),
                f.money(Rows.num(t, i, "expected_exposure")),
                evidence(t, i, firstSignal.getOrDefault(id, Map.of()), f, msg)));
      }
      return new TopExposures(rows);
    }
  }

  /**
   * The first date of each kind of merchant-level signal (no customer) on or after {@code since},
   * for the merchants listed, by merchant and signal; computed in DuckDB.
   */
  static Map<String, Map<String, String>> firstSignals(
      ResultTables tables, List<String> merchants, LocalDate since, Formats f) {
    Map<String, Map<String, String>> out = new HashMap<>();
    if (merchants.isEmpty() || !tables.has("churn_signals")) {
      return out;
    }
    Table first =
        tables.aggregate(
            "churn_signals",
            "merchant_id, signal, min(local_date) AS first",
            "customer_id IS NULL AND merchant_id IN ("
                + ResultTables.literals(merchants)
                + ") AND local_date >= DATE '"
                + since
                + "'");
    for (int i = 0; i < first.rowCount(); i++) {
      out.computeIfAbsent(Rows.text(first, i, "merchant_id"), k -> new HashMap<>())
          .put(
              Rows.text(first, i, "signal"),
              f.date(LocalDate.parse(Rows.text(first, i, "first").substring(0, 10))));
    }
    return out;
  }

  /** Every value the scenario set ({@code scenario_assumptions}): key, value, source or note. */
  record Assumptions(List<List<String>> rows) {
    static Assumptions of(Table a, Formats f, Map<String, String> msg) {
      List<List<String>> rows = new ArrayList<>();
      boolean zh = f.chinese() && a.columnNames().contains("note_zh");
      for (int i = 0; i < a.rowCount(); i++) {
        String note = Rows.text(a, i, zh ? "note_zh" : "note");
        rows.add(
            List.of(
                Rows.text(a, i, "key"),
                Rows.text(a, i, "value"),
                note.isEmpty() ? msg.get("legal.no_note") : note));
      }
      return new Assumptions(rows);
    }
  }

  /**
   * The data's lineage: each input table's reconciliation (read, valid, quarantined, duplicates,
   * whether they balance), the quarantine reasons with their counts, and the case's input files.
   */
  record DataLineage(
      List<List<String>> reconciliation, List<List<String>> quarantine, List<List<String>> inputs) {
    static DataLineage of(
        List<Lineage.Reconciled> reconciled,
        Map<String, Long> reasons,
        List<CaseFiles.InputFile> files,
        Formats f) {
      List<List<String>> recon = new ArrayList<>();
      for (Lineage.Reconciled r : reconciled) {
        recon.add(
            List.of(
                r.table(),
                f.count(r.read()),
                f.count(r.valid()),
                f.count(r.quarantined()),
                f.count(r.duplicates()),
                r.balances() ? "✓" : "✗"));
      }
      List<List<String>> why = new ArrayList<>();
      reasons.forEach((k, v) -> why.add(List.of(k, f.count(v))));
      List<List<String>> inputs = new ArrayList<>();
      for (CaseFiles.InputFile file : files) {
        inputs.add(List.of(file.path(), f.count(file.bytes()), file.sha256()));
      }
      return new DataLineage(recon, why, inputs);
    }
  }

  private static String evidence(
      Table t, int i, Map<String, String> first, Formats f, Map<String, String> msg) {
    List<String> parts = new ArrayList<>();
    for (String[] c :
        new String[][] {
          {"complaints", "complaint"},
          {"data_exports", "data_export"},
          {"competitor_migrations", "competitor_migration"},
          {"contract_cancels", "contract_cancel"}
        }) {
      double n = Rows.num(t, i, c[0]);
      if (n > 0) {
        String date = first.get(c[1]);
        parts.add(
            msg.get("signal." + c[1])
                + " × "
                + f.count(n)
                + (date == null ? "" : msg.get("legal.first_on").replace("{date}", date)));
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
    return String.join(f.chinese() ? "；" : "; ", parts);
  }
}

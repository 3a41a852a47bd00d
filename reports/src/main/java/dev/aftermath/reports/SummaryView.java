package dev.aftermath.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * The summary in prose that opens every report, five to eight sentences written from the run's
 * figures in the report's language: scope, lost revenue and margin, defection, what the merchants'
 * choice pays and costs against the fund (scaled to the case where it is a sample), the exposure
 * left, and how many checks pass. A sentence whose table the run lacks is left out.
 */
record SummaryView(List<String> sentences) {
  static SummaryView of(
      ResultTables tables,
      Settings settings,
      CaseShare share,
      TrustView trust,
      Formats f,
      Map<String, String> msg) {
    List<String> out = new ArrayList<>();
    String data = msg.get(trust.generated() ? "summary.generated" : "summary.supplied");
    if (share.sample()) {
      out.add(
          fill(
              msg.get("summary.scope"),
              "merchants",
              f.count(share.inCase()),
              "platform",
              f.count(share.onPlatform()),
              "share",
              f.percent(share.share()),
              "data",
              data));
    } else {
      out.add(
          fill(msg.get("summary.scope.whole"), "merchants", f.count(share.inCase()), "data", data));
    }
    Table impact = tables.table("impact_totals");
    int p = Rows.find(impact, "scope", "platform");
    if (p >= 0) {
      out.add(
          fill(
              msg.get("summary.loss"),
              "lost",
              f.money(Rows.num(impact, p, "lost_revenue")),
              "low",
              f.money(Rows.num(impact, p, "lost_revenue_low")),
              "high",
              f.money(Rows.num(impact, p, "lost_revenue_high")),
              "margin",
              f.money(Rows.num(impact, p, "lost_margin"))));
    }
    if (tables.has("defection_totals")) {
      Table d = tables.table("defection_totals");
      int q = Rows.find(d, "scope", "platform");
      if (q >= 0) {
        out.add(
            fill(
                msg.get("summary.defection"),
                "defected",
                f.count(Rows.num(d, q, "defected_customers")),
                "low",
                f.count(Rows.num(d, q, "defected_customers_low")),
                "high",
                f.count(Rows.num(d, q, "defected_customers_high")),
                "margin",
                f.money(Rows.num(d, q, "lost_customer_margin"))));
      }
    }
    double cost = Double.NaN;
    if (tables.has("company_impact")) {
      cost = Rows.metrics(tables.table("company_impact")).getOrDefault("cost_total", Double.NaN);
    }
    if (tables.has("scheme_summary")) {
      Table s = tables.table("scheme_summary");
      int c = Rows.find(s, "scheme", "chosen");
      if (c >= 0) {
        double withLoss = Rows.num(s, c, "merchants_with_loss");
        out.add(
            fill(
                msg.get("summary.schemes"),
                "payout",
                f.money(Rows.num(s, c, "total_payout")),
                "cost",
                f.money(cost),
                "made_whole",
                f.count(withLoss * Rows.num(s, c, "share_made_whole")),
                "with_loss",
                f.count(withLoss),
                "expected",
                f.count(withLoss * Rows.num(s, c, "expected_share_made_whole"))));
        if (!Double.isNaN(share.fund()) && !Double.isNaN(cost)) {
          out.add(
              share.sample()
                  ? fill(
                      msg.get("summary.fund.sample"),
                      "case_fund",
                      f.money(share.caseFund()),
                      "fund",
                      f.money(share.fund()),
                      "use",
                      f.percent(cost / share.caseFund()))
                  : fill(
                      msg.get("summary.fund.whole"),
                      "fund",
                      f.money(share.fund()),
                      "use",
                      f.percent(cost / share.fund())));
        }
        exposure(tables, settings, share, Rows.num(s, c, "total_payout"), f, msg)
            .ifPresent(out::add);
      }
    }
    out.add(
        trust.counts(
            msg.get(trust.generated() ? "summary.trust.generated" : "summary.trust.supplied"), f));
    return new SummaryView(out);
  }

  /**
   * The exposure left under the run's primary regime and the chance that it exceeds what the
   * payouts leave of the (case's) fund.
   */
  private static java.util.Optional<String> exposure(
      ResultTables tables,
      Settings settings,
      CaseShare share,
      double payouts,
      Formats f,
      Map<String, String> msg) {
    if (!tables.has("exposure_distribution")) {
      return java.util.Optional.empty();
    }
    String regime = settings.get("liability.primary_regime", "foreseeable_loss");
    Table e = tables.table("exposure_distribution");
    int r = Rows.find(e, "regime", regime);
    if (r < 0) {
      return java.util.Optional.empty();
    }
    String sentence =
        fill(
            msg.get("summary.exposure"),
            "mean",
            f.money(Rows.num(e, r, "mean")),
            "regime",
            msg.getOrDefault("regime." + regime, regime),
            "p90",
            f.money(Rows.num(e, r, "p90")));
    if (!Double.isNaN(share.fund()) && tables.has("loss_exceedance")) {
      double left = share.caseFund() - payouts;
      double p =
          left <= 0
              ? 1
              : CaseShare.exceedance(tables.table("loss_exceedance", "regime, x"), regime, left);
      sentence +=
          " "
              + fill(
                  msg.get(
                      share.sample() ? "summary.exposure.fund.sample" : "summary.exposure.fund"),
                  "p",
                  f.percent(p),
                  "left",
                  f.money(Math.max(0, left)));
    }
    return java.util.Optional.of(sentence);
  }

  /** {@code text} with each {name} replaced by its value (pairs of name, value). */
  static String fill(String text, String... pairs) {
    String out = text;
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      out = out.replace("{" + pairs[i] + "}", pairs[i + 1]);
    }
    return out;
  }
}

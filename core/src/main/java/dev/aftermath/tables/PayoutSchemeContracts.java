package dev.aftermath.tables;

import static dev.aftermath.tables.ContractTerms.ALWAYS;
import static dev.aftermath.tables.ContractTerms.BOOLEAN;
import static dev.aftermath.tables.ContractTerms.COUNT;
import static dev.aftermath.tables.ContractTerms.CURRENCY;
import static dev.aftermath.tables.ContractTerms.DOUBLE;
import static dev.aftermath.tables.ContractTerms.LONG;
import static dev.aftermath.tables.ContractTerms.MERCHANT_ID;
import static dev.aftermath.tables.ContractTerms.NONE;
import static dev.aftermath.tables.ContractTerms.RATIO;
import static dev.aftermath.tables.ContractTerms.SCHEMES;
import static dev.aftermath.tables.ContractTerms.SHARE;
import static dev.aftermath.tables.ContractTerms.concat;
import static dev.aftermath.tables.ContractTerms.id;
import static dev.aftermath.tables.OutputColumn.family;
import static dev.aftermath.tables.OutputColumn.of;

import dev.aftermath.scenario.BuiltInScheme;
import dev.aftermath.scenario.PayoutColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The payout-schemes stage's tables. Part of {@link OutputTables}. */
final class PayoutSchemeContracts {
  private PayoutSchemeContracts() {}

  /** The meaning of each built-in scheme's columns in merchant_payout ({@link BuiltInScheme}). */
  private static final Map<String, String> BUILT_IN_MEANINGS =
      Map.of(
          "cash_payout", "what the cash scheme pays it",
          "traffic_payout", "what the traffic scheme pays it",
          "traffic_impressions_value",
              "the traffic scheme's part in impressions, at the market CPM",
          "traffic_extension_value", "the traffic scheme's part in free months",
          "sla_credit_payout", "what the SLA credit scheme pays it",
          "actual_loss",
              "the claimable loss: E[max(0, L)] for the signed loss estimate L (`loss_estimate` ±"
                  + " `loss_sd`, normal), the loss a court could award on average; replaces the"
                  + " estimate floored at zero (METHODS.md, \"Claimable loss\")");

  /** The built-in schemes' columns, in the registry's order, each with its meaning. */
  private static List<OutputColumn> builtInPayouts() {
    List<OutputColumn> columns = new ArrayList<>();
    for (BuiltInScheme scheme : BuiltInScheme.values()) {
      for (PayoutColumn c : scheme.columns()) {
        String meaning = BUILT_IN_MEANINGS.get(c.name());
        if (meaning == null) {
          throw new IllegalStateException(
              "the output contract has no meaning for built-in payout column " + c.name());
        }
        columns.add(of(c.name(), DOUBLE, CURRENCY, meaning));
      }
    }
    return columns;
  }

  static final OutputTable MERCHANT_PAYOUT =
      new OutputTable(
          "merchant_payout",
          SCHEMES,
          "one row per merchant",
          "What each scheme pays it and the scheme it chooses.",
          ALWAYS,
          true,
          concat(
              List.of(MERCHANT_ID),
              builtInPayouts(),
              List.of(
                  family(
                      "<scheme>_payout",
                      "[a-z][a-z0-9_]*_payout",
                      DOUBLE,
                      CURRENCY,
                      "what each of the scenario's own schemes of `scheme_summary` pays it, one column"
                          + " per scheme"),
                  id("chosen_scheme", "the offered scheme that pays it most"),
                  of("chosen_payout", DOUBLE, CURRENCY, "what that scheme pays"),
                  of(
                      "chosen_payout_after_fund",
                      DOUBLE,
                      CURRENCY,
                      "chosen_payout after a pro-rata cut if the fund is short"),
                  of(
                      "coverage_ratio",
                      DOUBLE,
                      RATIO,
                      "chosen payout / claimable loss (`actual_loss`; empty without one)"),
                  of("shortfall", DOUBLE, CURRENCY, "claimable loss − chosen payout"),
                  of(
                      "pre_outage_daily_revenue",
                      DOUBLE,
                      CURRENCY,
                      "mean daily net revenue before the outage (`merchant_day`)"),
                  of(
                      "loss_estimate",
                      DOUBLE,
                      CURRENCY,
                      "the signed loss estimate: lost margin + lost customer margin + lost member"
                          + " balances, negative where the merchant did better than expected; the"
                          + " figure totals add up"),
                  of(
                      "loss_sd",
                      DOUBLE,
                      CURRENCY,
                      "its standard deviation, from the lost margin's and lost customer value's 90%"
                          + " intervals"),
                  of(
                      "probability_covered",
                      DOUBLE,
                      SHARE,
                      "P(loss ≤ chosen payout) under that distribution: how sure it is that the"
                          + " merchant is made whole"))));

  private static final OutputColumn MERCHANTS_WITH_LOSS =
      of("merchants_with_loss", LONG, COUNT, "merchants with a claimable loss (`actual_loss`) > 0");

  static List<OutputColumn> schemeMeasures() {
    return List.of(
        of("merchants", LONG, COUNT, "number of merchants"),
        MERCHANTS_WITH_LOSS,
        of(
            "share_made_whole",
            DOUBLE,
            SHARE,
            "payout ≥ claimable loss, among merchants_with_loss (the point verdict)"),
        of("median_coverage", DOUBLE, RATIO, "median of payout / claimable loss"),
        of("total_loss", DOUBLE, CURRENCY, "sum of the claimable losses (`actual_loss`)"),
        of("total_payout", DOUBLE, CURRENCY, "sum of the payouts"),
        of("total_shortfall", DOUBLE, CURRENCY, "sum of the shortfalls"),
        of("gini_shortfall", DOUBLE, NONE, "Gini coefficient of the relative shortfall"));
  }

  /** Measures added later, at the end of scheme_summary and scheme_fairness. */
  static List<OutputColumn> laterSchemeMeasures() {
    return List.of(
        of(
            "expected_share_made_whole",
            DOUBLE,
            SHARE,
            "mean over merchants_with_loss of P(loss ≤ payout): the share made whole, allowing for"
                + " the losses' uncertainty"),
        of(
            "total_loss_estimate",
            DOUBLE,
            CURRENCY,
            "sum of the signed loss estimates (`loss_estimate`): the total loss, which claimable"
                + " losses overstate"));
  }

  static final OutputTable SCHEME_SUMMARY =
      new OutputTable(
          "scheme_summary",
          SCHEMES,
          "one row per scheme, and a last row `chosen` for the merchants' choices",
          "",
          ALWAYS,
          true,
          concat(
              List.of(
                  id("scheme", "the scheme, or `chosen`"),
                  of("offered", BOOLEAN, NONE, "on the table for merchants to choose"),
                  of("chosen_by", LONG, COUNT, "merchants choosing it")),
              schemeMeasures(),
              List.of(
                  id("worst_served_industry", "the industry with the lowest share made whole"),
                  of(
                      "worst_served_industry_share_made_whole",
                      DOUBLE,
                      SHARE,
                      "its share made whole")),
              laterSchemeMeasures()));

  static final OutputTable SCHEME_FAIRNESS =
      new OutputTable(
          "scheme_fairness",
          SCHEMES,
          "one row per scheme and group",
          "The measures of scheme_summary per group.",
          ALWAYS,
          true,
          concat(
              List.of(
                  id(
                      "dimension",
                      "`industry`, `size_decile` of pre-outage daily revenue, `data_recovery`,"
                          + " `merchant_type` existing/new"),
                  id("group", "the group within the dimension"),
                  id("scheme", "")),
              schemeMeasures(),
              laterSchemeMeasures()));

  static List<OutputColumn> metricValueNote() {
    return List.of(
        id("metric", "what is measured"),
        of("value", DOUBLE, CURRENCY, "its amount (the pro-rata factor: a share)"),
        id("note", ""));
  }

  static final OutputTable FUND_ALLOCATION =
      new OutputTable(
          "fund_allocation",
          SCHEMES,
          "one row per measure",
          "Total chosen payouts, the fund, what is left of it, the pro-rata factor, what is paid"
              + " and by whom (company, management).",
          ALWAYS,
          true,
          metricValueNote());

  static final OutputTable SCHEME_FRONTIER =
      new OutputTable(
          "scheme_frontier",
          SCHEMES,
          "one row per payout rule tried, then one per offered scheme and one for the fund",
          "The compensation frontier: rules of readable families searched for the most merchants"
              + " made whole at each cost (METHODS.md, \"The compensation frontier\").",
          ALWAYS,
          true,
          List.of(
              id(
                  "kind",
                  "`tried` (a rule the search tried), `offered` (an offered scheme, or the merchants'"
                      + " choice among them, as the schemes stage valued them) or `fund` (the fund's"
                      + " total, a cost only)"),
              id(
                  "family",
                  "`cash_days`, `margin_share`, `traffic`, `sla_credit`, `choice` (the merchant"
                      + " takes the better of two rules), `offered` or `fund`"),
              id("parameters", "the rule's parameters, e.g. `days=14`"),
              of(
                  "on_frontier",
                  BOOLEAN,
                  NONE,
                  "no tried rule costs as little or less and makes more merchants whole"),
              of(
                  "on_cash_frontier",
                  BOOLEAN,
                  NONE,
                  "the same among the rules that pay money only (`cash_days`, `margin_share` and"
                      + " the choice between them): what cash alone can do, whatever impressions and"
                      + " free months are worth to merchants"),
              of(
                  "expected_cost",
                  DOUBLE,
                  CURRENCY,
                  "what the rule costs whoever pays: cash at its amount, impressions at"
                      + " `liability.impression_cost_cpm`, free months at the fee forgone"),
              of("total_payout", DOUBLE, CURRENCY, "what it pays, as the merchants value it"),
              of(
                  "cost_within_fund",
                  DOUBLE,
                  CURRENCY,
                  "the part of the cost the fund covers (empty without a fund)"),
              of("cost_beyond_fund", DOUBLE, CURRENCY, "the part beyond `fund.total`"),
              of(
                  "borne_by_company",
                  DOUBLE,
                  CURRENCY,
                  "the fund's part borne by the company, as in fund_allocation"),
              of(
                  "borne_by_management",
                  DOUBLE,
                  CURRENCY,
                  "the fund's part borne by management, as in fund_allocation"),
              MERCHANTS_WITH_LOSS,
              of(
                  "merchants_made_whole",
                  DOUBLE,
                  COUNT,
                  "expected number of them made whole: Σ P(loss ≤ payout), the measure the search"
                      + " maximises"),
              of(
                  "merchants_made_whole_low",
                  DOUBLE,
                  COUNT,
                  "lower end of its 90% interval, losses drawn with the errors an industry's"
                      + " merchants share (rules on either frontier and offered rows only)"),
              of("merchants_made_whole_high", DOUBLE, COUNT, "upper end of that interval"),
              of(
                  "merchants_made_whole_point",
                  LONG,
                  COUNT,
                  "the point verdict: payout ≥ claimable loss"),
              of("median_coverage", DOUBLE, RATIO, "median of payout / claimable loss"),
              of("gini_shortfall", DOUBLE, NONE, "Gini coefficient of the relative shortfall"),
              of(
                  "largest_relative_shortfall",
                  DOUBLE,
                  SHARE,
                  "the largest (claimable loss − payout) / claimable loss: 1 if a merchant with a"
                      + " loss gets nothing"),
              id("worst_served_industry", "the industry with the lowest share made whole"),
              id(
                  "worst_served_size_decile",
                  "the decile of pre-outage daily revenue with the lowest share made whole"),
              id(
                  "frontier_rule_at_cost",
                  "the frontier rule making most merchants whole at no more than this row's cost"),
              of(
                  "frontier_made_whole_at_cost",
                  DOUBLE,
                  COUNT,
                  "how many that rule makes whole (expected)"),
              id(
                  "cash_frontier_rule_at_cost",
                  "the same on the cash frontier: the best rule paying money only at no more than"
                      + " this row's cost"),
              of(
                  "cash_frontier_made_whole_at_cost",
                  DOUBLE,
                  COUNT,
                  "how many that rule makes whole (expected)"),
              of(
                  "exposure_mean",
                  DOUBLE,
                  CURRENCY,
                  "mean total exposure under `liability.primary_regime` had merchants been paid by"
                      + " the rule (the exposure stage's model, its first 1,000 draws; rules on"
                      + " either frontier and offered rows only)"),
              of("exposure_p90", DOUBLE, CURRENCY, "its 90th percentile")));
}

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
              "max(0, lost margin + lost customer margin + lost member balances): the loss a"
                  + " court could award");

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
                      "chosen payout / actual loss (empty without a loss)"),
                  of("shortfall", DOUBLE, CURRENCY, "actual loss − chosen payout"),
                  of(
                      "pre_outage_daily_revenue",
                      DOUBLE,
                      CURRENCY,
                      "mean daily net revenue before the outage (`merchant_day`)"))));

  static List<OutputColumn> schemeMeasures() {
    return List.of(
        of("merchants", LONG, COUNT, "number of merchants"),
        of("merchants_with_loss", LONG, COUNT, "merchants with actual loss > 0"),
        of("share_made_whole", DOUBLE, SHARE, "payout ≥ loss, among those with a loss"),
        of("median_coverage", DOUBLE, RATIO, "median of payout / loss"),
        of("total_loss", DOUBLE, CURRENCY, "sum of actual_loss"),
        of("total_payout", DOUBLE, CURRENCY, "sum of the payouts"),
        of("total_shortfall", DOUBLE, CURRENCY, "sum of the shortfalls"),
        of("gini_shortfall", DOUBLE, NONE, "Gini coefficient of the relative shortfall"));
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
                      "its share made whole"))));

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
              schemeMeasures()));

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
}

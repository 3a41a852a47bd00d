package dev.aftermath.tables;

import static dev.aftermath.tables.ContractTerms.ALWAYS;
import static dev.aftermath.tables.ContractTerms.BOOLEAN;
import static dev.aftermath.tables.ContractTerms.COUNT;
import static dev.aftermath.tables.ContractTerms.CURRENCY;
import static dev.aftermath.tables.ContractTerms.DATE;
import static dev.aftermath.tables.ContractTerms.DOUBLE;
import static dev.aftermath.tables.ContractTerms.GENERATED_ONLY;
import static dev.aftermath.tables.ContractTerms.IMPACT;
import static dev.aftermath.tables.ContractTerms.INDUSTRY;
import static dev.aftermath.tables.ContractTerms.LONG;
import static dev.aftermath.tables.ContractTerms.MERCHANT_ID;
import static dev.aftermath.tables.ContractTerms.NONE;
import static dev.aftermath.tables.ContractTerms.PER_YEAR;
import static dev.aftermath.tables.ContractTerms.SHARE;
import static dev.aftermath.tables.ContractTerms.concat;
import static dev.aftermath.tables.ContractTerms.id;
import static dev.aftermath.tables.OutputColumn.of;

import java.util.List;

/** The lost-revenue stage's tables. Part of {@link OutputTables}. */
final class LostRevenueContracts {
  private LostRevenueContracts() {}

  static final OutputTable MERCHANT_LOSS =
      new OutputTable(
          "merchant_loss",
          IMPACT,
          "one row per merchant",
          "Its lost revenue and margin.",
          ALWAYS,
          true,
          List.of(
              MERCHANT_ID,
              INDUSTRY,
              of("existing", BOOLEAN, NONE, "signed up before the outage started"),
              of(
                  "counterfactual_revenue",
                  DOUBLE,
                  CURRENCY,
                  "net revenue it would have made without the outage, outage start to horizon (or"
                      + " to the day it left)"),
              of("actual_revenue", DOUBLE, CURRENCY, "net revenue it made over the same days"),
              of("lost_revenue", DOUBLE, CURRENCY, "counterfactual − actual"),
              of("lost_revenue_low", DOUBLE, CURRENCY, "lower bound of lost_revenue's interval"),
              of("lost_revenue_high", DOUBLE, CURRENCY, "upper bound of lost_revenue's interval"),
              of("lost_revenue_outage", DOUBLE, CURRENCY, "the part during the outage"),
              of(
                  "lost_revenue_after",
                  DOUBLE,
                  CURRENCY,
                  "the part after the outage (the recovery tail and after)"),
              of(
                  "margin_rate",
                  DOUBLE,
                  SHARE,
                  "the industry's margin rate (`schemes.cash.margin_rates`)"),
              of("lost_margin", DOUBLE, CURRENCY, "lost revenue × margin rate"),
              of("lost_margin_low", DOUBLE, CURRENCY, "lower bound of lost_margin's interval"),
              of("lost_margin_high", DOUBLE, CURRENCY, "upper bound of lost_margin's interval"),
              of(
                  "naive_lost_revenue",
                  DOUBLE,
                  CURRENCY,
                  "the same loss against the naive baseline (mean of the 7 days before the outage,"
                      + " held flat)"),
              id(
                  "estimate_quality",
                  "`ok`, `short_history`, `no_control_series`, `left_platform`, `new_merchant`"
                      + " (METHODS.md, \"Flags and fallbacks\")"),
              of(
                  "direct_lost_revenue",
                  DOUBLE,
                  CURRENCY,
                  "the loss from the merchant's own forecast alone, before its loss rate is pooled"
                      + " with similar merchants' (METHODS.md, \"Pooling loss rates\")"),
              of(
                  "pooling_weight",
                  DOUBLE,
                  SHARE,
                  "weight of the merchant's own loss rate in the pooled one (1: not pooled)"),
              of(
                  "fit_mape",
                  DOUBLE,
                  SHARE,
                  "how far its model missed its last four full pre-outage weeks: mean of"
                      + " |observed − fitted| ÷ observed over the weeks; empty where the model was"
                      + " not fitted to history (new merchants, very short histories)")));

  static List<OutputColumn> totalsHead() {
    return List.of(
        id("scope", "`platform` (one row) or `industry` (one row per industry)"),
        id("industry", "empty for the platform row"),
        of("merchants", LONG, COUNT, "number of merchants"));
  }

  static final OutputTable IMPACT_TOTALS =
      new OutputTable(
          "impact_totals",
          IMPACT,
          "one row for the platform and one per industry",
          "Sums of merchant_loss.",
          ALWAYS,
          true,
          concat(
              totalsHead(),
              List.of(
                  of("counterfactual_revenue", DOUBLE, CURRENCY, "sum of counterfactual_revenue"),
                  of("actual_revenue", DOUBLE, CURRENCY, "sum of actual_revenue"),
                  of("lost_revenue", DOUBLE, CURRENCY, "sum of lost_revenue"),
                  of(
                      "lost_revenue_low",
                      DOUBLE,
                      CURRENCY,
                      "lower bound from the summed draws, not the sum of the merchants' bounds"),
                  of(
                      "lost_revenue_high",
                      DOUBLE,
                      CURRENCY,
                      "upper bound from the summed draws, not the sum of the merchants' bounds"),
                  of("lost_revenue_outage", DOUBLE, CURRENCY, "sum of lost_revenue_outage"),
                  of("lost_revenue_after", DOUBLE, CURRENCY, "sum of lost_revenue_after"),
                  of("lost_margin", DOUBLE, CURRENCY, "sum of lost_margin"),
                  of("lost_margin_low", DOUBLE, CURRENCY, "lower bound from the summed draws"),
                  of("lost_margin_high", DOUBLE, CURRENCY, "upper bound from the summed draws"))));

  static final OutputTable MERCHANT_DAY_COUNTERFACTUAL =
      new OutputTable(
          "merchant_day_counterfactual",
          IMPACT,
          "one row per merchant and local day from 28 days before the outage to the horizon",
          "",
          ALWAYS,
          true,
          List.of(
              MERCHANT_ID,
              of("date", DATE, NONE, "local calendar day"),
              id("period", "`before`, `outage`, `after`"),
              of("actual_revenue", DOUBLE, CURRENCY, "net revenue that day"),
              of(
                  "counterfactual_revenue",
                  DOUBLE,
                  CURRENCY,
                  "the model's expected net revenue that day without the outage")));

  static final OutputTable BASELINE_COMPARISON =
      new OutputTable(
          "baseline_comparison",
          IMPACT,
          "one row per industry",
          "This method against the naive baseline.",
          ALWAYS,
          true,
          List.of(
              INDUSTRY,
              of("merchants", LONG, COUNT, "number of merchants"),
              of("lost_revenue", DOUBLE, CURRENCY, "this method"),
              of("naive_lost_revenue", DOUBLE, CURRENCY, "the 7-day baseline"),
              of(
                  "true_lost_revenue",
                  DOUBLE,
                  CURRENCY,
                  "the planted truth, for generated cases (empty for a real case)"),
              of(
                  "model_abs_error",
                  DOUBLE,
                  CURRENCY,
                  "sum of absolute errors per merchant of this method (empty for a real case)"),
              of(
                  "naive_abs_error",
                  DOUBLE,
                  CURRENCY,
                  "sum of absolute errors per merchant of the naive baseline (empty for a real"
                      + " case)")));

  static final OutputTable IMPACT_PRIORS =
      new OutputTable(
          "impact_priors",
          IMPACT,
          "one row per industry",
          "The empirical-Bayes priors used.",
          ALWAYS,
          true,
          List.of(
              INDUSTRY,
              of("trend_mean", DOUBLE, PER_YEAR, "prior mean of the annual trend"),
              of("trend_sd", DOUBLE, PER_YEAR, "prior standard deviation of the annual trend"),
              of(
                  "control_mean",
                  DOUBLE,
                  NONE,
                  "prior mean of the sensitivity to the industry index"),
              of(
                  "control_sd",
                  DOUBLE,
                  NONE,
                  "prior standard deviation of the sensitivity to the industry index"),
              id(
                  "centre_from",
                  "`industry_aggregate`: the industry's own total revenue; `platform`: no"
                      + " trend beyond the index, proportional co-movement with it, spreads from"
                      + " the platform")));

  static final OutputTable BACKTEST =
      new OutputTable(
          "backtest",
          IMPACT,
          "one row for the platform, one per industry and one per merchant",
          "The method fitted on the history up to 28 days before the outage and predicting those 28"
              + " days, when nothing happened (METHODS.md, \"Backtest\"). Empty when the history"
              + " is too short for it.",
          ALWAYS,
          true,
          List.of(
              id("scope", "`platform`, `industry` or `merchant`"),
              id("merchant_id", "empty except on merchant rows"),
              id("industry", "empty on the platform row"),
              of("merchants", LONG, COUNT, "merchants in the row's scope"),
              of(
                  "predicted_revenue",
                  DOUBLE,
                  CURRENCY,
                  "net revenue the method predicted for the held-out days"),
              of("actual_revenue", DOUBLE, CURRENCY, "net revenue made on those days"),
              of("error", DOUBLE, CURRENCY, "actual − predicted"),
              of(
                  "predicted_low",
                  DOUBLE,
                  CURRENCY,
                  "lower bound of the prediction's 90% interval (never below 0)"),
              of("predicted_high", DOUBLE, CURRENCY, "upper bound of the 90% interval"),
              of("covered", BOOLEAN, NONE, "whether the interval held the actual revenue"),
              of(
                  "abs_pct_error",
                  DOUBLE,
                  SHARE,
                  "|error| ÷ actual revenue; empty where actual revenue is 0"),
              of(
                  "median_abs_pct_error",
                  DOUBLE,
                  SHARE,
                  "platform and industry rows: the median of their merchants' abs_pct_error"),
              of(
                  "coverage",
                  DOUBLE,
                  SHARE,
                  "platform and industry rows: the share of their merchants whose interval held"
                      + " the actual")));

  static final OutputTable PLACEBO_TOTALS =
      new OutputTable(
          "placebo_totals",
          IMPACT,
          "one row per measure for the platform and per industry",
          "The lost-revenue and defection totals of the placebo run in the same run: the outage"
              + " moved to a time when nothing happened (by default 49 days earlier), the horizon"
              + " cut to the day before the real outage. Its own tables are under `placebo/`.",
          ContractTerms.WITH_PLACEBO,
          true,
          List.of(
              id(
                  "measure",
                  "`lost_revenue` (impact_totals) or `defected_customers` (defection_totals)"),
              id("scope", "`platform` or `industry`"),
              id("industry", "empty for the platform row"),
              of("estimate", DOUBLE, NONE, "the placebo's total (currency or customers)"),
              of("low", DOUBLE, NONE, "lower bound of its 90% interval"),
              of("high", DOUBLE, NONE, "upper bound of its 90% interval"),
              of("contains_zero", BOOLEAN, NONE, "whether the interval contains 0, as it should"),
              id("placebo_at", "the placebo outage's start, scenario-local time")));

  static List<OutputColumn> evaluation() {
    return List.of(
        id("metric", "what is measured"),
        of("value", DOUBLE, NONE, "the estimate's measure"),
        id("target", "what it should be"),
        id(
            "status",
            "`pass` or `fail` against the target; empty for a figure reported without one"));
  }

  static final OutputTable IMPACT_EVALUATION =
      new OutputTable(
          "impact_evaluation",
          IMPACT,
          "one row per measure",
          "The estimates against the planted truth (totals, relative error, the same over"
              + " merchants whose industry has a control series, platform interval width ÷"
              + " loss, interval coverage, the backtest's coverage, new merchants' estimate and"
              + " truth, Spearman rank correlation and its ceiling).",
          GENERATED_ONLY,
          true,
          evaluation());
}

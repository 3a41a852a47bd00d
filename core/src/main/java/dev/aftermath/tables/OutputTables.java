package dev.aftermath.tables;

import static dev.aftermath.tables.OutputColumn.family;
import static dev.aftermath.tables.OutputColumn.of;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tables a run writes under {@code OUT/tables/}, one contract each: the ingested inputs' typed
 * copies, the ingestion records and every stage's result tables. The writer checks each table
 * against it before writing, the reports check what they read, and the data dictionary
 * (notebooks-data/README.md) is generated from it ({@link DataDictionary}).
 */
public final class OutputTables {
  private OutputTables() {}

  // types as Spark writes them
  static final String STRING = "string";
  static final String LONG = "long";
  static final String INT = "int";
  static final String DOUBLE = "double";
  static final String BOOLEAN = "boolean";
  static final String DATE = "date";
  static final String TIMESTAMP = "timestamp";
  static final String MONEY = "decimal(18,4)";
  static final String CENTS = "decimal(18,2)";

  // units
  static final String NONE = "none";
  static final String CURRENCY = "currency";
  static final String COUNT = "count";
  static final String SHARE = "share";
  static final String RATIO = "ratio";
  static final String PERCENT = "percent";
  static final String DAYS = "days";
  static final String HOURS = "hours";
  static final String INDEX = "index";
  static final String PRICE = "price";
  static final String POINTS = "points";
  static final String PER_YEAR = "per year";

  private static final String ALWAYS = "";
  private static final String GENERATED_ONLY = "generated cases only";

  private static final String INGESTED = "Ingested inputs";
  private static final String INGESTION = "Ingestion records";
  private static final String DAILY = "Sales per day and hour (`daily/`)";
  private static final String IMPACT = "Lost revenue (`impact/`)";
  private static final String DEFECTION = "Customer defection (`defection/`, `clv/`)";
  private static final String SCHEMES = "Payout schemes (`schemes/`)";
  private static final String EXPOSURE = "Liability exposure (`exposure/`)";
  private static final String WHOLE_CASE = "A merchant's whole case";
  private static final String COMPANY = "Company impact (`company/`)";
  private static final String SCENARIO = "The scenario";
  private static final String RECORDS = "Run records";

  private static OutputColumn id(String name, String meaning) {
    return of(name, STRING, NONE, meaning);
  }

  private static final OutputColumn MERCHANT_ID = id("merchant_id", "");
  private static final OutputColumn INDUSTRY = id("industry", "");

  // ---- ingested inputs

  static final OutputTable MERCHANTS =
      new OutputTable(
          "merchants",
          INGESTED,
          "one row per merchant of the platform",
          "The case's merchants, typed, with `is_new` added.",
          ALWAYS,
          false,
          List.of(
              id("merchant_id", "unique id"),
              id("name", "any Unicode; treat as hostile (markup, formulas, quotes, line breaks)"),
              id("industry", "code; `scenario.yaml` gives its margin rate"),
              of("signup_date", DATE, NONE, "before the outage start: *existing*; else *new*"),
              of("monthly_fee", MONEY, CURRENCY, "SaaS fee per month"),
              of(
                  "ad_eligible",
                  BOOLEAN,
                  NONE,
                  "the industry qualifies for the ad network's impressions"),
              of(
                  "data_recovered_pct",
                  DOUBLE,
                  PERCENT,
                  "share of the merchant's data restored when the incident closed (0..100)"),
              of(
                  "left_platform_at",
                  DATE,
                  NONE,
                  "the day it stopped using the platform; may be empty"),
              of("is_new", BOOLEAN, NONE, "signed up on or after the outage start")));

  static final OutputTable ORDERS =
      new OutputTable(
          "orders",
          INGESTED,
          "one row per order",
          "The case's orders, typed, repeats and rejected rows removed, with `local_date` and"
              + " `revenue` added.",
          ALWAYS,
          false,
          List.of(
              id("order_id", "unique"),
              MERCHANT_ID,
              id("customer_id", "empty for guests"),
              of("created_at", TIMESTAMP, NONE, "when the order was placed"),
              of("amount", MONEY, CURRENCY, "≥ 0, tax included"),
              of("tax", MONEY, CURRENCY, "≥ 0, ≤ amount"),
              id("status", "PAID, REFUNDED, CANCELLED"),
              of("local_date", DATE, NONE, "date of `created_at`"),
              of("revenue", MONEY, CURRENCY, "amount − tax if PAID, else 0")));

  static final OutputTable CHURN_SIGNALS =
      new OutputTable(
          "churn_signals",
          INGESTED,
          "one row per signal",
          "The case's churn signals, typed, with `local_date` added.",
          "when the case has churn signals",
          false,
          List.of(
              of("ts", TIMESTAMP, NONE, "when the signal was recorded"),
              MERCHANT_ID,
              id("customer_id", "empty for merchant-level"),
              id(
                  "signal",
                  "`complaint`, `refund_request`, `member_cancel`, `data_export`,"
                      + " `competitor_migration`, `contract_cancel`, …; lower-cased and trimmed"),
              of("value", MONEY, CURRENCY, "amount, where meaningful"),
              of("local_date", DATE, NONE, "date of `ts`")));

  static final OutputTable MEMBERS =
      new OutputTable(
          "members",
          INGESTED,
          "one row per member of a merchant",
          "The case's member records, typed.",
          "when the case has members",
          false,
          List.of(
              MERCHANT_ID,
              id("customer_id", ""),
              of("balance", MONEY, CURRENCY, "stored value at the outage start (≥ 0)"),
              of("points", MONEY, POINTS, "points at the outage start (≥ 0)"),
              of("recovered", BOOLEAN, NONE, "the member record was recovered")));

  static final OutputTable INDUSTRY_INDEX =
      new OutputTable(
          "industry_index",
          INGESTED,
          "one row per industry and day",
          "The case's outside sales index per industry, typed.",
          "when the case has an industry index",
          false,
          List.of(
              of("date", DATE, NONE, ""),
              INDUSTRY,
              of("index", DOUBLE, INDEX, "the industry's sales index (> 0)")));

  static final OutputTable SHARE_PRICES =
      new OutputTable(
          "share_prices",
          INGESTED,
          "one row per symbol and trading day",
          "The case's share and market index closes, typed.",
          "when the case has share prices",
          false,
          List.of(
              of("date", DATE, NONE, ""),
              id("symbol", "the share or the market index"),
              of("close", DOUBLE, PRICE, "closing price (> 0)")));

  // ---- ingestion records

  static final OutputTable QUARANTINE =
      new OutputTable(
          "quarantine",
          INGESTION,
          "one row per rejected input row",
          "",
          ALWAYS,
          true,
          List.of(
              id("table", "input table"),
              id("file", "file, relative to the case folder"),
              of(
                  "line",
                  LONG,
                  NONE,
                  "CSV line where the record starts (header = 1); empty for Parquet"),
              of(
                  "row_index",
                  LONG,
                  NONE,
                  "Parquet row number within the file, from 1; empty for CSV"),
              id("column", "the offending column (empty for `WRONG_FIELD_COUNT`, `MALFORMED_CSV`)"),
              id(
                  "value",
                  "the offending value as given (or the field counts, or the parser's message)"),
              id("reason", "reason code (see the project README)"),
              id("raw", "the record's raw text (CSV) or its values joined by commas (Parquet)"),
              of(
                  "end_line",
                  LONG,
                  NONE,
                  "CSV line where the record ends: `line` for a one-line record, later when a"
                      + " quoted field carries it over line breaks, the file's last line with text"
                      + " for `MALFORMED_CSV`; empty for Parquet")));

  static final OutputTable DUPLICATES =
      new OutputTable(
          "duplicates",
          INGESTION,
          "one row per row dropped as a repeat",
          "The first occurrence of a key is kept.",
          ALWAYS,
          true,
          List.of(
              id("table", "input table"),
              id("file", "file, relative to the case folder"),
              of(
                  "line",
                  LONG,
                  NONE,
                  "CSV line where the record starts (header = 1); empty for Parquet"),
              of(
                  "row_index",
                  LONG,
                  NONE,
                  "Parquet row number within the file, from 1; empty for CSV"),
              id("key", "the repeated key, parts joined by `|`")));

  // ---- daily sales

  private static List<OutputColumn> dayFigures() {
    return List.of(
        of("net_revenue", CENTS, CURRENCY, "Σ (amount − tax) of PAID orders"),
        of("paid_orders", LONG, COUNT, "number of PAID orders"),
        of(
            "customers",
            LONG,
            COUNT,
            "distinct identified customers with a PAID order (guests not counted)"),
        of("refunds", LONG, COUNT, "number of REFUNDED orders"),
        of("refund_amount", CENTS, CURRENCY, "Σ (amount − tax) of REFUNDED orders"),
        of(
            "on_platform",
            BOOLEAN,
            NONE,
            "the day lies within signup .. left_platform_at; days in that span and the analysis"
                + " window are always present (zero if no sales)"));
  }

  static final OutputTable MERCHANT_DAY =
      new OutputTable(
          "merchant_day",
          DAILY,
          "one row per merchant and local day",
          "",
          ALWAYS,
          true,
          concat(List.of(MERCHANT_ID, of("date", DATE, NONE, "local calendar day")), dayFigures()));

  static final OutputTable MERCHANT_HOUR =
      new OutputTable(
          "merchant_hour",
          DAILY,
          "one row per merchant and local hour of the outage's first and last local days",
          "The figures of merchant_day per local hour.",
          ALWAYS,
          true,
          concat(
              List.of(
                  MERCHANT_ID,
                  of("date", DATE, NONE, "local calendar day"),
                  of("hour", INT, NONE, "local hour (0–23)")),
              dayFigures()));

  // ---- lost revenue

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
                      + " (METHODS.md, \"Flags and fallbacks\")")));

  private static List<OutputColumn> totalsHead() {
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
                  "`industry_aggregate`: the industry's own total revenue; `platform`: the"
                      + " platform's median")));

  private static List<OutputColumn> evaluation() {
    return List.of(
        id("metric", "what is measured"),
        of("value", DOUBLE, NONE, "the estimate's measure"),
        id("target", "what it should be"));
  }

  static final OutputTable IMPACT_EVALUATION =
      new OutputTable(
          "impact_evaluation",
          IMPACT,
          "one row per measure",
          "The estimates against the planted truth (totals, relative error, interval coverage,"
              + " Spearman rank correlation and its ceiling).",
          GENERATED_ONLY,
          true,
          evaluation());

  // ---- customer defection

  private static OutputColumn activeCustomers() {
    return of(
        "active_customers",
        LONG,
        COUNT,
        "identified customers with a PAID order in the look-back before the outage");
  }

  private static List<OutputColumn> defectionCounts() {
    return List.of(
        activeCustomers(),
        of(
            "returned_customers",
            LONG,
            COUNT,
            "of those, how many bought again in the return window"),
        of(
            "expected_nonreturn",
            DOUBLE,
            COUNT,
            "how many the customer model expects not to return without the outage (Σ P0)"),
        of("observed_nonreturn", LONG, COUNT, "active − returned"),
        of(
            "defected_customers",
            DOUBLE,
            COUNT,
            "customers lost because of the outage (an estimate; may be negative)"),
        of("defected_customers_low", DOUBLE, COUNT, "lower bound of defected_customers' interval"),
        of("defected_customers_high", DOUBLE, COUNT, "upper bound of defected_customers' interval"),
        of(
            "confirmed_defections",
            LONG,
            COUNT,
            "active customers with a `member_cancel` signal after the outage started"),
        of(
            "lost_customer_value",
            DOUBLE,
            CURRENCY,
            "the defected customers' expected future net revenue (CLV), discounted"));
  }

  private static List<OutputColumn> lostValueInterval() {
    return List.of(
        of(
            "lost_customer_value_low",
            DOUBLE,
            CURRENCY,
            "lower bound of lost_customer_value's interval"),
        of(
            "lost_customer_value_high",
            DOUBLE,
            CURRENCY,
            "upper bound of lost_customer_value's interval"));
  }

  private static OutputColumn lostCustomerMargin() {
    return of("lost_customer_margin", DOUBLE, CURRENCY, "lost customer value × margin rate");
  }

  private static List<OutputColumn> memberLosses() {
    return List.of(
        of("lost_member_balances", DOUBLE, CURRENCY, "Σ `balance` of members not recovered"),
        of("lost_member_points", DOUBLE, POINTS, "Σ `points` of members not recovered"));
  }

  static final OutputTable MERCHANT_DEFECTION =
      new OutputTable(
          "merchant_defection",
          DEFECTION,
          "one row per merchant",
          "",
          ALWAYS,
          true,
          concat(
              List.of(MERCHANT_ID, INDUSTRY),
              defectionCounts(),
              lostValueInterval(),
              List.of(lostCustomerMargin()),
              memberLosses(),
              List.of(
                  id(
                      "defection_quality",
                      "`ok`, `no_customers`, `no_control_series` (no industry index: no demand"
                          + " clock), `left_platform` (left the platform; the estimates are empty"
                          + " if it left before the return window opened)"))));

  static final OutputTable CUSTOMER_DEFECTION =
      new OutputTable(
          "customer_defection",
          DEFECTION,
          "one row per merchant and customer segment",
          "The figures of merchant_defection per segment. Sums over segments, never a customer's"
              + " row: no customer identifier leaves the stage.",
          ALWAYS,
          true,
          concat(
              List.of(
                  MERCHANT_ID,
                  INDUSTRY,
                  id(
                      "segment",
                      "`one_time`, `repeat` with 1–3 repeat purchase days, `core` with 4 or"
                          + " more")),
              defectionCounts(),
              List.of(lostCustomerMargin())));

  static final OutputTable DEFECTION_TOTALS =
      new OutputTable(
          "defection_totals",
          DEFECTION,
          "one row for the platform and one per industry",
          "Sums of merchant_defection.",
          ALWAYS,
          true,
          concat(
              totalsHead(),
              List.of(
                  of("active_customers", LONG, COUNT, "sum of active_customers"),
                  of("observed_nonreturn", LONG, COUNT, "sum of observed_nonreturn"),
                  of("expected_nonreturn", DOUBLE, COUNT, "sum of expected_nonreturn"),
                  of("defected_customers", DOUBLE, COUNT, "sum of defected_customers"),
                  of(
                      "defected_customers_low",
                      DOUBLE,
                      COUNT,
                      "lower bound of the sum, model error shared within an industry"),
                  of(
                      "defected_customers_high",
                      DOUBLE,
                      COUNT,
                      "upper bound of the sum, model error shared within an industry"),
                  of("confirmed_defections", LONG, COUNT, "sum of confirmed_defections"),
                  of("lost_customer_value", DOUBLE, CURRENCY, "sum of lost_customer_value"),
                  of("lost_customer_value_low", DOUBLE, CURRENCY, "lower bound of the sum"),
                  of("lost_customer_value_high", DOUBLE, CURRENCY, "upper bound of the sum"),
                  of("lost_customer_margin", DOUBLE, CURRENCY, "sum of lost_customer_margin"),
                  of("lost_member_balances", DOUBLE, CURRENCY, "sum of lost_member_balances"),
                  of("lost_member_points", DOUBLE, POINTS, "sum of lost_member_points"))));

  private static OutputColumn parameter(String name, String meaning) {
    return of(name, DOUBLE, NONE, meaning);
  }

  static final OutputTable BGNBD_FITS =
      new OutputTable(
          "bgnbd_fits",
          DEFECTION,
          "one row per fitted group and model",
          "The customer models fitted. Parameters a model does not have are empty.",
          ALWAYS,
          true,
          List.of(
              id(
                  "fitted_on",
                  "the industry, or `(platform)` for the platform-wide fit that industries with"
                      + " too few customers borrow"),
              id("used_for", "the industry that uses it"),
              id("model", "`paretonbd-truncated`, used; `bgnbd`, for reference"),
              of("chosen", BOOLEAN, NONE, "the model used"),
              id("time_unit", "the unit of time of the rates"),
              of("customers", LONG, COUNT, "customers fitted on"),
              parameter("r", "purchase rate"),
              parameter("r_se", "standard error of r"),
              parameter("alpha", "purchase rate"),
              parameter("alpha_se", "standard error of alpha"),
              parameter("a", "dropout, BG/NBD"),
              parameter("a_se", "standard error of a"),
              parameter("b", "dropout, BG/NBD"),
              parameter("b_se", "standard error of b"),
              parameter("s", "lifetime, Pareto/NBD"),
              parameter("s_se", "standard error of s"),
              parameter("beta", "lifetime, Pareto/NBD"),
              parameter("beta_se", "standard error of beta"),
              parameter("theta", "arrivals relative to the customers present at the origin"),
              parameter("theta_se", "standard error of theta"),
              parameter("log_likelihood", "of the fit"),
              of("repeat_buyers", LONG, COUNT, "customers fitted on who bought again"),
              parameter("spend_p", "Gamma-Gamma spend model"),
              parameter("spend_q", "Gamma-Gamma spend model"),
              parameter("spend_gamma", "Gamma-Gamma spend model"),
              parameter("spend_log_likelihood", "of the Gamma-Gamma spend model")));

  static final OutputTable DEFECTION_EVALUATION =
      new OutputTable(
          "defection_evaluation",
          DEFECTION,
          "one row per measure",
          "As impact_evaluation, with the oracle rows (METHODS.md).",
          GENERATED_ONLY,
          true,
          evaluation());

  // ---- payout schemes

  static final OutputTable MERCHANT_PAYOUT =
      new OutputTable(
          "merchant_payout",
          SCHEMES,
          "one row per merchant",
          "What each scheme pays it and the scheme it chooses.",
          ALWAYS,
          true,
          List.of(
              MERCHANT_ID,
              of("cash_payout", DOUBLE, CURRENCY, "what the cash scheme pays it"),
              of("traffic_payout", DOUBLE, CURRENCY, "what the traffic scheme pays it"),
              of(
                  "traffic_impressions_value",
                  DOUBLE,
                  CURRENCY,
                  "the traffic scheme's part in impressions, at the market CPM"),
              of(
                  "traffic_extension_value",
                  DOUBLE,
                  CURRENCY,
                  "the traffic scheme's part in free months"),
              of("sla_credit_payout", DOUBLE, CURRENCY, "what the SLA credit scheme pays it"),
              of(
                  "actual_loss",
                  DOUBLE,
                  CURRENCY,
                  "max(0, lost margin + lost customer margin + lost member balances): the loss a"
                      + " court could award"),
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
                  "mean daily net revenue before the outage (`merchant_day`)")));

  private static List<OutputColumn> schemeMeasures() {
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

  private static List<OutputColumn> metricValueNote() {
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

  // ---- liability exposure

  private static List<OutputColumn> exposures() {
    return List.of(
        of(
            "exposure_contract_cap",
            DOUBLE,
            CURRENCY,
            "what remains claimable after the payout under the contract cap"),
        of(
            "exposure_foreseeable",
            DOUBLE,
            CURRENCY,
            "what remains claimable after the payout under foreseeable loss"),
        of(
            "exposure_full",
            DOUBLE,
            CURRENCY,
            "what remains claimable after the payout under full loss"),
        of("claim_probability", DOUBLE, SHARE, "modelled probability that it claims"),
        of(
            "expected_exposure",
            DOUBLE,
            CURRENCY,
            "claim probability × exposure under `liability.primary_regime`"));
  }

  static final OutputTable MERCHANT_EXPOSURE =
      new OutputTable(
          "merchant_exposure",
          EXPOSURE,
          "one row per merchant",
          "What remains claimable after the payout under each legal regime.",
          ALWAYS,
          true,
          concat(List.of(MERCHANT_ID), exposures()));

  static final OutputTable EXPOSURE_DISTRIBUTION =
      new OutputTable(
          "exposure_distribution",
          EXPOSURE,
          "one row per legal regime",
          "The Monte Carlo total of what remains claimable.",
          ALWAYS,
          true,
          List.of(
              id("regime", "`contract_cap`, `foreseeable_loss`, `full_loss`"),
              of("draws", LONG, COUNT, "Monte Carlo draws"),
              of("mean", DOUBLE, CURRENCY, "mean total"),
              of("sd", DOUBLE, CURRENCY, "standard deviation of the total"),
              of("p50", DOUBLE, CURRENCY, "median total"),
              of("p90", DOUBLE, CURRENCY, "90th percentile of the total"),
              of("p99", DOUBLE, CURRENCY, "99th percentile of the total"),
              of("max", DOUBLE, CURRENCY, "largest total drawn"),
              of("fund_remaining", DOUBLE, CURRENCY, "the fund after payouts"),
              of(
                  "probability_exceeds_fund_remaining",
                  DOUBLE,
                  SHARE,
                  "share of draws whose total exceeds fund_remaining")));

  static final OutputTable LOSS_EXCEEDANCE =
      new OutputTable(
          "loss_exceedance",
          EXPOSURE,
          "one row per regime and point of its exceedance curve",
          "",
          ALWAYS,
          true,
          List.of(
              id("regime", "as in exposure_distribution"),
              of("x", DOUBLE, CURRENCY, "a total"),
              of("probability", DOUBLE, SHARE, "the share of draws above it")));

  static final OutputTable TOP_EXPOSURES =
      new OutputTable(
          "top_exposures",
          EXPOSURE,
          "one row per merchant with the largest expected exposure (`liability.top_n`), largest"
              + " first",
          "",
          ALWAYS,
          true,
          concat(
              List.of(
                  of("rank", INT, NONE, "1 for the largest expected exposure"),
                  MERCHANT_ID,
                  INDUSTRY,
                  of("actual_loss", DOUBLE, CURRENCY, "as in merchant_payout"),
                  of("foreseeable_loss", DOUBLE, CURRENCY, "max(0, lost margin)"),
                  id("chosen_scheme", "as in merchant_payout"),
                  of("chosen_payout", DOUBLE, CURRENCY, "as in merchant_payout"),
                  of("shortfall", DOUBLE, CURRENCY, "as in merchant_payout")),
              exposures(),
              List.of(
                  of("defected_customers", DOUBLE, COUNT, "evidence: as in merchant_defection"),
                  of(
                      "lost_member_balances",
                      DOUBLE,
                      CURRENCY,
                      "evidence: as in merchant_defection"),
                  of(
                      "complaints",
                      LONG,
                      COUNT,
                      "merchant-level complaint signals after the outage started"),
                  of(
                      "data_exports",
                      LONG,
                      COUNT,
                      "merchant-level data_export signals after the outage started"),
                  of(
                      "competitor_migrations",
                      LONG,
                      COUNT,
                      "merchant-level competitor_migration signals after the outage started"),
                  of(
                      "contract_cancels",
                      LONG,
                      COUNT,
                      "merchant-level contract_cancel signals after the outage started"))));

  // ---- the whole case

  static final OutputTable MERCHANT_IMPACT =
      new OutputTable(
          "merchant_impact",
          WHOLE_CASE,
          "one row per merchant",
          "Its lost revenue and margin, then the defection figures, the payouts and the exposure of"
              + " the later stages, so that one row holds a merchant's whole case: merchant_loss,"
              + " merchant_defection (without its industry), merchant_payout and merchant_exposure"
              + " joined on merchant_id; a later stage's columns are empty where it has none.",
          ALWAYS,
          true,
          concat(
              MERCHANT_LOSS.columns(),
              MERCHANT_DEFECTION.columns().subList(2, MERCHANT_DEFECTION.columns().size()),
              MERCHANT_PAYOUT.columns().subList(1, MERCHANT_PAYOUT.columns().size()),
              MERCHANT_EXPOSURE.columns().subList(1, MERCHANT_EXPOSURE.columns().size())));

  // ---- company impact

  static final OutputTable COMPANY_IMPACT =
      new OutputTable(
          "company_impact",
          COMPANY,
          "one row per measure",
          "What the merchants' choices cost the company (cash, impressions, free months), against"
              + " the fund; subscription revenue at risk; merchant churn before and after the"
              + " outage.",
          ALWAYS,
          true,
          List.of(
              id("metric", "what is measured"),
              of("value", DOUBLE, NONE, "its value, in `unit`"),
              id("unit", "the value's unit (the currency, `ratio`, …)"),
              id("note", "")));

  static final OutputTable EVENT_STUDY =
      new OutputTable(
          "event_study",
          COMPANY,
          "one row per event and trading day (`kind` `day`) or window (`kind` `window`)",
          "The share's abnormal returns around each event. Both kinds carry the market model's"
              + " `alpha`, `beta`, `sigma`.",
          "when the case has share prices",
          true,
          List.of(
              id("kind", "`day` or `window`"),
              id("event", "`outage`, `compensation_announced`, `data_recovery`"),
              of("event_day", DATE, NONE, "the event's day"),
              of("date", DATE, NONE, "the trading day (rows of kind `day`)"),
              of("relative_day", INT, DAYS, "trading days from the event (rows of kind `day`)"),
              of("window_from", INT, DAYS, "first relative day of the window (kind `window`)"),
              of("window_to", INT, DAYS, "last relative day of the window (kind `window`)"),
              of("return", DOUBLE, RATIO, "the share's return"),
              of("market_return", DOUBLE, RATIO, "the index's return"),
              of("expected_return", DOUBLE, RATIO, "the market model's return"),
              of("abnormal_return", DOUBLE, RATIO, "return − expected return"),
              of(
                  "car",
                  DOUBLE,
                  RATIO,
                  "cumulative abnormal return (rows of kind `day`: cumulated from the first day"
                      + " shown)"),
              of("car_sd", DOUBLE, RATIO, "standard deviation of car (kind `window`)"),
              of("t", DOUBLE, NONE, "t statistic of car (kind `window`)"),
              of("p", DOUBLE, SHARE, "two-sided p-value (kind `window`)"),
              of(
                  "market_value_change",
                  DOUBLE,
                  PRICE,
                  "the change in market value, in `value_currency` (kind `window`)"),
              of("alpha", DOUBLE, RATIO, "the market model's alpha"),
              of("beta", DOUBLE, NONE, "the market model's beta"),
              of("sigma", DOUBLE, RATIO, "the market model's residual standard deviation"),
              id("value_currency", "the currency of market_value_change")));

  static final OutputTable SHARE_PATH =
      new OutputTable(
          "share_path",
          COMPANY,
          "one row per trading day",
          "",
          "when the case has share prices",
          true,
          List.of(
              of("date", DATE, NONE, ""),
              of("close", DOUBLE, PRICE, "the share"),
              of("market_close", DOUBLE, INDEX, "the index"),
              of("close_rebased", DOUBLE, INDEX, "the share, 100 on the first day"),
              of("market_rebased", DOUBLE, INDEX, "the index, 100 on the first day")));

  // ---- the scenario

  static final OutputTable SCENARIO_ASSUMPTIONS =
      new OutputTable(
          "scenario_assumptions",
          SCENARIO,
          "one row per value of `scenario.yaml` the run used",
          "",
          "when the run has a scenario file",
          true,
          List.of(
              id("key", "its path"),
              id("value", ""),
              id("note", ""),
              of(
                  "assumption",
                  BOOLEAN,
                  NONE,
                  "true for a modelling assumption, false for a fact of the case")));

  static final OutputTable INCIDENT_TIMELINE =
      new OutputTable(
          "incident_timeline",
          SCENARIO,
          "one row per phase",
          "",
          ALWAYS,
          true,
          List.of(
              of("phase", INT, NONE, "0 = the whole outage, then its phases in order"),
              of("from", TIMESTAMP, NONE, "start, local time"),
              of("to", TIMESTAMP, NONE, "end, local time"),
              of("hours", DOUBLE, HOURS, "its length"),
              id("label", "")));

  // ---- run records

  static final OutputTable CASE_NOTES =
      new OutputTable(
          "case_notes",
          RECORDS,
          "one row per kind of gap (no row when there is none)",
          "What the case leaves out. Also in the run summary and in the regulator and legal"
              + " reports.",
          ALWAYS,
          true,
          List.of(
              id(
                  "note",
                  "`industry_without_merchants`: industries the scenario gives a margin rate but"
                      + " no merchant is in; `industry_without_control_series`: industries of"
                      + " merchants without an `industry_index`;"
                      + " `merchants_without_orders_in_outage`: merchants on the platform during"
                      + " the outage (signed up before it ended, not gone before it started)"
                      + " without any order in the outage window — all of them in a case whose"
                      + " orders stop; `merchants_without_orders`: merchants with no order at"
                      + " all"),
              of("count", LONG, COUNT, "how many"),
              of("of", LONG, COUNT, "out of how many industries or merchants"),
              id("detail", "the first 20 names, then how many more")));

  /** Every table, in the data dictionary's order. */
  public static final List<OutputTable> ALL =
      List.of(
          MERCHANTS,
          ORDERS,
          CHURN_SIGNALS,
          MEMBERS,
          INDUSTRY_INDEX,
          SHARE_PRICES,
          QUARANTINE,
          DUPLICATES,
          MERCHANT_DAY,
          MERCHANT_HOUR,
          MERCHANT_LOSS,
          IMPACT_TOTALS,
          MERCHANT_DAY_COUNTERFACTUAL,
          BASELINE_COMPARISON,
          IMPACT_PRIORS,
          IMPACT_EVALUATION,
          MERCHANT_DEFECTION,
          CUSTOMER_DEFECTION,
          DEFECTION_TOTALS,
          BGNBD_FITS,
          DEFECTION_EVALUATION,
          MERCHANT_PAYOUT,
          SCHEME_SUMMARY,
          SCHEME_FAIRNESS,
          FUND_ALLOCATION,
          MERCHANT_EXPOSURE,
          EXPOSURE_DISTRIBUTION,
          LOSS_EXCEEDANCE,
          TOP_EXPOSURES,
          MERCHANT_IMPACT,
          COMPANY_IMPACT,
          EVENT_STUDY,
          SHARE_PATH,
          SCENARIO_ASSUMPTIONS,
          INCIDENT_TIMELINE,
          CASE_NOTES);

  private static final Map<String, OutputTable> BY_NAME = byName();

  /** The names of all tables. */
  public static Set<String> names() {
    return BY_NAME.keySet();
  }

  /** The table {@code name}, if the contract has it. */
  public static Optional<OutputTable> find(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /**
   * The table {@code name}; {@link IllegalStateException} naming it when the contract has none (a
   * programming error: every table a run writes has a contract).
   */
  public static OutputTable require(String name) {
    OutputTable t = BY_NAME.get(name);
    if (t == null) {
      throw new IllegalStateException(
          "table " + name + " is not in the output contract (dev.aftermath.tables.OutputTables)");
    }
    return t;
  }

  private static Map<String, OutputTable> byName() {
    Map<String, OutputTable> m = new LinkedHashMap<>();
    for (OutputTable t : ALL) {
      if (m.put(t.name(), t) != null) {
        throw new IllegalStateException("table " + t.name() + " is in the contract twice");
      }
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  @SafeVarargs
  private static List<OutputColumn> concat(List<OutputColumn>... parts) {
    List<OutputColumn> all = new ArrayList<>();
    for (List<OutputColumn> p : parts) {
      all.addAll(p);
    }
    return List.copyOf(all);
  }
}

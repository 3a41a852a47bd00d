package dev.aftermath.tables;

import static dev.aftermath.tables.ContractTerms.ALWAYS;
import static dev.aftermath.tables.ContractTerms.BOOLEAN;
import static dev.aftermath.tables.ContractTerms.COUNT;
import static dev.aftermath.tables.ContractTerms.CURRENCY;
import static dev.aftermath.tables.ContractTerms.DEFECTION;
import static dev.aftermath.tables.ContractTerms.DOUBLE;
import static dev.aftermath.tables.ContractTerms.GENERATED_ONLY;
import static dev.aftermath.tables.ContractTerms.INDUSTRY;
import static dev.aftermath.tables.ContractTerms.LONG;
import static dev.aftermath.tables.ContractTerms.MERCHANT_ID;
import static dev.aftermath.tables.ContractTerms.NONE;
import static dev.aftermath.tables.ContractTerms.POINTS;
import static dev.aftermath.tables.ContractTerms.concat;
import static dev.aftermath.tables.ContractTerms.id;
import static dev.aftermath.tables.LostRevenueContracts.evaluation;
import static dev.aftermath.tables.LostRevenueContracts.totalsHead;
import static dev.aftermath.tables.OutputColumn.of;

import java.util.List;

/** The customer-defection stage's tables. Part of {@link OutputTables}. */
final class DefectionContracts {
  private DefectionContracts() {}

  static OutputColumn activeCustomers() {
    return of(
        "active_customers",
        LONG,
        COUNT,
        "identified customers with a PAID order in the look-back before the outage");
  }

  static List<OutputColumn> defectionCounts() {
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
            "how many the customer model expects not to return without the outage (Σ P0, at the"
                + " held-out check's applied shift)"),
        of("observed_nonreturn", LONG, COUNT, "active − returned"),
        of(
            "defected_customers",
            DOUBLE,
            COUNT,
            "customers who left for good because of the outage: a posterior mean on [caused"
                + " cancellations, observed_nonreturn], never negative"),
        of(
            "defected_customers_low",
            DOUBLE,
            COUNT,
            "lower end of defected_customers' 90% interval, at least 0"),
        of(
            "defected_customers_high",
            DOUBLE,
            COUNT,
            "upper end of defected_customers' 90% interval, at most observed_nonreturn"),
        of(
            "confirmed_defections",
            LONG,
            COUNT,
            "active customers with a `member_cancel` signal after the outage started"),
        of(
            "lost_customer_value",
            DOUBLE,
            CURRENCY,
            "the defected customers' expected future net revenue (CLV), discounted; never"
                + " negative"));
  }

  static List<OutputColumn> lostValueInterval() {
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

  static OutputColumn lostCustomerMargin() {
    return of("lost_customer_margin", DOUBLE, CURRENCY, "lost customer value × margin rate");
  }

  static List<OutputColumn> memberLosses() {
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

  static OutputColumn parameter(String name, String meaning) {
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
              id(
                  "model",
                  "`paretonbd-truncated`, `paretonbd` or `bgnbd`: the candidates of the held-out"
                      + " check"),
              of(
                  "chosen",
                  BOOLEAN,
                  NONE,
                  "the model used: the best held-out log score (METHODS.md, \"Choosing the"
                      + " model\")"),
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
              parameter("spend_log_likelihood", "of the Gamma-Gamma spend model"),
              id(
                  "fitted_through",
                  "`outage`: fitted on the histories to the outage (the chosen model, and BG/NBD"
                      + " for reference); `holdout_split`: only fitted for the held-out check"),
              of(
                  "holdout_customers",
                  LONG,
                  COUNT,
                  "customers active at the held-out split, scored on the held-out window; empty"
                      + " without a check"),
              of(
                  "holdout_observed_nonreturn",
                  LONG,
                  COUNT,
                  "of them, those with no purchase in the held-out window"),
              of(
                  "holdout_expected_nonreturn",
                  DOUBLE,
                  COUNT,
                  "what the model, fitted on the histories before the split, expected"),
              parameter(
                  "holdout_log_score",
                  "Bernoulli log-likelihood of who bought in the held-out window, as fitted"),
              parameter(
                  "holdout_calibration_shift",
                  "the log-odds shift that makes the held-out expected non-return match what"
                      + " happened"),
              parameter(
                  "holdout_applied_shift",
                  "half of it: the shift applied to the chosen model's predictions in the return"
                      + " window (METHODS.md, \"Choosing the model\")"),
              parameter(
                  "holdout_applied_log_score",
                  "the held-out log score at the applied shift; the highest is chosen"),
              parameter(
                  "holdout_first_half_shift",
                  "the same shift fitted on the first half of the held-out window only"),
              parameter(
                  "holdout_shift_sd",
                  "uncertainty of the applied shift in the return window: half the held-out"
                      + " shift, the distance between the two shifts and the shift's sampling error,"
                      + " in quadrature")));

  static final OutputTable DEFECTION_EVALUATION =
      new OutputTable(
          "defection_evaluation",
          DEFECTION,
          "one row per measure",
          "As impact_evaluation, with the oracle rows (METHODS.md).",
          GENERATED_ONLY,
          true,
          evaluation());
}

package dev.aftermath.tables;

import static dev.aftermath.tables.ContractTerms.ALWAYS;
import static dev.aftermath.tables.ContractTerms.COUNT;
import static dev.aftermath.tables.ContractTerms.CURRENCY;
import static dev.aftermath.tables.ContractTerms.DOUBLE;
import static dev.aftermath.tables.ContractTerms.EXPOSURE;
import static dev.aftermath.tables.ContractTerms.INDUSTRY;
import static dev.aftermath.tables.ContractTerms.INT;
import static dev.aftermath.tables.ContractTerms.LONG;
import static dev.aftermath.tables.ContractTerms.MERCHANT_ID;
import static dev.aftermath.tables.ContractTerms.NONE;
import static dev.aftermath.tables.ContractTerms.SHARE;
import static dev.aftermath.tables.ContractTerms.concat;
import static dev.aftermath.tables.ContractTerms.id;
import static dev.aftermath.tables.OutputColumn.of;

import java.util.List;

/** The liability-exposure stage's tables. Part of {@link OutputTables}. */
final class ExposureContracts {
  private ExposureContracts() {}

  static List<OutputColumn> exposures() {
    return List.of(
        of(
            "exposure_contract_cap",
            DOUBLE,
            CURRENCY,
            "what remains claimable after the payout under the contract cap: E[max(0, claimable − payout)]"
                + " over the loss estimates' spread"),
        of(
            "exposure_foreseeable",
            DOUBLE,
            CURRENCY,
            "what remains claimable after the payout under foreseeable loss: E[max(0, claimable − payout)]"
                + " over the loss estimates' spread"),
        of(
            "exposure_full",
            DOUBLE,
            CURRENCY,
            "what remains claimable after the payout under full loss: E[max(0, claimable − payout)]"
                + " over the loss estimates' spread"),
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
                  "share of draws whose total exceeds fund_remaining"),
              of(
                  "tvar90",
                  DOUBLE,
                  CURRENCY,
                  "expected shortfall (TVaR) at 90%: the mean of the worst 10% of totals"),
              of(
                  "tvar99",
                  DOUBLE,
                  CURRENCY,
                  "expected shortfall (TVaR) at 99%: the mean of the worst 1% of totals"),
              of(
                  "return_period_fund_remaining",
                  DOUBLE,
                  COUNT,
                  "1 / probability_exceeds_fund_remaining: the total exceeds what is left of the"
                      + " fund once in this many incidents like this one (empty if no draw did)")));

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
              of("probability", DOUBLE, SHARE, "the share of draws above it"),
              of(
                  "return_period",
                  DOUBLE,
                  COUNT,
                  "1 / probability: a total above x comes once in this many incidents like this"
                      + " one (empty where no draw is above x)")));

  static final OutputTable EXPOSURE_SENSITIVITY =
      new OutputTable(
          "exposure_sensitivity",
          EXPOSURE,
          "one row per weight of the claim-propensity model",
          "The total exposure under `liability.primary_regime` with one weight of"
              + " `liability.claims` set low and high, the others as the scenario sets them: the"
              + " intercept ±1, the per-log weights ×0.5 and ×1.5, each signal's weight ×0 and ×2."
              + " All variants share the same draws of the losses (the first `draws`), so their"
              + " differences are the weight's alone.",
          ALWAYS,
          true,
          List.of(
              id("parameter", "the setting varied, e.g. `liability.claims.intercept`"),
              of("value", DOUBLE, NONE, "its value in the scenario"),
              of("value_low", DOUBLE, NONE, "the low setting"),
              of("value_high", DOUBLE, NONE, "the high setting"),
              of("mean_low", DOUBLE, CURRENCY, "mean total exposure at the low setting"),
              of("mean_high", DOUBLE, CURRENCY, "mean total exposure at the high setting"),
              of("p90_low", DOUBLE, CURRENCY, "P90 of the total exposure at the low setting"),
              of("p90_high", DOUBLE, CURRENCY, "P90 at the high setting"),
              of("mean_base", DOUBLE, CURRENCY, "mean at the scenario's settings, same draws"),
              of("p90_base", DOUBLE, CURRENCY, "P90 at the scenario's settings, same draws"),
              of("draws", INT, COUNT, "draws of each variant")));

  static final OutputTable ASSUMPTION_SENSITIVITY =
      new OutputTable(
          "assumption_sensitivity",
          EXPOSURE,
          "one row per setting varied",
          "The run's totals with one setting low and high, the others as the scenario sets them:"
              + " every margin rate of `schemes.cash.margin_rates` ×0.8 and ×1.2 (value 1, a"
              + " factor), `defection.grace_days` halved and doubled,"
              + " `defection.value_horizon_months` halved and doubled. The stages that read the"
              + " setting run again for each variant (`stages_rerun`), reading the run's other"
              + " tables; their own tables are under `sensitivity/PARAMETER-low|high/`. The"
              + " exposure is the primary regime's, with the run's seed, so the variants share its"
              + " draws.",
          ContractTerms.WITH_SENSITIVITY,
          true,
          List.of(
              id("parameter", "the setting varied"),
              of("value", DOUBLE, NONE, "its value in the scenario (1 for a factor)"),
              of("value_low", DOUBLE, NONE, "the low setting"),
              of("value_high", DOUBLE, NONE, "the high setting"),
              of(
                  "loss_low",
                  DOUBLE,
                  CURRENCY,
                  "the merchants' total loss at the low setting (scheme_summary, chosen,"
                      + " total_loss_estimate)"),
              of("loss_base", DOUBLE, CURRENCY, "the same in the run"),
              of("loss_high", DOUBLE, CURRENCY, "the same at the high setting"),
              of(
                  "payout_low",
                  DOUBLE,
                  CURRENCY,
                  "the chosen payouts' total at the low setting (scheme_summary, chosen,"
                      + " total_payout)"),
              of("payout_base", DOUBLE, CURRENCY, "the same in the run"),
              of("payout_high", DOUBLE, CURRENCY, "the same at the high setting"),
              of(
                  "exposure_mean_low",
                  DOUBLE,
                  CURRENCY,
                  "mean total exposure under `liability.primary_regime` at the low setting"),
              of("exposure_mean_base", DOUBLE, CURRENCY, "the same in the run"),
              of("exposure_mean_high", DOUBLE, CURRENCY, "the same at the high setting"),
              of("exposure_p90_low", DOUBLE, CURRENCY, "its P90 at the low setting"),
              of("exposure_p90_base", DOUBLE, CURRENCY, "the same in the run"),
              of("exposure_p90_high", DOUBLE, CURRENCY, "the same at the high setting"),
              id("stages_rerun", "the stages run again for each variant")));

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
                  of(
                      "foreseeable_loss",
                      DOUBLE,
                      CURRENCY,
                      "E[max(0, lost margin)] over the estimate's spread"),
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
}

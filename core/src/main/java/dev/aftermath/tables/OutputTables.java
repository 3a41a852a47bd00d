package dev.aftermath.tables;

import static dev.aftermath.tables.CompanyContracts.COMPANY_IMPACT;
import static dev.aftermath.tables.CompanyContracts.EVENT_STUDY;
import static dev.aftermath.tables.CompanyContracts.SHARE_PATH;
import static dev.aftermath.tables.DailyContracts.MERCHANT_DAY;
import static dev.aftermath.tables.DailyContracts.MERCHANT_HOUR;
import static dev.aftermath.tables.DefectionContracts.BGNBD_FITS;
import static dev.aftermath.tables.DefectionContracts.CUSTOMER_DEFECTION;
import static dev.aftermath.tables.DefectionContracts.DEFECTION_EVALUATION;
import static dev.aftermath.tables.DefectionContracts.DEFECTION_TOTALS;
import static dev.aftermath.tables.DefectionContracts.MERCHANT_DEFECTION;
import static dev.aftermath.tables.ExposureContracts.ASSUMPTION_SENSITIVITY;
import static dev.aftermath.tables.ExposureContracts.EXPOSURE_DISTRIBUTION;
import static dev.aftermath.tables.ExposureContracts.EXPOSURE_SENSITIVITY;
import static dev.aftermath.tables.ExposureContracts.LOSS_EXCEEDANCE;
import static dev.aftermath.tables.ExposureContracts.MERCHANT_EXPOSURE;
import static dev.aftermath.tables.ExposureContracts.TOP_EXPOSURES;
import static dev.aftermath.tables.IngestedInputContracts.CHURN_SIGNALS;
import static dev.aftermath.tables.IngestedInputContracts.INDUSTRY_INDEX;
import static dev.aftermath.tables.IngestedInputContracts.MEMBERS;
import static dev.aftermath.tables.IngestedInputContracts.MERCHANTS;
import static dev.aftermath.tables.IngestedInputContracts.ORDERS;
import static dev.aftermath.tables.IngestedInputContracts.SHARE_PRICES;
import static dev.aftermath.tables.IngestionRecordContracts.DUPLICATES;
import static dev.aftermath.tables.IngestionRecordContracts.QUARANTINE;
import static dev.aftermath.tables.LostRevenueContracts.BACKTEST;
import static dev.aftermath.tables.LostRevenueContracts.BASELINE_COMPARISON;
import static dev.aftermath.tables.LostRevenueContracts.IMPACT_EVALUATION;
import static dev.aftermath.tables.LostRevenueContracts.IMPACT_PRIORS;
import static dev.aftermath.tables.LostRevenueContracts.IMPACT_TOTALS;
import static dev.aftermath.tables.LostRevenueContracts.MERCHANT_DAY_COUNTERFACTUAL;
import static dev.aftermath.tables.LostRevenueContracts.MERCHANT_LOSS;
import static dev.aftermath.tables.LostRevenueContracts.PLACEBO_TOTALS;
import static dev.aftermath.tables.MerchantImpactContract.MERCHANT_IMPACT;
import static dev.aftermath.tables.PayoutSchemeContracts.FUND_ALLOCATION;
import static dev.aftermath.tables.PayoutSchemeContracts.MERCHANT_PAYOUT;
import static dev.aftermath.tables.PayoutSchemeContracts.SCHEME_FAIRNESS;
import static dev.aftermath.tables.PayoutSchemeContracts.SCHEME_FRONTIER;
import static dev.aftermath.tables.PayoutSchemeContracts.SCHEME_SUMMARY;
import static dev.aftermath.tables.RunRecordContracts.CASE_NOTES;
import static dev.aftermath.tables.ScenarioContracts.INCIDENT_TIMELINE;
import static dev.aftermath.tables.ScenarioContracts.SCENARIO_ASSUMPTIONS;

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
          BACKTEST,
          PLACEBO_TOTALS,
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
          SCHEME_FRONTIER,
          MERCHANT_EXPOSURE,
          EXPOSURE_DISTRIBUTION,
          LOSS_EXCEEDANCE,
          EXPOSURE_SENSITIVITY,
          ASSUMPTION_SENSITIVITY,
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
}

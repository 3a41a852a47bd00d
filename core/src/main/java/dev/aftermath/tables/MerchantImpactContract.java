package dev.aftermath.tables;

import static dev.aftermath.tables.ContractTerms.ALWAYS;
import static dev.aftermath.tables.ContractTerms.WHOLE_CASE;
import static dev.aftermath.tables.ContractTerms.concat;
import static dev.aftermath.tables.DefectionContracts.MERCHANT_DEFECTION;
import static dev.aftermath.tables.ExposureContracts.MERCHANT_EXPOSURE;
import static dev.aftermath.tables.LostRevenueContracts.MERCHANT_LOSS;
import static dev.aftermath.tables.PayoutSchemeContracts.MERCHANT_PAYOUT;

/** merchant_impact: the stages' per-merchant tables side by side. Part of {@link OutputTables}. */
final class MerchantImpactContract {
  private MerchantImpactContract() {}

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
}

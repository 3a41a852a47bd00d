package dev.aftermath.tables;

import static dev.aftermath.tables.ContractTerms.ALWAYS;
import static dev.aftermath.tables.ContractTerms.BOOLEAN;
import static dev.aftermath.tables.ContractTerms.CENTS;
import static dev.aftermath.tables.ContractTerms.COUNT;
import static dev.aftermath.tables.ContractTerms.CURRENCY;
import static dev.aftermath.tables.ContractTerms.DAILY;
import static dev.aftermath.tables.ContractTerms.DATE;
import static dev.aftermath.tables.ContractTerms.INT;
import static dev.aftermath.tables.ContractTerms.LONG;
import static dev.aftermath.tables.ContractTerms.MERCHANT_ID;
import static dev.aftermath.tables.ContractTerms.NONE;
import static dev.aftermath.tables.ContractTerms.concat;
import static dev.aftermath.tables.OutputColumn.of;

import java.util.List;

/** Sales per merchant and day and per merchant and hour. Part of {@link OutputTables}. */
final class DailyContracts {
  private DailyContracts() {}

  static List<OutputColumn> dayFigures() {
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
}

package dev.aftermath.tables;

import static dev.aftermath.tables.ContractTerms.ALWAYS;
import static dev.aftermath.tables.ContractTerms.BOOLEAN;
import static dev.aftermath.tables.ContractTerms.CURRENCY;
import static dev.aftermath.tables.ContractTerms.DATE;
import static dev.aftermath.tables.ContractTerms.DOUBLE;
import static dev.aftermath.tables.ContractTerms.INDEX;
import static dev.aftermath.tables.ContractTerms.INDUSTRY;
import static dev.aftermath.tables.ContractTerms.INGESTED;
import static dev.aftermath.tables.ContractTerms.MERCHANT_ID;
import static dev.aftermath.tables.ContractTerms.MONEY;
import static dev.aftermath.tables.ContractTerms.NONE;
import static dev.aftermath.tables.ContractTerms.PERCENT;
import static dev.aftermath.tables.ContractTerms.POINTS;
import static dev.aftermath.tables.ContractTerms.PRICE;
import static dev.aftermath.tables.ContractTerms.TIMESTAMP;
import static dev.aftermath.tables.ContractTerms.id;
import static dev.aftermath.tables.OutputColumn.of;

import java.util.List;

/** The ingested inputs' typed copies. Part of {@link OutputTables}. */
final class IngestedInputContracts {
  private IngestedInputContracts() {}

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
}

package dev.aftermath.ingest;

import static dev.aftermath.ingest.ColumnSpec.optional;
import static dev.aftermath.ingest.ColumnSpec.required;
import static dev.aftermath.ingest.ColumnType.BOOLEAN;
import static dev.aftermath.ingest.ColumnType.DATE;
import static dev.aftermath.ingest.ColumnType.DECIMAL;
import static dev.aftermath.ingest.ColumnType.REAL;
import static dev.aftermath.ingest.ColumnType.STRING;
import static dev.aftermath.ingest.ColumnType.TIMESTAMP;

import java.util.List;

/** The input tables of an incident case, as ../shared/CONTRACT.md defines them. */
public final class InputTables {
  private InputTables() {}

  public static final TableSpec MERCHANTS =
      new TableSpec(
          "merchants",
          List.of(
              required("merchant_id", STRING),
              required("name", STRING),
              required("industry", STRING),
              required("signup_date", DATE),
              required("monthly_fee", DECIMAL, Check.NON_NEGATIVE),
              required("ad_eligible", BOOLEAN),
              required("data_recovered_pct", REAL, Check.PERCENT),
              optional("left_platform_at", DATE)),
          true,
          List.of("merchant_id"));

  public static final TableSpec ORDERS =
      new TableSpec(
          "orders",
          List.of(
              required("order_id", STRING),
              required("merchant_id", STRING, Check.KNOWN_MERCHANT),
              optional("customer_id", STRING),
              required("created_at", TIMESTAMP),
              required("amount", DECIMAL, Check.NON_NEGATIVE),
              required("tax", DECIMAL, Check.NON_NEGATIVE),
              required("status", STRING, Check.ORDER_STATUS)),
          true,
          List.of("order_id"));

  public static final TableSpec CHURN_SIGNALS =
      new TableSpec(
          "churn_signals",
          List.of(
              required("ts", TIMESTAMP),
              required("merchant_id", STRING, Check.KNOWN_MERCHANT),
              optional("customer_id", STRING),
              required("signal", STRING),
              optional("value", DECIMAL)),
          false,
          List.of());

  public static final TableSpec MEMBERS =
      new TableSpec(
          "members",
          List.of(
              required("merchant_id", STRING, Check.KNOWN_MERCHANT),
              required("customer_id", STRING),
              required("balance", DECIMAL, Check.NON_NEGATIVE),
              required("points", DECIMAL, Check.NON_NEGATIVE),
              required("recovered", BOOLEAN)),
          false,
          List.of("merchant_id", "customer_id"));

  public static final TableSpec INDUSTRY_INDEX =
      new TableSpec(
          "industry_index",
          List.of(
              required("date", DATE),
              required("industry", STRING),
              required("index", REAL, Check.POSITIVE)),
          false,
          List.of("date", "industry"));

  public static final TableSpec SHARE_PRICES =
      new TableSpec(
          "share_prices",
          List.of(
              required("date", DATE),
              required("symbol", STRING),
              required("close", REAL, Check.POSITIVE)),
          false,
          List.of("date", "symbol"));

  /** All input tables, merchants first (the others are checked against it). */
  public static final List<TableSpec> ALL =
      List.of(MERCHANTS, ORDERS, CHURN_SIGNALS, MEMBERS, INDUSTRY_INDEX, SHARE_PRICES);
}

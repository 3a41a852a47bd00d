package dev.aftermath.tables;

import static dev.aftermath.tables.ContractTerms.ALWAYS;
import static dev.aftermath.tables.ContractTerms.COMPANY;
import static dev.aftermath.tables.ContractTerms.DATE;
import static dev.aftermath.tables.ContractTerms.DAYS;
import static dev.aftermath.tables.ContractTerms.DOUBLE;
import static dev.aftermath.tables.ContractTerms.INDEX;
import static dev.aftermath.tables.ContractTerms.INT;
import static dev.aftermath.tables.ContractTerms.NONE;
import static dev.aftermath.tables.ContractTerms.PRICE;
import static dev.aftermath.tables.ContractTerms.RATIO;
import static dev.aftermath.tables.ContractTerms.SHARE;
import static dev.aftermath.tables.ContractTerms.id;
import static dev.aftermath.tables.OutputColumn.of;

import java.util.List;

/** The company-impact stage's tables. Part of {@link OutputTables}. */
final class CompanyContracts {
  private CompanyContracts() {}

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
              id("value_currency", "the currency of market_value_change"),
              of(
                  "car_zero_alpha",
                  DOUBLE,
                  RATIO,
                  "cumulative abnormal return against the zero-alpha market model (α = 0)"),
              of("t_zero_alpha", DOUBLE, NONE, "t statistic of car_zero_alpha (kind `window`)"),
              of("p_zero_alpha", DOUBLE, SHARE, "two-sided p-value of it (kind `window`)"),
              of("beta_zero_alpha", DOUBLE, NONE, "the zero-alpha model's beta")));

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
}

package dev.aftermath.tables;

import static dev.aftermath.tables.ContractTerms.ALWAYS;
import static dev.aftermath.tables.ContractTerms.COUNT;
import static dev.aftermath.tables.ContractTerms.LONG;
import static dev.aftermath.tables.ContractTerms.RECORDS;
import static dev.aftermath.tables.ContractTerms.id;
import static dev.aftermath.tables.OutputColumn.of;

import java.util.List;

/** Records of the run: what the case leaves out. Part of {@link OutputTables}. */
final class RunRecordContracts {
  private RunRecordContracts() {}

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
}

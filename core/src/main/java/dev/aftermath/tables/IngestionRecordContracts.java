package dev.aftermath.tables;

import static dev.aftermath.tables.ContractTerms.ALWAYS;
import static dev.aftermath.tables.ContractTerms.INGESTION;
import static dev.aftermath.tables.ContractTerms.LONG;
import static dev.aftermath.tables.ContractTerms.NONE;
import static dev.aftermath.tables.ContractTerms.concat;
import static dev.aftermath.tables.ContractTerms.id;
import static dev.aftermath.tables.OutputColumn.of;

import java.util.List;

/**
 * What ingestion records: the quarantined rows and the dropped repeats. Part of {@link
 * OutputTables}.
 */
final class IngestionRecordContracts {
  private IngestionRecordContracts() {}

  /** Where a record was in the case: its table, file, and line (CSV) or row (Parquet). */
  private static List<OutputColumn> whereInTheCase() {
    return List.of(
        id("table", "input table"),
        id(
            "file",
            "file, relative to the case folder; for a table read from the database (sources.yaml)"
                + " its URL#table and the part of the snapshot"),
        of("line", LONG, NONE, "CSV line where the record starts (header = 1); empty for Parquet"),
        of("row_index", LONG, NONE, "Parquet row number within the file, from 1; empty for CSV"));
  }

  static final OutputTable QUARANTINE =
      new OutputTable(
          "quarantine",
          INGESTION,
          "one row per rejected input row",
          "",
          ALWAYS,
          true,
          concat(
              whereInTheCase(),
              List.of(
                  id(
                      "column",
                      "the offending column (empty for `WRONG_FIELD_COUNT`, `MALFORMED_CSV`)"),
                  id(
                      "value",
                      "the offending value as given (or the field counts, or the parser's message)"),
                  id("reason", "reason code (see the project README)"),
                  id(
                      "raw",
                      "the record's raw text (CSV) or its values joined by commas (Parquet); for a"
                          + " database row its key first (`order_id=…`), then ` | ` and its values"),
                  of(
                      "end_line",
                      LONG,
                      NONE,
                      "CSV line where the record ends: `line` for a one-line record, later when a"
                          + " quoted field carries it over line breaks, the file's last line with text"
                          + " for `MALFORMED_CSV`; empty for Parquet"))));

  static final OutputTable DUPLICATES =
      new OutputTable(
          "duplicates",
          INGESTION,
          "one row per row dropped as a repeat",
          "The first occurrence of a key is kept.",
          ALWAYS,
          true,
          concat(whereInTheCase(), List.of(id("key", "the repeated key, parts joined by `|`"))));
}

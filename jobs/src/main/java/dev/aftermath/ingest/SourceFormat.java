package dev.aftermath.ingest;

/** How an input table is stored. */
public enum SourceFormat {
  CSV,
  PARQUET
}

package dev.aftermath.ingest;

/** How an input table is stored. */
public enum SourceFormat {
  CSV,
  PARQUET,
  /** A table of the platform's database ({@code sources.yaml}), read into a snapshot first. */
  DATABASE
}

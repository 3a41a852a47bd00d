package dev.aftermath.generate;

/** The file format of a generated case. */
public enum CaseFormat {
  PARQUET,
  CSV
}

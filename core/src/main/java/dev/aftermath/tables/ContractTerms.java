package dev.aftermath.tables;

import static dev.aftermath.tables.OutputColumn.of;

import java.util.ArrayList;
import java.util.List;

/** What the output contracts share: types as Spark writes them, units, sections, common columns. */
final class ContractTerms {
  private ContractTerms() {}

  // types as Spark writes them
  static final String STRING = "string";
  static final String LONG = "long";
  static final String INT = "int";
  static final String DOUBLE = "double";
  static final String BOOLEAN = "boolean";
  static final String DATE = "date";
  static final String TIMESTAMP = "timestamp";
  static final String MONEY = "decimal(18,4)";
  static final String CENTS = "decimal(18,2)";

  // units
  static final String NONE = "none";
  static final String CURRENCY = "currency";
  static final String COUNT = "count";
  static final String SHARE = "share";
  static final String RATIO = "ratio";
  static final String PERCENT = "percent";
  static final String DAYS = "days";
  static final String HOURS = "hours";
  static final String INDEX = "index";
  static final String PRICE = "price";
  static final String POINTS = "points";
  static final String PER_YEAR = "per year";

  static final String ALWAYS = "";
  static final String GENERATED_ONLY = "generated cases only";
  static final String WITH_PLACEBO = "runs with `--with-placebo` only";
  static final String WITH_SENSITIVITY = "runs with `--with-sensitivity` only";

  static final String INGESTED = "Ingested inputs";
  static final String INGESTION = "Ingestion records";
  static final String DAILY = "Sales per day and hour (`daily/`)";
  static final String IMPACT = "Lost revenue (`impact/`)";
  static final String DEFECTION = "Customer defection (`defection/`, `clv/`)";
  static final String SCHEMES = "Payout schemes (`schemes/`)";
  static final String EXPOSURE = "Liability exposure (`exposure/`)";
  static final String WHOLE_CASE = "A merchant's whole case";
  static final String COMPANY = "Company impact (`company/`)";
  static final String SCENARIO = "The scenario";
  static final String RECORDS = "Run records";

  static OutputColumn id(String name, String meaning) {
    return of(name, STRING, NONE, meaning);
  }

  static final OutputColumn MERCHANT_ID = id("merchant_id", "");
  static final OutputColumn INDUSTRY = id("industry", "");

  @SafeVarargs
  static List<OutputColumn> concat(List<OutputColumn>... parts) {
    List<OutputColumn> all = new ArrayList<>();
    for (List<OutputColumn> p : parts) {
      all.addAll(p);
    }
    return List.copyOf(all);
  }
}

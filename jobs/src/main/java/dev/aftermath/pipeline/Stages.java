package dev.aftermath.pipeline;

import dev.aftermath.company.CompanyImpactJob;
import dev.aftermath.daily.MerchantDayJob;
import dev.aftermath.defection.CustomerDefectionJob;
import dev.aftermath.exposure.LiabilityExposureJob;
import dev.aftermath.impact.LostRevenueJob;
import dev.aftermath.ingest.IngestJob;
import dev.aftermath.ingest.IngestResult;
import dev.aftermath.ingest.InputTables;
import dev.aftermath.ingest.TableSpec;
import dev.aftermath.schemes.PayoutSchemesJob;
import dev.aftermath.schemes.SchemeFrontierJob;
import dev.aftermath.stage.JobStage;
import dev.aftermath.stage.Stage;
import dev.aftermath.stage.StageContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stages of a run, in the order they run, each with the tables it needs, may read and writes.
 * {@code validate} runs the first two; {@code run} runs them all and then renders the reports (a
 * stage the command adds, since the reports are another module). ARCHITECTURE.md shows this list as
 * a table (checked by a test).
 */
public final class Stages {
  private Stages() {}

  /** The case's input tables as ingestion writes them: the mandatory ones and the optional ones. */
  static final List<String> MANDATORY_INPUTS =
      InputTables.ALL.stream().filter(TableSpec::mandatory).map(TableSpec::name).toList();

  static final List<String> OPTIONAL_INPUTS =
      InputTables.ALL.stream().filter(s -> !s.mandatory()).map(TableSpec::name).toList();

  /** Checks and types the inputs; quarantines bad rows, drops repeats. */
  public static final Stage INGESTION =
      new JobStage(
          "ingestion",
          List.of(),
          List.of(),
          concat(MANDATORY_INPUTS, OPTIONAL_INPUTS, List.of("quarantine", "duplicates")),
          Stages::ingest);

  /** What the case leaves out (industries, merchants without orders). */
  public static final Stage CASE_NOTES =
      new JobStage(
          "case notes",
          List.of("merchants", "orders"),
          List.of("industry_index"),
          List.of("case_notes"),
          c ->
              Map.of(
                  "case_notes",
                  c.progress()
                      .stage(
                          "case notes",
                          () ->
                              c.writer()
                                  .result(
                                      "case_notes",
                                      CaseNotes.of(
                                          c.spark(),
                                          c.scenario(),
                                          c.writer().read("merchants"),
                                          c.writer().read("orders"),
                                          c.writer().exists("industry_index")
                                              ? c.writer().read("industry_index")
                                              : null)))));

  /** The scenario's values and the outage timeline as tables. */
  public static final Stage SCENARIO =
      new JobStage(
          "scenario",
          List.of(),
          List.of(),
          List.of("scenario_assumptions", "incident_timeline"),
          Stages::scenarioTables);

  public static final Stage MERCHANT_DAY =
      new JobStage(
          "merchant-day",
          List.of("orders", "merchants"),
          List.of(),
          List.of("merchant_day", "merchant_hour"),
          c -> new MerchantDayJob(c).run());

  public static final Stage DEFECTION =
      new JobStage(
          "customer defection",
          List.of("merchants", "orders"),
          List.of("industry_index", "churn_signals", "members"),
          List.of(
              "bgnbd_fits",
              "customer_defection",
              "merchant_defection",
              "defection_totals",
              "defection_evaluation"),
          c -> new CustomerDefectionJob(c).run());

  public static final Stage LOST_REVENUE =
      new JobStage(
          "lost revenue",
          List.of("merchants", "orders", "merchant_day", "merchant_hour"),
          List.of("industry_index"),
          List.of(
              "impact_priors",
              "backtest",
              "merchant_loss",
              "impact_totals",
              "baseline_comparison",
              "impact_evaluation",
              "merchant_day_counterfactual"),
          c -> new LostRevenueJob(c).run());

  public static final Stage SCHEMES =
      new JobStage(
          "payout schemes",
          List.of(
              "merchants",
              "orders",
              "merchant_day",
              "merchant_day_counterfactual",
              "merchant_loss",
              "merchant_defection"),
          List.of(),
          List.of("merchant_payout", "scheme_summary", "scheme_fairness", "fund_allocation"),
          c -> new PayoutSchemesJob(c).run());

  /** What the liability model ({@code dev.aftermath.liability}) reads of a run. */
  static final List<String> LIABILITY_MODEL_READS =
      List.of(
          "merchants",
          "merchant_loss",
          "merchant_defection",
          "merchant_payout",
          "impact_totals",
          "defection_totals");

  /** The compensation frontier: the payout rules making most merchants whole at each cost. */
  public static final Stage FRONTIER =
      new JobStage(
          "scheme frontier",
          LIABILITY_MODEL_READS,
          List.of("churn_signals"),
          List.of("scheme_frontier"),
          c -> new SchemeFrontierJob(c).run());

  public static final Stage EXPOSURE =
      new JobStage(
          "liability exposure",
          LIABILITY_MODEL_READS,
          List.of("churn_signals", "fund_allocation"),
          List.of(
              "merchant_exposure",
              "exposure_distribution",
              "loss_exceedance",
              "exposure_sensitivity",
              "top_exposures"),
          c -> new LiabilityExposureJob(c).run());

  /** The wide per-merchant table, assembled once from the stages' own per-merchant tables. */
  public static final Stage MERCHANT_IMPACT =
      new JobStage(
          "merchant impact",
          MerchantImpactAssembly.PARTS,
          List.of(),
          List.of("merchant_impact"),
          c -> MerchantImpactAssembly.run(c.writer()));

  public static final Stage COMPANY =
      new JobStage(
          "company impact",
          List.of("merchants", "merchant_payout"),
          List.of("churn_signals", "share_prices"),
          List.of("company_impact", "event_study", "share_path"),
          c -> new CompanyImpactJob(c).run());

  /**
   * The placebo in the same run ({@code run --with-placebo}): lost revenue and defection again with
   * the outage moved to {@code at} (null: {@link PlaceboRun#DEFAULT_DAYS_EARLIER} days earlier),
   * written as {@code placebo_totals}.
   */
  public static Stage placebo(java.time.LocalDateTime at) {
    return new JobStage(
        "placebo",
        List.of("merchants", "orders", "merchant_day", "merchant_hour"),
        List.of("industry_index", "churn_signals", "members"),
        List.of("placebo_totals"),
        c -> PlaceboRun.run(c, at != null ? at : PlaceboRun.defaultStart(c.scenario())));
  }

  /**
   * The assumptions' sensitivity in the same run ({@code run --with-sensitivity}): the stages that
   * read the margin rates, the grace days and the value horizon again with each set low and high,
   * their totals written as {@code assumption_sensitivity}.
   */
  public static Stage sensitivity() {
    return new JobStage(
        "sensitivity",
        concat(
            List.of("merchants", "orders", "merchant_day", "merchant_hour"),
            List.of("merchant_day_counterfactual", "merchant_loss", "merchant_defection"),
            List.of("merchant_payout", "scheme_summary", "fund_allocation"),
            List.of("impact_totals", "defection_totals", "exposure_distribution")),
        List.of("industry_index", "churn_signals", "members"),
        List.of("assumption_sensitivity"),
        c -> SensitivityRun.run(c, SensitivityRun.of(c.scenario())));
  }

  /** The default start of {@link #placebo}'s outage for {@code scenario}. */
  public static java.time.LocalDateTime defaultPlaceboStart(
      dev.aftermath.scenario.Scenario scenario) {
    return PlaceboRun.defaultStart(scenario);
  }

  /** What {@code validate} runs. */
  public static List<Stage> validation() {
    return List.of(INGESTION, CASE_NOTES);
  }

  /** What {@code run} runs before the reports, in order. */
  public static List<Stage> analysis() {
    return List.of(
        INGESTION,
        CASE_NOTES,
        SCENARIO,
        MERCHANT_DAY,
        DEFECTION,
        LOST_REVENUE,
        SCHEMES,
        FRONTIER,
        EXPOSURE,
        MERCHANT_IMPACT,
        COMPANY);
  }

  private static Map<String, Long> ingest(StageContext c) {
    IngestResult result =
        new IngestJob(c.spark(), c.layout(), c.writer(), c.progress(), c.maxQuarantinedPct()).run();
    c.ingested(result);
    return result.tablesWritten();
  }

  private static Map<String, Long> scenarioTables(StageContext c) {
    Map<String, Long> written = new LinkedHashMap<>();
    if (c.layout().scenarioText() != null) {
      written.put(
          "scenario_assumptions",
          c.writer()
              .result(
                  "scenario_assumptions",
                  ScenarioTables.assumptions(c.spark(), c.layout().scenarioText(), c.scenario())));
    }
    written.put(
        "incident_timeline",
        c.writer().result("incident_timeline", ScenarioTables.timeline(c.spark(), c.scenario())));
    return written;
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    List<String> all = new ArrayList<>();
    for (List<String> l : lists) {
      all.addAll(l);
    }
    return all;
  }
}

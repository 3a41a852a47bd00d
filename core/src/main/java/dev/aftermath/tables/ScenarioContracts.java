package dev.aftermath.tables;

import static dev.aftermath.tables.ContractTerms.ALWAYS;
import static dev.aftermath.tables.ContractTerms.BOOLEAN;
import static dev.aftermath.tables.ContractTerms.DOUBLE;
import static dev.aftermath.tables.ContractTerms.HOURS;
import static dev.aftermath.tables.ContractTerms.INT;
import static dev.aftermath.tables.ContractTerms.NONE;
import static dev.aftermath.tables.ContractTerms.SCENARIO;
import static dev.aftermath.tables.ContractTerms.TIMESTAMP;
import static dev.aftermath.tables.ContractTerms.id;
import static dev.aftermath.tables.OutputColumn.of;

import java.util.List;

/** The scenario as tables. Part of {@link OutputTables}. */
final class ScenarioContracts {
  private ScenarioContracts() {}

  static final OutputTable SCENARIO_ASSUMPTIONS =
      new OutputTable(
          "scenario_assumptions",
          SCENARIO,
          "one row per value the run used: those of `scenario.yaml`, then the engine's defaults"
              + " for the settings it leaves out",
          "",
          "when the run has a scenario file",
          true,
          List.of(
              id("key", "its path"),
              id("value", ""),
              id("note", ""),
              of(
                  "assumption",
                  BOOLEAN,
                  NONE,
                  "true for a modelling assumption, false for a fact of the case"),
              id("origin", "`scenario` (written in scenario.yaml) or `engine default`"),
              id("note_zh", "the note in Chinese (after ` | zh: ` in the comment; else `note`)")));

  static final OutputTable INCIDENT_TIMELINE =
      new OutputTable(
          "incident_timeline",
          SCENARIO,
          "one row per phase",
          "",
          ALWAYS,
          true,
          List.of(
              of("phase", INT, NONE, "0 = the whole outage, then its phases in order"),
              of("from", TIMESTAMP, NONE, "start, local time"),
              of("to", TIMESTAMP, NONE, "end, local time"),
              of("hours", DOUBLE, HOURS, "its length"),
              id("label", ""),
              id("label_zh", "the label in Chinese (`label_zh` of the phase; else `label`)")));
}

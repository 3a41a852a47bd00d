package dev.aftermath.scenario;

import dev.aftermath.InvalidCaseException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads {@code scenario.yaml} into a {@link Scenario}, collecting every problem before failing.
 * YAML 1.2 core schema: timestamps stay text and are parsed in the scenario's time zone. Each
 * section is read beside the record it makes ({@code Outage.read}, {@code CashPlanTerms.read}, …)
 * with the typed getters of {@link ScenarioYaml}; this class reads the top-level keys and passes
 * what one section needs of another (the time zone, the outage's start and phases).
 */
public final class ScenarioLoader {
  private ScenarioLoader() {}

  /** Parses the YAML text of {@code file}; throws {@link InvalidCaseException} listing problems. */
  public static Scenario parse(String yamlText, String file) {
    Object doc;
    try {
      doc = new Load(LoadSettings.builder().setLabel(file).build()).loadFromString(yamlText);
    } catch (YamlEngineException e) {
      throw new InvalidCaseException(file + ": not valid YAML: " + e.getMessage().strip());
    }
    if (!(doc instanceof Map<?, ?> root)) {
      throw new InvalidCaseException(file + ": expected a mapping of keys at the top level");
    }
    ScenarioYaml yaml = new ScenarioYaml(file);
    Map<String, Object> top = ScenarioYaml.asMap(root);
    String name = yaml.text(top, "name", true);
    ZoneId zone = yaml.zone(top, "timezone");
    String currency = yaml.text(top, "currency", true);
    Outage outage = Outage.read(yaml, top, zone);
    AnalysisWindow analysis = AnalysisWindow.read(yaml, top, outage);

    Map<String, Object> schemes = yaml.map(top, "schemes", true);
    CashPlanTerms cash = CashPlanTerms.read(yaml, schemes, zone, outage.start());
    TrafficPlanTerms traffic = TrafficPlanTerms.read(yaml, schemes);
    PayoutSchemes payoutSchemes = PayoutSchemes.read(yaml, schemes, zone, outage.phases().size());

    DefectionTerms defection = DefectionTerms.read(yaml, top);
    LiabilityTerms liability = LiabilityTerms.read(yaml, top);
    EventStudyTerms eventStudy = EventStudyTerms.read(yaml, top, outage.start());
    Optional<Fund> fund = Fund.read(yaml, top);
    Optional<ShareSymbols> share = ShareSymbols.read(yaml, top);
    checkPlatform(yaml, top);
    yaml.failIfAnyProblem();
    return new Scenario(
        name,
        zone,
        currency,
        outage,
        analysis,
        cash,
        traffic,
        payoutSchemes,
        defection,
        liability,
        eventStudy,
        fund,
        share,
        top,
        Optional.empty());
  }

  /**
   * Key {@code platform.merchants} (optional; the reports' scope): the merchants on the whole
   * platform, of which the case may hold a sample; a whole number of at least one.
   */
  private static void checkPlatform(ScenarioYaml yaml, Map<String, Object> top) {
    Double merchants = yaml.number(yaml.map(top, "platform", false), "platform.merchants", false);
    if (merchants != null && (merchants != Math.rint(merchants) || merchants < 1)) {
      yaml.problem(
          "platform.merchants", "'" + merchants + "' must be a whole number of at least 1");
    }
  }
}

package dev.aftermath.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The Weimob demo scenario and its quoted public facts (notebooks-data/scenario.yaml and
 * facts.yaml), carried inside the core jar so that every module and every command can reach them.
 */
public final class BundledScenario {
  /** The bundled Weimob scenario (notebooks-data/scenario.yaml). */
  public static final String SCENARIO_RESOURCE = "/dev/aftermath/demo/scenario.yaml";

  /** The bundled facts about the Weimob incident, written beside a case generated from it. */
  public static final String FACTS_RESOURCE = "/dev/aftermath/demo/facts.yaml";

  private BundledScenario() {}

  /** The text of the bundled scenario. */
  public static String scenarioText() {
    return bundled(SCENARIO_RESOURCE);
  }

  /** The text of the bundled facts file. */
  public static String factsText() {
    return bundled(FACTS_RESOURCE);
  }

  private static String bundled(String resource) {
    try (InputStream in = BundledScenario.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the bundled " + resource + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

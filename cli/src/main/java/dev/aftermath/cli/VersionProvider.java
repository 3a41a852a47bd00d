package dev.aftermath.cli;

import dev.aftermath.pipeline.Pipeline;
import picocli.CommandLine.IVersionProvider;

/** The version the build stamped into the jar. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return Pipeline.engineVersion().replace(" (", "\n").replace(")", "").split("\n");
  }
}

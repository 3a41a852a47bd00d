package dev.aftermath.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version the build stamped into the jar. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() throws IOException {
    Properties p = new Properties();
    try (InputStream in =
        VersionProvider.class.getResourceAsStream("/aftermath-version.properties")) {
      if (in != null) {
        p.load(in);
      }
    }
    return new String[] {
      "aftermath " + p.getProperty("version", "unknown"),
      "Spark "
          + org.apache.spark.package$.MODULE$.SPARK_VERSION()
          + ", Java "
          + System.getProperty("java.version")
    };
  }
}

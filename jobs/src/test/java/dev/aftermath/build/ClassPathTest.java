package dev.aftermath.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The jobs' class path (the same jars the launcher and the cluster jar carry) has one logging path:
 * each logging API class once, one SLF4J provider, no SLF4J 1 binding. Two copies of a class make
 * the loading order decide which one runs; the build's enforcer rules ban the usual culprits, this
 * checks the result. The build's {@code banDuplicateClasses} rule fails on any other class found
 * twice with different bytes; the one it lets through is pinned here.
 */
class ClassPathTest {
  private List<URL> copiesOf(String resource) throws IOException {
    return Collections.list(getClass().getClassLoader().getResources(resource));
  }

  @Test
  void eachLoggingApiClassIsThereOnce() throws IOException {
    for (String c :
        List.of(
            "org/slf4j/LoggerFactory.class",
            "org/apache/commons/logging/LogFactory.class",
            "org/apache/logging/log4j/LogManager.class",
            "org/apache/logging/log4j/core/LoggerContext.class",
            "org/apache/log4j/Logger.class")) {
      assertThat(copiesOf(c)).as(c).hasSize(1);
    }
  }

  @Test
  void oneSlf4jProviderAndNoSlf4j1Binding() throws IOException {
    assertThat(copiesOf("META-INF/services/org.slf4j.spi.SLF4JServiceProvider")).hasSize(1);
    assertThat(copiesOf("org/slf4j/impl/StaticLoggerBinder.class")).isEmpty();
    assertThat(copiesOf("ch/qos/logback/classic/Logger.class")).isEmpty();
  }

  /**
   * Spark 4.2 ships a patched {@code ResourceImpl} of datasketches-memory inside catalyst
   * (SPARK-53327) and deletes the original from its distribution; on our class path catalyst must
   * come first so Spark's copy is the one loaded, as under spark-submit.
   */
  @Test
  void sparksPatchedDatasketchesClassWins() throws IOException, ClassNotFoundException {
    List<URL> copies = copiesOf("org/apache/datasketches/memory/internal/ResourceImpl.class");
    assertThat(copies).hasSize(2);
    assertThat(copies.get(0).toString()).contains("spark-catalyst");
    assertThat(
            Class.forName(
                    "org.apache.datasketches.memory.internal.ResourceImpl",
                    false,
                    getClass().getClassLoader())
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toString())
        .contains("spark-catalyst");
  }
}

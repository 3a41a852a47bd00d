package dev.aftermath.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which module and package may depend on which (ARCHITECTURE.md): core depends on no other module
 * and not on Spark; reports on core only; jobs on core only; the stage packages do not import each
 * other; no package cycles. Read from each module's compiled classes.
 */
class ArchitectureTest {
  /** The packages of the stages, which share only through casedata, io, spark, stage and core. */
  static final List<String> STAGE_PACKAGES =
      List.of("ingest", "daily", "defection", "impact", "schemes", "exposure", "company");

  static JavaClasses core;
  static JavaClasses jobs;
  static JavaClasses reports;
  static JavaClasses cli;
  static JavaClasses all;

  @BeforeAll
  static void importModules() {
    core = classesOf("core");
    jobs = classesOf("jobs");
    reports = classesOf("reports");
    cli = new ClassFileImporter().importPath(Path.of("target", "classes"));
    assertThat(cli).as("classes of module cli").isNotEmpty();
    all =
        new ClassFileImporter()
            .importPaths(
                List.of(
                    classFolder("core"),
                    classFolder("jobs"),
                    classFolder("reports"),
                    Path.of("target", "classes")));
  }

  private static Path classFolder(String module) {
    return Path.of("..", module, "target", "classes");
  }

  private static JavaClasses classesOf(String module) {
    JavaClasses classes = new ClassFileImporter().importPath(classFolder(module));
    assertThat(classes).as("classes of module " + module).isNotEmpty();
    return classes;
  }

  private static DescribedPredicate<JavaClass> inModule(String name, JavaClasses module) {
    Set<String> names = module.stream().map(JavaClass::getName).collect(Collectors.toSet());
    return DescribedPredicate.describe("in module " + name, c -> names.contains(c.getName()));
  }

  @Test
  void coreDependsOnNoOtherModuleAndNotOnSpark() {
    noClasses()
        .should()
        .dependOnClassesThat(
            inModule("jobs", jobs).or(inModule("reports", reports)).or(inModule("cli", cli)))
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.spark..", "org.apache.hadoop..", "scala..")
        .check(core);
  }

  @Test
  void reportsDependOnCoreOnly() {
    noClasses()
        .should()
        .dependOnClassesThat(inModule("jobs", jobs).or(inModule("cli", cli)))
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.spark..", "org.apache.hadoop..", "scala..")
        .check(reports);
  }

  @Test
  void jobsDoNotDependOnReportsOrTheCommandLine() {
    noClasses()
        .should()
        .dependOnClassesThat(inModule("reports", reports).or(inModule("cli", cli)))
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage("freemarker..", "picocli..")
        .check(jobs);
  }

  @Test
  void stagePackagesDoNotImportEachOther() {
    for (String from : STAGE_PACKAGES) {
      List<String> others = new ArrayList<>();
      for (String to : STAGE_PACKAGES) {
        if (!to.equals(from)) {
          others.add("dev.aftermath." + to + "..");
        }
      }
      noClasses()
          .that()
          .resideInAPackage("dev.aftermath." + from + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(others.toArray(String[]::new))
          .check(jobs);
    }
  }

  @Test
  void whatStagesShareDependsOnNoStageButTheCaseStructure() {
    // stage.StageContext hands a stage the case's layout and records ingestion's counts, both
    // from ingest; nothing else that stages share may use a stage's package
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.aftermath.casedata..", "dev.aftermath.io..", "dev.aftermath.spark..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            STAGE_PACKAGES.stream().map(p -> "dev.aftermath." + p + "..").toArray(String[]::new))
        .check(jobs);
    noClasses()
        .that()
        .resideInAPackage("dev.aftermath.stage..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            STAGE_PACKAGES.stream()
                .filter(p -> !p.equals("ingest"))
                .map(p -> "dev.aftermath." + p + "..")
                .toArray(String[]::new))
        .check(jobs);
  }

  @Test
  void noPackageCycles() {
    slices().matching("dev.aftermath.(*)..").should().beFreeOfCycles().check(all);
  }
}

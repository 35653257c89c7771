package io.github.devtoolssessions.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules hold for the library, and each of them reports a violation on the fixtures
 * in package {@code fixtures}, which break them on purpose.
 */
class ArchitectureTest {

  private static final String LIBRARY = "io.github.devtoolssessions";
  private static final String FIXTURES = "fixtures";

  private static final JavaClasses LIBRARY_CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(LIBRARY);

  private static final JavaClasses FIXTURE_CLASSES =
      new ClassFileImporter().importPackages(FIXTURES);

  @Test
  void theLibraryIsImported() {
    assertThat(LIBRARY_CLASSES.containPackage(LIBRARY + ".core")).isTrue();
    assertThat(LIBRARY_CLASSES.containPackage(LIBRARY + ".api")).isTrue();
    assertThat(LIBRARY_CLASSES.containPackage(LIBRARY + ".transport.jdk")).isTrue();
    assertThat(LIBRARY_CLASSES.containPackage(LIBRARY + ".transport.apache")).isTrue();
    assertThat(LIBRARY_CLASSES.containPackage(LIBRARY + ".json.jackson")).isTrue();
    assertThat(LIBRARY_CLASSES.containPackage(LIBRARY + ".json.jsonb")).isTrue();
    assertThat(LIBRARY_CLASSES.containPackage(LIBRARY + ".testkit")).isTrue();
  }

  @Test
  void coreDependsOnJavaBaseOnly() {
    ArchitectureRules.coreDependsOnJavaBaseOnly(LIBRARY).check(LIBRARY_CLASSES);
  }

  @Test
  void adaptersDependOnCoreOnly() {
    ArchitectureRules.adaptersDependOnCoreOnly(LIBRARY).check(LIBRARY_CLASSES);
  }

  @Test
  void apiNamesNoAdapter() {
    ArchitectureRules.apiNamesNoAdapter(LIBRARY).check(LIBRARY_CLASSES);
  }

  @Test
  void noPackageCycles() {
    ArchitectureRules.noPackageCycles(LIBRARY).check(LIBRARY_CLASSES);
  }

  @Test
  void theCoreRuleCatchesACoreClassUsingJavaNetHttpOrAnotherModule() {
    EvaluationResult result =
        ArchitectureRules.coreDependsOnJavaBaseOnly(FIXTURES).evaluate(FIXTURE_CLASSES);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anyMatch(
            d -> d.contains("fixtures.core.CoreUsingHttpClient") && d.contains("java.net.http"))
        .anyMatch(d -> d.contains("fixtures.core.CoreUsingApi") && d.contains("fixtures.api"));
  }

  @Test
  void theAdapterRuleCatchesAnAdapterUsingApiOrAnotherAdapter() {
    EvaluationResult result =
        ArchitectureRules.adaptersDependOnCoreOnly(FIXTURES).evaluate(FIXTURE_CLASSES);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anyMatch(d -> d.contains("fixtures.transport.jdk.AdapterUsingApi"))
        .anyMatch(d -> d.contains("fixtures.json.jackson.AdapterUsingOtherAdapter"));
  }

  @Test
  void theApiRuleCatchesApiNamingAnAdapter() {
    EvaluationResult result =
        ArchitectureRules.apiNamesNoAdapter(FIXTURES).evaluate(FIXTURE_CLASSES);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anyMatch(d -> d.contains("fixtures.api.ApiNamingAdapter"));
  }

  @Test
  void theCycleRuleCatchesAPackageCycle() {
    JavaClasses cycle = new ClassFileImporter().importPackages(FIXTURES + ".cycle");
    EvaluationResult result = ArchitectureRules.noPackageCycles(FIXTURES).evaluate(cycle);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains("cycle.a").contains("cycle.b");
  }
}

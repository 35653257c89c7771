package io.github.devtoolssessions.it;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rules that keep the hexagon honest, written against a root package so that the same rules run
 * on the library ({@code io.github.devtoolssessions}) and on fixtures that break them on purpose,
 * which shows that each rule can fail.
 */
final class ArchitectureRules {

  /** The adapter packages below the root; each may see only core. */
  static final List<String> ADAPTERS =
      List.of("transport.jdk", "transport.apache", "json.jackson", "json.jsonb");

  private static final Set<String> JAVA_BASE_PACKAGES =
      ModuleLayer.boot().findModule("java.base").orElseThrow().getPackages();

  private ArchitectureRules() {}

  /** Classes of java.base, the only JDK module core may use (no java.net.http, no java.logging). */
  static DescribedPredicate<JavaClass> inJavaBase() {
    return DescribedPredicate.describe(
        "in module java.base",
        c -> {
          JavaClass base = c.getBaseComponentType();
          return base.isPrimitive() || JAVA_BASE_PACKAGES.contains(base.getPackageName());
        });
  }

  /** core depends on java.base and on itself, nothing else. */
  static ArchRule coreDependsOnJavaBaseOnly(String root) {
    return classes()
        .that()
        .resideInAPackage(root + ".core..")
        .should()
        .onlyDependOnClassesThat(
            inJavaBase().or(JavaClass.Predicates.resideInAPackage(root + ".core..")))
        .because("core is dependency-free: java.base only");
  }

  /** No adapter depends on api, testkit, cli or another adapter. */
  static ArchRule adaptersDependOnCoreOnly(String root) {
    List<ArchRule> rules = new ArrayList<>();
    for (String adapter : ADAPTERS) {
      List<String> forbidden = new ArrayList<>();
      for (String other : ADAPTERS) {
        if (!other.equals(adapter)) {
          forbidden.add(root + "." + other + "..");
        }
      }
      forbidden.add(root + ".api..");
      forbidden.add(root + ".testkit..");
      forbidden.add(root + ".cli..");
      rules.add(
          noClasses()
              .that()
              .resideInAPackage(root + "." + adapter + "..")
              .should()
              .dependOnClassesThat()
              .resideInAnyPackage(forbidden.toArray(String[]::new))
              .allowEmptyShould(true)
              .because("an adapter sees only core"));
    }
    CompositeArchRule all = CompositeArchRule.of(rules.get(0));
    for (ArchRule r : rules.subList(1, rules.size())) {
      all = all.and(r);
    }
    return all;
  }

  /** api finds adapters through ServiceLoader and never names one. */
  static ArchRule apiNamesNoAdapter(String root) {
    return noClasses()
        .that()
        .resideInAPackage(root + ".api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            ADAPTERS.stream().map(a -> root + "." + a + "..").toArray(String[]::new))
        .because("api finds adapters through ServiceLoader");
  }

  /** No package depends on itself through others. */
  static ArchRule noPackageCycles(String root) {
    return slices().matching(root + ".(**)").should().beFreeOfCycles();
  }
}

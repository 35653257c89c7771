package io.github.devtoolssessions.it.modulepath;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java examples in the README compile, as a user would paste them, on the class path and as
 * part of a named module on the module path. A README that drifts from the API fails the build.
 *
 * <p>Each {@code ```java} block is one example: its {@code import} lines become the imports of a
 * class of its own, the rest the body of a method that may throw. For the module path, the
 * example's module {@code requires} the module that holds each imported package, looked up in the
 * module path this test itself runs on (so a wrong {@code exports} in a module-info fails here).
 * javac runs as a child process of the same JDK, which keeps this module's own module-info free of
 * {@code java.compiler}.
 */
class ReadmeExamplesTest {

  private static final String FENCE_OPEN = "```java";
  private static final String FENCE_CLOSE = "```";

  private static List<Example> examples;
  private static List<Path> modulePath;
  private static List<Path> classPath;

  @BeforeAll
  static void readReadme() throws IOException {
    examples = Example.parse(Files.readAllLines(readme(), StandardCharsets.UTF_8));
    modulePath = paths(System.getProperty("jdk.module.path", ""));
    classPath = paths(System.getProperty("java.class.path", ""));
  }

  @Test
  void theReadmeHasExamplesForTheMainFeatures() {
    String all = examples.stream().map(Example::body).collect(Collectors.joining("\n"));
    assertThat(examples).hasSizeGreaterThanOrEqualTo(4);
    assertThat(all)
        .contains("DevtoolsSessionsClient.builder()")
        .contains("streamAll(")
        .contains("CallListener")
        .contains("FakeDevtoolsApi");
  }

  @Test
  void examplesCompileOnTheClassPath(@TempDir Path dir) throws Exception {
    List<Path> sources = new ArrayList<>();
    for (Example example : examples) {
      sources.add(example.writeTo(dir.resolve("src"), "readme.classpath"));
    }
    List<Path> everything = new ArrayList<>(modulePath);
    everything.addAll(classPath);
    List<String> args = new ArrayList<>(List.of("-classpath", join(everything)));
    compile(dir, args, sources);
  }

  @Test
  void examplesCompileInANamedModuleOnTheModulePath(@TempDir Path dir) throws Exception {
    // Libraries an example may import that are not among this module's own requirements (the
    // Micrometer timer of the listener example) come from the test class path, as modules.
    List<Path> path = new ArrayList<>(modulePath);
    classPath.stream()
        .filter(p -> p.getFileName().toString().matches("(micrometer|HdrHistogram|LatencyUtils).*"))
        .forEach(path::add);
    Map<String, String> moduleOfPackage = new LinkedHashMap<>();
    for (ModuleReference ref : ModuleFinder.of(path.toArray(Path[]::new)).findAll()) {
      ModuleDescriptor d = ref.descriptor();
      Stream<String> exported =
          d.isAutomatic()
              ? d.packages().stream()
              : d.exports().stream().filter(e -> !e.isQualified()).map(e -> e.source());
      exported.forEach(p -> moduleOfPackage.putIfAbsent(p, d.name()));
    }

    Path src = dir.resolve("src");
    List<Path> sources = new ArrayList<>();
    TreeSet<String> requires = new TreeSet<>();
    for (Example example : examples) {
      sources.add(example.writeTo(src, "readme.modulepath"));
      for (String pkg : example.importedPackages()) {
        if (pkg.startsWith("java.")) {
          continue;
        }
        String module = moduleOfPackage.get(pkg);
        assertThat(module)
            .as(
                "a module on the module path exporting %s, imported by example %d",
                pkg, example.n())
            .isNotNull();
        requires.add(module);
      }
    }
    Path moduleInfo = src.resolve("module-info.java");
    Files.writeString(
        moduleInfo,
        "module readme.examples {\n"
            + requires.stream().map(m -> "  requires " + m + ";\n").collect(Collectors.joining())
            + "}\n");
    sources.add(moduleInfo);
    List<String> args = new ArrayList<>(List.of("--module-path", join(path)));
    compile(dir, args, sources);
  }

  /** Runs javac; any error or warning fails the test, with javac's output and the sources. */
  private static void compile(Path dir, List<String> options, List<Path> sources)
      throws IOException, InterruptedException {
    Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
    List<String> argFile = new ArrayList<>(options);
    argFile.addAll(List.of("-d", dir.resolve("classes").toString(), "-proc:none", "-Xlint:all"));
    argFile.addAll(List.of("-Xlint:-requires-automatic", "-Xlint:-module", "-Werror"));
    sources.forEach(s -> argFile.add(s.toString()));
    Path args = dir.resolve("javac.args");
    Files.write(args, argFile.stream().map(ReadmeExamplesTest::quoted).toList());
    Process process =
        new ProcessBuilder(javac.toString(), "@" + args)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("javac.out").toFile())
            .start();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("javac finished").isTrue();
    String output = Files.readString(dir.resolve("javac.out"));
    StringBuilder shown = new StringBuilder();
    for (Path s : sources) {
      shown.append("\n--- ").append(s.getFileName()).append('\n').append(Files.readString(s));
    }
    assertThat(process.exitValue())
        .as("javac exit code; output:%n%s%nsources:%s", output, shown)
        .isZero();
    assertThat(output).as("javac output").isBlank();
  }

  private static String quoted(String arg) {
    return "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String join(List<Path> paths) {
    return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }

  private static List<Path> paths(String value) {
    return Arrays.stream(value.split(File.pathSeparator))
        .filter(s -> !s.isBlank())
        .map(Path::of)
        .filter(Files::exists)
        .toList();
  }

  /** The project's README: the first README.md found walking up from the working directory. */
  private static Path readme() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path candidate = d.resolve("README.md");
      if (Files.isRegularFile(candidate) && Files.exists(d.resolve("mvnw"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "no README.md next to mvnw above " + Path.of("").toAbsolutePath());
  }

  /** One {@code ```java} block of the README. */
  record Example(int n, int line, List<String> imports, String body) {

    static List<Example> parse(List<String> lines) {
      List<Example> found = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).strip().equals(FENCE_OPEN)) {
          continue;
        }
        int start = i + 1;
        List<String> imports = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (i = start; i < lines.size() && !lines.get(i).strip().equals(FENCE_CLOSE); i++) {
          String l = lines.get(i);
          if (l.startsWith("import ")) {
            imports.add(l);
          } else {
            body.append("    ").append(l).append('\n');
          }
        }
        found.add(new Example(found.size() + 1, start, imports, body.toString()));
      }
      return found;
    }

    List<String> importedPackages() {
      return imports.stream()
          .map(l -> l.substring("import ".length(), l.indexOf(';')).strip())
          .map(
              name -> {
                boolean isStatic = name.startsWith("static ");
                String n = isStatic ? name.substring("static ".length()) : name;
                // a.b.C or a.b.C.Nested or a.b.* : the package is the run of lower-case parts
                List<String> parts = List.of(n.split("\\."));
                StringBuilder pkg = new StringBuilder();
                for (String part : parts) {
                  if (part.equals("*") || Character.isUpperCase(part.charAt(0))) {
                    break;
                  }
                  pkg.append(pkg.length() == 0 ? "" : ".").append(part);
                }
                return pkg.toString();
              })
          .distinct()
          .toList();
    }

    Path writeTo(Path root, String pkg) throws IOException {
      String name = "ReadmeExample" + n;
      Path file = root.resolve(pkg.replace('.', '/')).resolve(name + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          "package "
              + pkg
              + ";\n\n"
              + String.join("\n", imports)
              + "\n\n/** README.md, the example at line "
              + line
              + ". */\nfinal class "
              + name
              + " {\n  static void run() throws Exception {\n"
              + body
              + "  }\n}\n");
      return file;
    }
  }
}

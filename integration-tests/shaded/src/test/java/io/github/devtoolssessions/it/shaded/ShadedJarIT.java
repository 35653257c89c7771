package io.github.devtoolssessions.it.shaded;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.json.jackson.JacksonJsonCodec;
import io.github.devtoolssessions.testkit.FakeDevtoolsApi;
import io.github.devtoolssessions.testkit.FakeDevtoolsServer;
import io.github.devtoolssessions.testkit.FakeSessions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The shaded jar, run in its own JVM, lists sessions from the loopback fake. */
class ShadedJarIT {

  private static final Path JAR = Path.of(System.getProperty("shaded.jar"));

  private static List<String> services(JarFile jar, String service) throws IOException {
    try (InputStream in = jar.getInputStream(jar.getEntry("META-INF/services/" + service))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    }
  }

  @Test
  void theServicesFilesAreMerged() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertThat(services(jar, "io.github.devtoolssessions.core.HttpTransportProvider"))
          .containsExactlyInAnyOrder(
              "io.github.devtoolssessions.transport.jdk.JdkTransportProvider",
              "io.github.devtoolssessions.transport.apache.ApacheTransportProvider");
      assertThat(services(jar, "io.github.devtoolssessions.core.JsonCodecProvider"))
          .containsExactlyInAnyOrder(
              "io.github.devtoolssessions.json.jackson.JacksonCodecProvider",
              "io.github.devtoolssessions.json.jsonb.JsonbCodecProvider");
      assertThat(jar.getEntry("module-info.class")).isNull();
    }
  }

  @Test
  void theJarListsSessionsFromTheFakeWithDiscoveredAdapters() throws Exception {
    assertThat(run()).contains("sessions=450", "transport=jdk", "json=jackson", "candidates=2+2");
  }

  @Test
  void systemPropertiesChooseTheOtherAdaptersInsideTheJar() throws Exception {
    assertThat(run("-Ddevtools.sessions.transport=apache", "-Ddevtools.sessions.json=jsonb"))
        .contains("sessions=450", "transport=apache", "json=jsonb");
  }

  private static String run(String... jvmOptions) throws Exception {
    assertThat(JAR).exists();
    assertThat(Files.size(JAR)).isPositive();
    FakeDevtoolsApi fake = FakeDevtoolsApi.builder().codec(JacksonJsonCodec.create()).build();
    fake.addSessions(FakeSessions.generate(3, 450));
    try (FakeDevtoolsServer server = fake.start()) {
      List<String> command = new java.util.ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(List.of(jvmOptions));
      command.addAll(
          List.of(
              "-jar",
              JAR.toString(),
              server.baseUrl().toString(),
              FakeDevtoolsApi.DEFAULT_ACCOUNT_ID,
              FakeDevtoolsApi.DEFAULT_API_TOKEN));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      try {
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(fake.requests()).hasSize(3);
        return output;
      } finally {
        process.destroyForcibly();
      }
    }
  }
}

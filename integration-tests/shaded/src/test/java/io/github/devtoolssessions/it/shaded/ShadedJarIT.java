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
          .contains("io.github.devtoolssessions.transport.jdk.JdkTransportProvider");
      assertThat(services(jar, "io.github.devtoolssessions.core.JsonCodecProvider"))
          .contains("io.github.devtoolssessions.json.jackson.JacksonCodecProvider");
      assertThat(jar.getEntry("module-info.class")).isNull();
    }
  }

  @Test
  void theJarListsSessionsFromTheFakeWithDiscoveredAdapters() throws Exception {
    assertThat(JAR).exists();
    FakeDevtoolsApi fake = FakeDevtoolsApi.builder().codec(JacksonJsonCodec.create()).build();
    fake.addSessions(FakeSessions.generate(3, 450));
    try (FakeDevtoolsServer server = fake.start()) {
      Process process =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-jar",
                  JAR.toString(),
                  server.baseUrl().toString(),
                  FakeDevtoolsApi.DEFAULT_ACCOUNT_ID,
                  FakeDevtoolsApi.DEFAULT_API_TOKEN)
              .redirectErrorStream(true)
              .start();
      try {
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("sessions=450", "transport=jdk", "json=jackson");
      } finally {
        process.destroyForcibly();
      }
      assertThat(fake.requests()).hasSize(3);
    }
    assertThat(Files.size(JAR)).isPositive();
  }
}

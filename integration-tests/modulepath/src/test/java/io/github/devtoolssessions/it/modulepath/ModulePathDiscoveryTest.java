package io.github.devtoolssessions.it.modulepath;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.api.AdapterCandidate;
import io.github.devtoolssessions.api.DevtoolsSessionsClient;
import io.github.devtoolssessions.api.DiscoveryReport;
import io.github.devtoolssessions.json.jackson.JacksonJsonCodec;
import io.github.devtoolssessions.testkit.FakeDevtoolsApi;
import io.github.devtoolssessions.testkit.FakeDevtoolsServer;
import io.github.devtoolssessions.testkit.FakeSessions;
import org.junit.jupiter.api.Test;

/** Discovery through provides/uses, with every jar on the module path. */
class ModulePathDiscoveryTest {

  @Test
  void anAdapterRequestedByNameIsUsedOnTheModulePath() {
    FakeDevtoolsApi fake = FakeDevtoolsApi.builder().codec(JacksonJsonCodec.create()).build();
    fake.addSessions(FakeSessions.generate(6, 30));
    try (FakeDevtoolsServer server = fake.start();
        DevtoolsSessionsClient client =
            DevtoolsSessionsClient.builder()
                .baseUrl(server.baseUrl())
                .accountId(FakeDevtoolsApi.DEFAULT_ACCOUNT_ID)
                .credentials(
                    io.github.devtoolssessions.core.Credentials.apiToken(
                        FakeDevtoolsApi.DEFAULT_API_TOKEN))
                .transportName("apache")
                .jsonCodecName("jsonb")
                .build()) {
      assertThat(client.list()).hasSize(30);
      assertThat(client.discoveryReport().transport().chosen()).isEqualTo("apache");
      assertThat(client.discoveryReport().json().chosen()).isEqualTo("jsonb");
    }
  }

  @Test
  void theLibraryRunsAsNamedModules() {
    assertThat(DevtoolsSessionsClient.class.getModule().getName())
        .isEqualTo("io.github.devtoolssessions.api");
    assertThat(SessionCounter.class.getModule().getName())
        .isEqualTo("io.github.devtoolssessions.it.modulepath");
  }

  @Test
  void adaptersAreFoundAsModulesAndSessionsAreListed() {
    FakeDevtoolsApi fake = FakeDevtoolsApi.builder().codec(JacksonJsonCodec.create()).build();
    fake.addSessions(FakeSessions.generate(5, 450));
    try (FakeDevtoolsServer server = fake.start()) {
      SessionCounter counter =
          new SessionCounter(
              server.baseUrl(),
              FakeDevtoolsApi.DEFAULT_ACCOUNT_ID,
              FakeDevtoolsApi.DEFAULT_API_TOKEN);
      assertThat(counter.count()).isEqualTo(450);
      DiscoveryReport report = counter.report();
      assertThat(report.transport().candidates())
          .filteredOn(c -> c.name().equals("jdk"))
          .extracting(AdapterCandidate::source)
          .containsExactly("module io.github.devtoolssessions.transport.jdk");
      assertThat(report.json().candidates())
          .filteredOn(c -> c.name().equals("jackson"))
          .extracting(AdapterCandidate::source)
          .containsExactly("module io.github.devtoolssessions.json.jackson");
      assertThat(report.transport().candidates())
          .extracting(AdapterCandidate::name, AdapterCandidate::source)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  "jdk", "module io.github.devtoolssessions.transport.jdk"),
              org.assertj.core.groups.Tuple.tuple(
                  "apache", "module io.github.devtoolssessions.transport.apache"));
      assertThat(report.json().candidates())
          .extracting(AdapterCandidate::name)
          .containsExactly("jackson", "jsonb");
      // Each provider is listed once, though it is visible through several class loaders.
      assertThat(report.transport().candidates())
          .extracting(AdapterCandidate::name)
          .doesNotHaveDuplicates();
    }
  }
}

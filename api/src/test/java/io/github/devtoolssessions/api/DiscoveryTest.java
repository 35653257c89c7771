package io.github.devtoolssessions.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devtoolssessions.core.Credentials;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Discovery over the test providers registered in src/test/resources/META-INF/services. */
class DiscoveryTest {

  @AfterEach
  void clearProperties() {
    System.clearProperty(DevtoolsSessionsClient.TRANSPORT_PROPERTY);
    System.clearProperty(DevtoolsSessionsClient.JSON_PROPERTY);
  }

  private DevtoolsSessionsClient.Builder builder() {
    return DevtoolsSessionsClient.builder()
        .accountId("acc")
        .credentials(Credentials.apiToken("tok-123456"));
  }

  @Test
  void theHighestPriorityWinsAndNamesBreakTies() {
    DiscoveryReport report = builder().build().discoveryReport();
    assertThat(report.transport().chosen()).isEqualTo("beta");
    assertThat(report.transport().reason()).contains("highest priority (20)");
    assertThat(report.transport().candidates())
        .extracting(AdapterCandidate::name)
        .containsExactly("beta", "alpha");
    assertThat(report.json().chosen()).isEqualTo("mike");
    assertThat(report.json().reason()).contains("tied with zulu");
  }

  @Test
  void theReportNamesWhereEachCandidateCameFrom() {
    AdapterCandidate alpha =
        builder().build().discoveryReport().transport().candidates().stream()
            .filter(c -> c.name().equals("alpha"))
            .findFirst()
            .orElseThrow();
    assertThat(alpha.priority()).isEqualTo(10);
    assertThat(alpha.providerClass()).endsWith("AlphaTransportProvider");
    assertThat(alpha.source()).contains("test-classes");
  }

  @Test
  void aBuilderNameWinsOverPriority() {
    DiscoveryReport report =
        builder().transportName("alpha").jsonCodecName("ZULU").build().discoveryReport();
    assertThat(report.transport().chosen()).isEqualTo("alpha");
    assertThat(report.transport().reason()).isEqualTo("requested by the builder");
    assertThat(report.json().chosen()).isEqualTo("zulu");
  }

  @Test
  void theSystemPropertyWinsOverTheEnvironmentVariable() {
    System.setProperty(DevtoolsSessionsClient.TRANSPORT_PROPERTY, "alpha");
    DiscoveryReport report =
        builder()
            .environment(Map.of(DevtoolsSessionsClient.TRANSPORT_ENV, "beta"))
            .build()
            .discoveryReport();
    assertThat(report.transport().chosen()).isEqualTo("alpha");
    assertThat(report.transport().reason())
        .isEqualTo("requested by system property devtools.sessions.transport");
  }

  @Test
  void theEnvironmentVariableNamesTheAdapter() {
    DiscoveryReport report =
        builder()
            .environment(Map.of(DevtoolsSessionsClient.JSON_ENV, "zulu"))
            .build()
            .discoveryReport();
    assertThat(report.json().chosen()).isEqualTo("zulu");
    assertThat(report.json().reason())
        .isEqualTo("requested by environment variable DEVTOOLS_SESSIONS_JSON");
  }

  @Test
  void aRequestedNameThatIsNotPresentListsWhatIs() {
    assertThatThrownBy(() -> builder().transportName("apache").build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'apache', which is not present")
        .hasMessageContaining("alpha (priority 10")
        .hasMessageContaining("beta (priority 20")
        .hasMessageContaining("devtools-sessions-transport-apache");
  }

  @Test
  void givenAdaptersSkipDiscovery() {
    DiscoveryReport report =
        builder()
            .transport(new TestAdapters.RecordingTransport())
            .jsonCodec(new TestAdapters.FixedCodec())
            .build()
            .discoveryReport();
    assertThat(report.transport().reason()).isEqualTo("given to the builder");
    assertThat(report.transport().candidates()).isEmpty();
    assertThat(report.json().chosen()).endsWith("FixedCodec");
  }

  @Test
  void aClientClosesTheTransportItCreated() {
    DevtoolsSessionsClient client = builder().build();
    TestAdapters.RecordingTransport created = TestAdapters.BetaTransportProvider.lastCreated;
    assertThat(created.closed).isFalse();
    client.close();
    assertThat(created.closed).isTrue();
  }
}

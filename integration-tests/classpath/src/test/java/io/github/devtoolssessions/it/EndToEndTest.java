package io.github.devtoolssessions.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devtoolssessions.api.DevtoolsSessionsClient;
import io.github.devtoolssessions.core.AuthenticationException;
import io.github.devtoolssessions.core.Credentials;
import io.github.devtoolssessions.core.ListSessionsParams;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.json.jackson.JacksonJsonCodec;
import io.github.devtoolssessions.testkit.FakeDevtoolsApi;
import io.github.devtoolssessions.testkit.FakeDevtoolsServer;
import io.github.devtoolssessions.testkit.FakeSessions;
import io.github.devtoolssessions.testkit.RecordedRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The client lists sessions from the testkit's fake: in memory, and over real HTTP from its
 * loopback server with the adapters that discovery finds on the class path (transport-jdk and
 * json-jackson).
 */
class EndToEndTest {

  private static final String ACCOUNT = FakeDevtoolsApi.DEFAULT_ACCOUNT_ID;
  private static final List<Session> SEEDED = FakeSessions.generate(2026, 450);

  private static FakeDevtoolsApi fake(Credentials credentials) {
    FakeDevtoolsApi fake =
        FakeDevtoolsApi.builder()
            .codec(JacksonJsonCodec.create())
            .accountId(ACCOUNT)
            .credentials(credentials)
            .build();
    fake.addSessions(SEEDED);
    return fake;
  }

  @Test
  void listsFromTheInMemoryFakeWithTokenAuth() {
    FakeDevtoolsApi fake = fake(Credentials.apiToken("tok-e2e-1"));
    DevtoolsSessionsClient client =
        DevtoolsSessionsClient.builder()
            .accountId(ACCOUNT)
            .credentials(Credentials.apiToken("tok-e2e-1"))
            .transport(fake.asTransport())
            .jsonCodec(JacksonJsonCodec.create())
            .build();
    assertThat(client.list(ListSessionsParams.builder().limit(5).build()))
        .containsExactlyElementsOf(SEEDED.subList(0, 5));
    RecordedRequest r = fake.requests().get(0);
    assertThat(r.path())
        .isEqualTo("/client/v4/accounts/" + ACCOUNT + "/browser-rendering/devtools/session");
    assertThat(r.queryParameter("limit")).contains("5");
    assertThat(r.queryParameter("offset")).isEmpty();
  }

  @Test
  void listsFromTheLoopbackServerWithTokenAuthThroughDiscoveredAdapters() {
    FakeDevtoolsApi fake = fake(Credentials.apiToken("tok-e2e-2"));
    try (FakeDevtoolsServer server = fake.start();
        DevtoolsSessionsClient client =
            DevtoolsSessionsClient.builder()
                .accountId(ACCOUNT)
                .credentials(Credentials.apiToken("tok-e2e-2"))
                .baseUrl(server.baseUrl())
                .build()) {
      assertThat(client.discoveryReport().transport().chosen()).isEqualTo("jdk");
      assertThat(client.discoveryReport().json().chosen()).isEqualTo("jackson");
      assertThat(client.list()).containsExactlyElementsOf(SEEDED.subList(0, 200));
      RecordedRequest r = fake.requests().get(0);
      assertThat(r.header("authorization")).contains("Bearer tok-e2e-2");
      assertThat(r.header("accept")).contains("application/json");
      assertThat(r.header("user-agent")).get().asString().startsWith("devtools-sessions-java/");
    }
  }

  @Test
  void listsFromTheLoopbackServerWithEmailAndKeyAuth() {
    Credentials legacy = Credentials.apiKey("ops@example.com", "global-key-e2e");
    FakeDevtoolsApi fake = fake(legacy);
    try (FakeDevtoolsServer server = fake.start();
        DevtoolsSessionsClient client =
            DevtoolsSessionsClient.builder()
                .accountId(ACCOUNT)
                .credentials(legacy)
                .baseUrl(server.baseUrl() + "/")
                .build()) {
      assertThat(client.list(ListSessionsParams.of(3, 10)))
          .containsExactlyElementsOf(SEEDED.subList(10, 13));
      RecordedRequest r = fake.requests().get(0);
      assertThat(r.header("x-auth-email")).contains("ops@example.com");
      assertThat(r.header("x-auth-key")).contains("global-key-e2e");
      assertThat(r.header("authorization")).isEmpty();
    }
  }

  @Test
  void aWrongCredentialGivesThe401ExceptionWithCode10000() {
    FakeDevtoolsApi fake = fake(Credentials.apiToken("the-right-token"));
    try (FakeDevtoolsServer server = fake.start();
        DevtoolsSessionsClient client =
            DevtoolsSessionsClient.builder()
                .accountId(ACCOUNT)
                .credentials(Credentials.apiToken("a-wrong-token"))
                .baseUrl(server.baseUrl())
                .build()) {
      assertThatThrownBy(client::list)
          .isInstanceOfSatisfying(
              AuthenticationException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(401);
                assertThat(e.errorCode()).hasValue(10000);
                assertThat(e.cfRay()).isPresent();
                assertThat(e.getMessage())
                    .contains("Authentication error")
                    .doesNotContain("a-wrong-token")
                    .doesNotContain("the-right-token");
              });
    }
  }

  @Test
  void pagingByHandReadsAll450SessionsExactlyOnce() {
    FakeDevtoolsApi fake = fake(Credentials.apiToken("tok-e2e-3"));
    try (FakeDevtoolsServer server = fake.start();
        DevtoolsSessionsClient client =
            DevtoolsSessionsClient.builder()
                .accountId(ACCOUNT)
                .credentials(Credentials.apiToken("tok-e2e-3"))
                .baseUrl(server.baseUrl())
                .build()) {
      List<Session> all = new ArrayList<>();
      List<Integer> pageSizes = new ArrayList<>();
      for (int offset : new int[] {0, 200, 400}) {
        List<Session> page = client.list(ListSessionsParams.of(200, offset));
        pageSizes.add(page.size());
        all.addAll(page);
      }
      assertThat(pageSizes).containsExactly(200, 200, 50);
      Set<String> ids = all.stream().map(Session::sessionId).collect(Collectors.toSet());
      assertThat(ids).hasSize(450);
      assertThat(new HashSet<>(all)).isEqualTo(new HashSet<>(SEEDED));
      assertThat(fake.requests())
          .extracting(r -> r.rawQuery().orElse(""))
          .containsExactly("limit=200&offset=0", "limit=200&offset=200", "limit=200&offset=400");
    }
  }
}

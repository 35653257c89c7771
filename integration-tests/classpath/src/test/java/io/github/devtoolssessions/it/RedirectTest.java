package io.github.devtoolssessions.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.api.DevtoolsSessionsClient;
import io.github.devtoolssessions.core.ApiException;
import io.github.devtoolssessions.core.Credentials;
import io.github.devtoolssessions.core.DevtoolsSessionsException;
import io.github.devtoolssessions.core.HttpTransport;
import io.github.devtoolssessions.core.ListSessionsParams;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.it.Probes.Outcome;
import io.github.devtoolssessions.it.Probes.RecordingSleeper;
import io.github.devtoolssessions.json.jackson.JacksonJsonCodec;
import io.github.devtoolssessions.testkit.FakeDevtoolsApi;
import io.github.devtoolssessions.testkit.FakeDevtoolsServer;
import io.github.devtoolssessions.testkit.FakeSessions;
import io.github.devtoolssessions.testkit.Fault;
import io.github.devtoolssessions.testkit.RecordedRequest;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A 3xx from the API towards a second loopback server, under another host name ({@code localhost}
 * instead of {@code 127.0.0.1}), is never followed by either transport: the second server receives
 * nothing, so neither {@code Authorization}, {@code X-Auth-Key}, {@code X-Auth-Email} nor {@code
 * X-Auth-User-Service-Key} can reach it, and the caller gets the documented {@link ApiException}
 * (the plain type: 3xx has no subtype) with the status, at the first attempt.
 */
class RedirectTest {

  private static final String TOKEN = "redirect-token-0c61f7";
  private static final String EMAIL = "redirect.owner@example.com";
  private static final String API_KEY = "redirect-global-key-5be2";
  private static final String SERVICE_KEY = "v1.0-redirect-service-key-77aa";

  private static final List<Session> SEEDED = FakeSessions.generate(301, 3);

  /** Every credential scheme, with the headers that must not travel to another host. */
  static final Map<String, Credentials> SCHEMES =
      Map.of(
          "token", Credentials.apiToken(TOKEN),
          "email+key", Credentials.apiKey(EMAIL, API_KEY),
          "user service key", Credentials.userServiceKey(SERVICE_KEY));

  @BeforeAll
  static void quietLibraryLog() {
    Probes.LibraryLog.silence();
  }

  @AfterAll
  static void restoreLibraryLog() {
    Probes.LibraryLog.restore();
  }

  @BeforeAll
  static void localhostIsLoopback() throws Exception {
    // The second host is "localhost": it must reach the second server, which listens on 127.0.0.1.
    assertThat(InetAddress.getByName("localhost").getHostAddress()).isEqualTo("127.0.0.1");
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Adapters.Transport transport : Adapters.TRANSPORTS) {
      for (int status : new int[] {301, 302, 303, 307, 308}) {
        for (String scheme : List.of("token", "email+key", "user service key")) {
          for (boolean async : new boolean[] {false, true}) {
            cases.add(Arguments.of(transport, status, scheme, async));
          }
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}: {1} with {2} credentials, async={3}")
  @MethodSource("cases")
  void aRedirectToAnotherHostIsNeverFollowed(
      Adapters.Transport transport, int status, String scheme, boolean async) {
    Credentials credentials = SCHEMES.get(scheme);
    FakeDevtoolsApi api =
        FakeDevtoolsApi.builder().codec(JacksonJsonCodec.create()).credentials(credentials).build();
    api.addSessions(SEEDED);
    FakeDevtoolsApi elsewhere =
        FakeDevtoolsApi.builder().codec(JacksonJsonCodec.create()).credentials(credentials).build();
    elsewhere.addSessions(SEEDED);
    try (FakeDevtoolsServer first = api.start();
        FakeDevtoolsServer second = elsewhere.start();
        HttpTransport t = transport.create()) {
      // The same path on the other host, so that a client that followed would be answered.
      URI target =
          URI.create(
              "http://localhost:"
                  + second.port()
                  + second.baseUrl().getRawPath()
                  + "/accounts/"
                  + FakeDevtoolsApi.DEFAULT_ACCOUNT_ID
                  + "/browser-rendering/devtools/session");
      api.faults().always(Fault.status(status, "", "Location", target.toString()));
      RecordingSleeper sleeper = new RecordingSleeper();
      DevtoolsSessionsClient client =
          DevtoolsSessionsClient.builder()
              .accountId(FakeDevtoolsApi.DEFAULT_ACCOUNT_ID)
              .credentials(credentials)
              .baseUrl(first.baseUrl())
              .transport(t)
              .jsonCodec(JacksonJsonCodec.create())
              .timeout(Duration.ofSeconds(5))
              .sleeper(sleeper)
              .build();

      Outcome<List<Session>> outcome =
          async
              ? Probes.await(client.listAsync(ListSessionsParams.of(3, 0)), Duration.ofSeconds(10))
              : Probes.outcomeOf(() -> client.list(ListSessionsParams.of(3, 0)));

      assertThat(outcome.failure()).isExactlyInstanceOf(ApiException.class);
      ApiException e = (ApiException) outcome.failure();
      assertThat(e.statusCode()).isEqualTo(status);
      assertThat(e.attempts()).isEqualTo(1);
      assertThat(sleeper.waits).isEmpty();
      assertThat(api.requests()).hasSize(1);
      assertThat(elsewhere.requests()).as("requests that reached the second host").isEmpty();
      assertNoSecretIn(e);
    }
  }

  @Test
  void theSecondServerWouldRecordTheCredentialsOfARequestThatReachedIt() throws Exception {
    // The control: the assertion above means something only if the second server, reached by
    // that host name, records what it is sent. A JDK client that follows redirects shows it.
    Credentials credentials = SCHEMES.get("token");
    FakeDevtoolsApi api =
        FakeDevtoolsApi.builder().codec(JacksonJsonCodec.create()).credentials(credentials).build();
    FakeDevtoolsApi elsewhere =
        FakeDevtoolsApi.builder().codec(JacksonJsonCodec.create()).credentials(credentials).build();
    try (FakeDevtoolsServer first = api.start();
        FakeDevtoolsServer second = elsewhere.start()) {
      URI target = URI.create("http://localhost:" + second.port() + "/anywhere");
      api.faults().always(Fault.redirect(target));
      HttpClient following =
          HttpClient.newBuilder()
              .followRedirects(HttpClient.Redirect.ALWAYS)
              .version(HttpClient.Version.HTTP_1_1)
              .build();
      HttpResponse<String> response =
          following.send(
              HttpRequest.newBuilder(first.baseUrl())
                  .header("Authorization", "Bearer " + TOKEN)
                  .header("X-Auth-Key", API_KEY)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(404);
      List<RecordedRequest> reached = elsewhere.requests();
      assertThat(reached).hasSize(1);
      assertThat(reached.get(0).header("x-auth-key")).contains(API_KEY);
      assertThat(reached.get(0).header("host")).get().asString().startsWith("localhost:");
    }
  }

  private static void assertNoSecretIn(DevtoolsSessionsException e) {
    String text = e.toString().toLowerCase(Locale.ROOT);
    for (String secret : List.of(TOKEN, EMAIL, API_KEY, SERVICE_KEY)) {
      assertThat(text).doesNotContain(secret.toLowerCase(Locale.ROOT));
    }
  }
}

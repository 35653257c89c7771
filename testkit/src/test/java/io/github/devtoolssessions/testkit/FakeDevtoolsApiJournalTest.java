package io.github.devtoolssessions.testkit;

import static io.github.devtoolssessions.testkit.Fixtures.CODEC;
import static io.github.devtoolssessions.testkit.Fixtures.ORIGIN;
import static io.github.devtoolssessions.testkit.Fixtures.SESSIONS;
import static io.github.devtoolssessions.testkit.Fixtures.SESSIONS_PATH;
import static io.github.devtoolssessions.testkit.Fixtures.TOKEN;
import static io.github.devtoolssessions.testkit.Fixtures.get;
import static io.github.devtoolssessions.testkit.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.core.Credentials;
import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FakeDevtoolsApiJournalTest {

  private static final Instant NOW = Instant.parse("2025-12-03T14:30:10.512Z");

  private final FakeDevtoolsApi api =
      FakeDevtoolsApi.builder().codec(CODEC).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

  /** One request of every outcome: 200, 404 route, 401, 400 header, 405, 403, 400 query, 404. */
  private List<TransportRequest> mixedRequests() {
    return List.of(
        get(SESSIONS + "?limit=5"),
        get(ORIGIN + "/nowhere"),
        get(SESSIONS, Headers.empty()),
        get(SESSIONS, Headers.builder().add("Authorization", "Basic x").build()),
        request("DELETE", SESSIONS, TOKEN),
        get(SESSIONS.replace(FakeDevtoolsApi.DEFAULT_ACCOUNT_ID, "other")),
        get(SESSIONS + "?limit=0"),
        get(SESSIONS + "/missing"));
  }

  @Test
  void everyRequestIsRecordedInOrderIncludingRefusedOnes() {
    List<TransportRequest> sent = mixedRequests();
    List<Integer> statuses = new ArrayList<>();
    for (TransportRequest r : sent) {
      statuses.add(api.handle(r).statusCode());
    }

    assertThat(statuses).containsExactly(200, 404, 401, 400, 405, 403, 400, 404);
    List<RecordedRequest> journal = api.requests();
    assertThat(journal).hasSize(sent.size());
    for (int i = 0; i < sent.size(); i++) {
      assertThat(journal.get(i).method()).isEqualTo(sent.get(i).method());
      assertThat(journal.get(i).uri()).isEqualTo(sent.get(i).uri());
      assertThat(journal.get(i).headers()).isEqualTo(sent.get(i).headers());
      assertThat(journal.get(i).receivedAt()).isEqualTo(NOW);
    }
  }

  @Test
  void clearRequestsEmptiesTheJournalAndRecordingGoesOn() {
    api.handle(get(SESSIONS));
    api.clearRequests();
    assertThat(api.requests()).isEmpty();

    api.handle(get(SESSIONS + "?offset=1"));
    assertThat(api.requests())
        .singleElement()
        .satisfies(r -> assertThat(r.rawQuery()).contains("offset=1"));
  }

  @Test
  void theJournalIsASnapshot() {
    List<RecordedRequest> before = api.requests();
    api.handle(get(SESSIONS));

    assertThat(before).isEmpty();
    assertThat(api.requests()).hasSize(1);
  }

  @Test
  void everyResponseCarriesADistinctCfRayAndJsonContentType() {
    Set<String> rays = new HashSet<>();
    for (TransportRequest r : mixedRequests()) {
      TransportResponse response = api.handle(r);
      String ray = response.headers().firstValue("cf-ray").orElseThrow();
      assertThat(ray).matches("[0-9a-f]{16}-SJC");
      assertThat(rays.add(ray)).as("ray %s is new", ray).isTrue();
      assertThat(response.headers().allValues("Content-Type")).containsExactly("application/json");
    }
  }

  @Test
  void theRaySequenceIsDeterministic() {
    FakeDevtoolsApi other = Fixtures.api();
    FakeDevtoolsApi same = Fixtures.api();

    for (int i = 0; i < 5; i++) {
      assertThat(other.handle(get(SESSIONS)).headers().firstValue("cf-ray"))
          .isEqualTo(same.handle(get(SESSIONS)).headers().firstValue("cf-ray"));
    }
  }

  @Test
  void extraRequestHeadersAreTolerated() {
    Headers headers =
        TOKEN.toBuilder()
            .add("User-Agent", "devtools-sessions-java/0.1.0 (Java 17)")
            .add("Accept", "application/json")
            .add("Accept-Encoding", "gzip, deflate")
            .add("Connection", "Upgrade, HTTP2-Settings")
            .add("Upgrade", "h2c")
            .add("HTTP2-Settings", "AAEAAEAAAAIAAAABAAMAAABkAAQBAAAAAAUAAEAA")
            .add("X-Request-Id", "1")
            .add("X-Request-Id", "2")
            .add("Cookie", "a=b")
            .build();

    assertThat(api.handle(get(SESSIONS, headers)).statusCode()).isEqualTo(200);
  }

  @Test
  void recordedRequestsOfferPathQueryAndHeaderShortcuts() {
    api.handle(
        get(
            SESSIONS + "?limit=5&offset=%31%30&flag&name=a+b",
            TOKEN.toBuilder().add("User-Agent", "ua/1").build()));

    RecordedRequest r = api.requests().get(0);
    assertThat(r.path()).isEqualTo(SESSIONS_PATH);
    assertThat(r.rawQuery()).contains("limit=5&offset=%31%30&flag&name=a+b");
    assertThat(r.queryParameter("limit")).contains("5");
    assertThat(r.queryParameter("offset")).contains("10");
    assertThat(r.queryParameter("flag")).contains("");
    assertThat(r.queryParameter("name")).contains("a b");
    assertThat(r.queryParameter("missing")).isEmpty();
    assertThat(r.header("user-agent")).contains("ua/1");
  }

  @Test
  void aRecordedPathKeepsItsPercentEncoding() {
    api.handle(get(SESSIONS + "/a%2Fb"));

    assertThat(api.requests().get(0).path()).isEqualTo(SESSIONS_PATH + "/a%2Fb");
  }

  @Test
  void aRecordedRequestsToStringMasksEveryCredential() {
    FakeDevtoolsApi keyApi =
        FakeDevtoolsApi.builder()
            .codec(CODEC)
            .credentials(Credentials.apiKey("dev@example.com", "global-key-1234"))
            .build();
    keyApi.handle(
        get(
            SESSIONS,
            Headers.builder()
                .add("X-Auth-Email", "dev@example.com")
                .add("X-Auth-Key", "global-key-1234")
                .add("Authorization", "Bearer token-5678")
                .add("X-Auth-User-Service-Key", "service-key-9012")
                .add("User-Agent", "visible-agent")
                .build()));

    String shown = keyApi.requests().get(0).toString();

    assertThat(shown)
        .doesNotContain("dev@example.com")
        .doesNotContain("global-key-1234")
        .doesNotContain("token-5678")
        .doesNotContain("service-key-9012")
        .contains("visible-agent")
        .contains("GET " + SESSIONS);
  }

  @Test
  void anOpaqueUriIsRecordedAndAnswered404() {
    TransportResponse response = api.handle(get("urn:example:x"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(api.requests().get(0).path()).isEmpty();
    assertThat(api.requests().get(0).uri()).isEqualTo(URI.create("urn:example:x"));
  }
}

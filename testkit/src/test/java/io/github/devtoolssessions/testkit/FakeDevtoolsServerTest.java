package io.github.devtoolssessions.testkit;

import static io.github.devtoolssessions.testkit.Fixtures.CODEC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devtoolssessions.core.AccountId;
import io.github.devtoolssessions.core.AuthenticationException;
import io.github.devtoolssessions.core.BadRequestException;
import io.github.devtoolssessions.core.CloudflareError;
import io.github.devtoolssessions.core.Credentials;
import io.github.devtoolssessions.core.HttpTransport;
import io.github.devtoolssessions.core.JsonCodec;
import io.github.devtoolssessions.core.ListSessionsParams;
import io.github.devtoolssessions.core.PermissionDeniedException;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.SessionId;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import io.github.devtoolssessions.core.internal.LibraryVersion;
import io.github.devtoolssessions.core.internal.ResponseReader;
import io.github.devtoolssessions.core.internal.SessionRequests;
import io.github.devtoolssessions.transport.jdk.JdkHttpTransport;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeDevtoolsServerTest {

  private final List<Session> all = FakeSessions.generate(11, 450);
  private final FakeDevtoolsApi api = Fixtures.api();
  private final FakeDevtoolsServer server = api.start();
  private final HttpClient http = HttpClient.newBuilder().build();

  FakeDevtoolsServerTest() {
    api.addSessions(all);
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private String sessionsUrl() {
    return server.baseUrl()
        + "/accounts/"
        + FakeDevtoolsApi.DEFAULT_ACCOUNT_ID
        + "/browser-rendering/devtools/session";
  }

  private HttpResponse<byte[]> send(String url, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<byte[]> sendAuthenticated(String url) throws Exception {
    return send(url, "Authorization", "Bearer test-token", "Accept", "application/json");
  }

  @Test
  void theBaseUrlIsLoopbackWithThePrefixAndAnEphemeralPort() {
    assertThat(server.port()).isPositive();
    assertThat(server.baseUrl())
        .isEqualTo(URI.create("http://127.0.0.1:" + server.port() + "/client/v4"));
    assertThat(server.api()).isSameAs(api);
  }

  @Test
  void pagingOverHttpReturnsEverySessionExactlyOnce() throws Exception {
    List<Session> seen = new ArrayList<>();
    for (int offset : new int[] {0, 200, 400}) {
      HttpResponse<byte[]> response =
          sendAuthenticated(sessionsUrl() + "?limit=200&offset=" + offset);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("content-type")).contains("application/json");
      seen.addAll(CODEC.readSessions(response.body()));
    }

    assertThat(seen).containsExactlyElementsOf(all);
  }

  @Test
  void plainJavaNetHttpIsServedWithItsRealHeadersRecorded() throws Exception {
    HttpResponse<byte[]> response = sendAuthenticated(sessionsUrl() + "?limit=3");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(CODEC.readSessions(response.body())).containsExactlyElementsOf(all.subList(0, 3));
    RecordedRequest recorded = api.requests().get(0);
    assertThat(recorded.method()).isEqualTo("GET");
    assertThat(recorded.uri()).isEqualTo(URI.create(sessionsUrl() + "?limit=3"));
    assertThat(recorded.header("Host")).contains("127.0.0.1:" + server.port());
    assertThat(recorded.header("User-Agent"))
        .hasValueSatisfying(ua -> assertThat(ua).startsWith("Java-http-client/"));
    assertThat(recorded.header("authorization")).contains("Bearer test-token");
    assertThat(recorded.queryParameter("limit")).contains("3");
  }

  @Test
  void anHttp2UpgradeOfferIsToleratedAndAnsweredOverHttp11() throws Exception {
    HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    HttpResponse<byte[]> response =
        h2.send(
            HttpRequest.newBuilder(URI.create(sessionsUrl() + "?limit=1"))
                .header("Authorization", "Bearer test-token")
                .header("Accept-Encoding", "gzip")
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    assertThat(api.requests().get(0).header("Upgrade")).contains("h2c");
  }

  @Test
  void percentEncodedSegmentsReachTheFakeUnchanged() throws Exception {
    FakeDevtoolsApi odd = FakeDevtoolsApi.builder().codec(CODEC).accountId("a/b c").build();
    odd.addSession(Session.builder("s/1?x").build());
    try (FakeDevtoolsServer oddServer = odd.start()) {
      String base = oddServer.baseUrl() + "/accounts/a%2Fb%20c/browser-rendering/devtools/session";

      HttpResponse<byte[]> list = send(base, "Authorization", "Bearer test-token");
      HttpResponse<byte[]> one = send(base + "/s%2F1%3Fx", "Authorization", "Bearer test-token");

      assertThat(list.statusCode()).isEqualTo(200);
      assertThat(one.statusCode()).isEqualTo(200);
      assertThat(CODEC.readSession(one.body()).map(Session::sessionId)).contains("s/1?x");
      assertThat(odd.requests().get(1).path())
          .isEqualTo("/client/v4/accounts/a%2Fb%20c/browser-rendering/devtools/session/s%2F1%3Fx");
    }
  }

  @Test
  void errorsComeOverHttpWithTheirStatusEnvelopeAndCfRay() throws Exception {
    HttpResponse<byte[]> noRoute = send(server.baseUrl() + "/nowhere");
    HttpResponse<byte[]> noAuth = send(sessionsUrl());
    HttpResponse<byte[]> notFound = sendAuthenticated(sessionsUrl() + "/missing");
    HttpResponse<byte[]> badLimit = sendAuthenticated(sessionsUrl() + "?limit=1.0");
    HttpResponse<byte[]> post =
        http.send(
            HttpRequest.newBuilder(URI.create(sessionsUrl()))
                .header("Authorization", "Bearer test-token")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());

    assertThat(List.of(noRoute, noAuth, notFound, badLimit, post))
        .extracting(HttpResponse::statusCode)
        .containsExactly(404, 401, 404, 400, 405);
    assertThat(new String(notFound.body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"error\":\"Session not found\"}");
    assertThat(CODEC.readErrors(noRoute.body()).get(0).code()).hasValue(7003);
    assertThat(post.headers().firstValue("allow")).contains("GET");
    Set<String> rays = ConcurrentHashMap.newKeySet();
    for (HttpResponse<byte[]> r : List.of(noRoute, noAuth, notFound, badLimit, post)) {
      assertThat(r.headers().firstValue("cf-ray")).hasValueSatisfying(rays::add);
      assertThat(r.headers().firstValue("content-type")).contains("application/json");
    }
    assertThat(rays).hasSize(5);
    assertThat(api.requests())
        .extracting(RecordedRequest::method)
        .containsExactly("GET", "GET", "GET", "GET", "POST");
  }

  @Test
  void aHeadRequestGetsHeadersOnly() throws Exception {
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(URI.create(sessionsUrl()))
                .header("Authorization", "Bearer test-token")
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("cf-ray")).isPresent();
  }

  @Test
  void fiftyConcurrentRequestsAreAllAnsweredCorrectly() throws Exception {
    int threads = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<String>>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int offset = i * 9;
        Callable<List<String>> call =
            () -> {
              start.await();
              HttpResponse<byte[]> r =
                  sendAuthenticated(sessionsUrl() + "?limit=9&offset=" + offset);
              assertThat(r.statusCode()).isEqualTo(200);
              return Fixtures.ids(CODEC.readSessions(r.body()));
            };
        results.add(pool.submit(call));
      }
      start.countDown();
      for (int i = 0; i < threads; i++) {
        assertThat(results.get(i).get())
            .containsExactlyElementsOf(Fixtures.ids(all.subList(i * 9, i * 9 + 9)));
      }
      assertThat(api.requests()).hasSize(threads);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void fiftyConcurrentInMemoryRequestsAreAllAnsweredCorrectly() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(50);
    try {
      HttpTransport transport = api.asTransport();
      CountDownLatch start = new CountDownLatch(1);
      List<Future<TransportResponse>> results = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        int offset = i * 9;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return transport.send(
                      Fixtures.get(Fixtures.SESSIONS + "?limit=9&offset=" + offset));
                }));
      }
      start.countDown();
      Set<String> rays = ConcurrentHashMap.newKeySet();
      for (int i = 0; i < 50; i++) {
        TransportResponse r = results.get(i).get();
        assertThat(Fixtures.ids(Fixtures.sessions(r)))
            .containsExactlyElementsOf(Fixtures.ids(all.subList(i * 9, i * 9 + 9)));
        rays.add(r.headers().firstValue("cf-ray").orElseThrow());
      }
      assertThat(rays).hasSize(50);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theLibrarysOwnRequestsAndErrorReadingWorkAgainstTheServer() {
    try (HttpTransport transport = JdkHttpTransport.create()) {
      SessionRequests good =
          requests(Credentials.apiToken("test-token"), FakeDevtoolsApi.DEFAULT_ACCOUNT_ID);
      ResponseReader reader = new ResponseReader(CODEC, Clock.systemUTC());

      TransportRequest page = good.list(ListSessionsParams.of(5, 445));
      assertThat(reader.sessions(page, transport.send(page)))
          .containsExactlyElementsOf(all.subList(445, 450));
      TransportRequest one = good.get(SessionId.of(all.get(7).sessionId()));
      assertThat(reader.session(one, transport.send(one))).contains(all.get(7));
      TransportRequest missing = good.get(SessionId.of("missing"));
      assertThat(reader.session(missing, transport.send(missing))).isEmpty();

      TransportRequest wrongToken =
          requests(Credentials.apiToken("wrong"), FakeDevtoolsApi.DEFAULT_ACCOUNT_ID)
              .list(ListSessionsParams.defaults());
      assertThatThrownBy(() -> reader.sessions(wrongToken, transport.send(wrongToken)))
          .isInstanceOf(AuthenticationException.class)
          .satisfies(e -> assertThat(((AuthenticationException) e).cfRay()).isPresent());
      TransportRequest otherAccount =
          requests(Credentials.apiToken("test-token"), "other").list(ListSessionsParams.defaults());
      assertThatThrownBy(() -> reader.sessions(otherAccount, transport.send(otherAccount)))
          .isInstanceOf(PermissionDeniedException.class)
          .hasMessageContaining("9109");
      TransportRequest keyForToken =
          requests(Credentials.apiKey("no-at", "k"), FakeDevtoolsApi.DEFAULT_ACCOUNT_ID)
              .list(ListSessionsParams.defaults());
      assertThatThrownBy(() -> reader.sessions(keyForToken, transport.send(keyForToken)))
          .isInstanceOf(BadRequestException.class)
          .hasMessageContaining("6102");
    }
  }

  private SessionRequests requests(Credentials credentials, String accountId) {
    return new SessionRequests(
        server.baseUrl(),
        AccountId.of(accountId),
        credentials,
        LibraryVersion.userAgent(),
        Optional.of(Duration.ofSeconds(30)),
        TransportRequest.DEFAULT_MAX_BODY_BYTES);
  }

  @Test
  void aCodecFailureBecomesA500EnvelopeInsteadOfADroppedConnection() throws Exception {
    JsonCodec failing =
        new JsonCodec() {
          @Override
          public List<Session> readSessions(byte[] body) {
            throw new UnsupportedOperationException();
          }

          @Override
          public Optional<Session> readSession(byte[] body) {
            throw new UnsupportedOperationException();
          }

          @Override
          public List<CloudflareError> readErrors(byte[] body) {
            throw new UnsupportedOperationException();
          }

          @Override
          public byte[] writeSessions(List<Session> sessions) {
            throw new IllegalStateException("codec broke");
          }

          @Override
          public byte[] writeSession(Session session) {
            throw new IllegalStateException("codec broke");
          }
        };
    try (FakeDevtoolsServer broken = FakeDevtoolsApi.builder().codec(failing).build().start()) {
      HttpResponse<byte[]> response =
          send(
              broken.baseUrl()
                  + "/accounts/"
                  + FakeDevtoolsApi.DEFAULT_ACCOUNT_ID
                  + "/browser-rendering/devtools/session",
              "Authorization",
              "Bearer test-token");

      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(CODEC.readErrors(response.body()).get(0).code()).hasValue(2000);
      assertThat(response.headers().firstValue("cf-ray")).isPresent();
    }
  }

  @Test
  void afterCloseTheServerRefusesConnections() {
    server.close();
    server.close();

    assertThatThrownBy(() -> sendAuthenticated(sessionsUrl()))
        .isInstanceOfAny(ConnectException.class, IOException.class);
  }
}

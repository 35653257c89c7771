package io.github.devtoolssessions.transport.apache;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.TransportOptions;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What goes out and what comes back when the exchange works, on every route. */
class ApacheHttpTransportExchangeTest {

  private final LoopbackServer server = LoopbackServer.start();
  private final LoopbackServer other = LoopbackServer.start();
  private Route.Harness harness;

  @AfterEach
  void close() {
    if (harness != null) {
      harness.close();
    }
    server.close();
    other.close();
  }

  private Route.Harness open(Route route) {
    harness = route.open(TransportOptions.defaults());
    return harness;
  }

  private static TransportRequest request(String method, URI uri, Headers headers) {
    return new TransportRequest(
        method,
        uri,
        headers,
        Optional.of(Duration.ofSeconds(10)),
        TransportRequest.DEFAULT_MAX_BODY_BYTES);
  }

  private static TransportRequest get(URI uri) {
    return request("GET", uri, Headers.empty());
  }

  private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    exchange.getResponseBody().write(body);
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void sendsTheMethodAndThePercentEncodedPathAndQueryIntact(Route route) throws Exception {
    server.handle("/", exchange -> respond(exchange, 200, new byte[0]));
    String raw = "/raw/a%2Fb/%3F/%2E%2E/c%20d?q=a%2Fb%3Fc&next=%26%3D%2E%2E&plus=a+b";

    open(route).exchange(request("DELETE", server.uri(raw), Headers.empty()));

    LoopbackServer.Received received = server.takeRequest();
    assertThat(received.method()).isEqualTo("DELETE");
    assertThat(received.rawPath()).isEqualTo("/raw/a%2Fb/%3F/%2E%2E/c%20d");
    assertThat(received.rawQuery()).isEqualTo("q=a%2Fb%3Fc&next=%26%3D%2E%2E&plus=a+b");
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void sendsTheHeadersAsGivenAndAddsNoneOfItsOwnBeyondConnectionHandling(Route route)
      throws Exception {
    server.handle("/", exchange -> respond(exchange, 200, new byte[0]));
    Headers headers =
        Headers.builder()
            .add("Authorization", "Bearer s3cr3t-token")
            .add("Accept", "application/json")
            .add("User-Agent", "devtools-sessions-test/1")
            .add("X-Multi", "one")
            .add("X-Multi", "two")
            .build();

    open(route).exchange(request("GET", server.uri("/h"), headers));

    LoopbackServer.Received received = server.takeRequest();
    assertThat(received.header("Authorization")).containsExactly("Bearer s3cr3t-token");
    assertThat(received.header("Accept")).containsExactly("application/json");
    assertThat(received.header("User-Agent")).containsExactly("devtools-sessions-test/1");
    assertThat(received.header("X-Multi")).containsExactly("one", "two");
    // The transport's own Accept-Encoding (gzip only, not HttpClient's list), and nothing but what
    // HTTP/1.1 framing and connection handling need: no Cookie, no Upgrade (protocol upgrade
    // off), no Expect.
    assertThat(received.header("Accept-Encoding")).containsExactly("gzip");
    assertThat(received.headers().keySet())
        .allMatch(
            name ->
                headers.map().containsKey(name)
                    || name.equalsIgnoreCase("Accept-Encoding")
                    || name.equalsIgnoreCase("Host")
                    || name.equalsIgnoreCase("Connection"));
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void keepsEveryValueOfARepeatedResponseHeaderInOrder(Route route) {
    server.handle(
        "/",
        exchange -> {
          exchange.getResponseHeaders().add("X-Repeated", "first");
          exchange.getResponseHeaders().add("X-Repeated", "second");
          exchange.getResponseHeaders().add("Set-Cookie", "a=1");
          exchange.getResponseHeaders().add("Set-Cookie", "b=2");
          exchange.getResponseHeaders().add("cf-ray", "8f1c2d3e4f5a6b7c-LHR");
          respond(exchange, 200, "{}".getBytes());
        });

    TransportResponse response = open(route).exchange(get(server.uri("/r")));

    assertThat(response.headers().allValues("x-repeated")).containsExactly("first", "second");
    assertThat(response.headers().allValues("Set-Cookie")).containsExactly("a=1", "b=2");
    assertThat(response.headers().firstValue("CF-Ray")).contains("8f1c2d3e4f5a6b7c-LHR");
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void returnsAnEmptyBodyForAZeroLengthResponseAndForA204(Route route) {
    server.handle("/empty", exchange -> exchange.sendResponseHeaders(200, -1));
    server.handle("/none", exchange -> exchange.sendResponseHeaders(204, -1));
    open(route);

    TransportResponse empty = harness.exchange(get(server.uri("/empty")));
    TransportResponse none = harness.exchange(get(server.uri("/none")));

    assertThat(empty.statusCode()).isEqualTo(200);
    assertThat(empty.body()).isEmpty();
    assertThat(none.statusCode()).isEqualTo(204);
    assertThat(none.body()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void returnsAnEightMebibyteBodyByteForByte(Route route) {
    byte[] body = new byte[8 * 1024 * 1024];
    new Random(42).nextBytes(body);
    server.handle("/big", exchange -> respond(exchange, 200, body));
    server.handle(
        "/big-chunked",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          exchange.getResponseBody().write(body);
        });
    open(route);

    TransportResponse declared = harness.exchange(get(server.uri("/big")));
    TransportResponse chunked = harness.exchange(get(server.uri("/big-chunked")));

    assertThat(declared.body()).isEqualTo(body);
    assertThat(chunked.body()).isEqualTo(body);
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void returnsClientAndServerErrorsAsResponses(Route route) {
    server.handle(
        "/missing", exchange -> respond(exchange, 404, "{\"error\":\"nope\"}".getBytes()));
    server.handle(
        "/broken", exchange -> respond(exchange, 500, "<html>Internal Error</html>".getBytes()));
    open(route);

    TransportResponse missing = harness.exchange(get(server.uri("/missing")));
    TransportResponse broken = harness.exchange(get(server.uri("/broken")));

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).asString().isEqualTo("{\"error\":\"nope\"}");
    assertThat(broken.statusCode()).isEqualTo(500);
    assertThat(broken.body()).asString().isEqualTo("<html>Internal Error</html>");
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void neverFollowsARedirectEvenWhenTheClientWould(Route route) {
    other.handle("/", exchange -> respond(exchange, 200, "followed".getBytes()));
    String target = other.uri("/target").toString();
    server.handle(
        "/",
        exchange -> {
          exchange.getResponseHeaders().add("Location", target);
          respond(exchange, 302, new byte[0]);
        });

    TransportResponse response =
        open(route)
            .exchange(
                request(
                    "GET",
                    server.uri("/moved"),
                    Headers.builder().add("Authorization", "Bearer s3cr3t-token").build()));

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location")).contains(target);
    assertThat(other.requestCount()).isZero();
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void neitherSendsNorKeepsCookies(Route route) throws Exception {
    server.handle(
        "/",
        exchange -> {
          exchange.getResponseHeaders().add("Set-Cookie", "__cf_bm=abc; Path=/");
          respond(exchange, 200, new byte[0]);
        });
    open(route);

    harness.exchange(get(server.uri("/first")));
    harness.exchange(get(server.uri("/second")));

    server.takeRequest();
    assertThat(server.takeRequest().header("Cookie")).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void aHeadResponseHasNoBodyWhateverItsContentLengthSays(Route route) {
    server.handle(
        "/",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Length", "100");
          exchange.sendResponseHeaders(200, -1);
        });

    TransportResponse response =
        open(route).exchange(request("HEAD", server.uri("/head"), Headers.empty()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void neverAnswersAnAuthenticationChallengeWithCredentialsTheApplicationsClientsHold()
      throws Exception {
    server.handle(
        "/",
        exchange -> {
          exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"api\"");
          respond(exchange, 401, new byte[0]);
        });
    BasicCredentialsProvider credentials = new BasicCredentialsProvider();
    credentials.setCredentials(
        new AuthScope("127.0.0.1", server.uri("/").getPort()),
        new UsernamePasswordCredentials("user", "password".toCharArray()));
    try (CloseableHttpClient classic =
            HttpClients.custom()
                .setDefaultCredentialsProvider(credentials)
                .disableAutomaticRetries()
                .build();
        CloseableHttpAsyncClient async =
            HttpAsyncClients.custom()
                .setDefaultCredentialsProvider(credentials)
                .disableAutomaticRetries()
                .build()) {
      async.start();
      try (ApacheHttpTransport transport = ApacheHttpTransport.wrap(classic, async)) {

        TransportResponse sync = transport.send(get(server.uri("/sync")));
        TransportResponse viaAsync =
            transport.sendAsync(get(server.uri("/async"))).get(10, TimeUnit.SECONDS);

        assertThat(sync.statusCode()).isEqualTo(401);
        assertThat(viaAsync.statusCode()).isEqualTo(401);
      }
    }
    assertThat(server.takeRequest().header("Authorization")).isEmpty();
    assertThat(server.takeRequest().header("Authorization")).isEmpty();
    assertThat(server.requestCount()).isZero();
  }
}

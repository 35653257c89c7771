package io.github.devtoolssessions.transport.jdk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What goes over the wire and what comes back, against a real loopback server. */
class JdkHttpTransportExchangeTest {

  private static final String SESSIONS_PATH =
      "/accounts/a%2F..%2Fb%3Fx%3D1/browser-rendering/devtools/session";

  private final LoopbackServer server = LoopbackServer.start();
  private final JdkHttpTransport transport = JdkHttpTransport.create();

  @AfterEach
  void closeAll() {
    transport.close();
    server.close();
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

  private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, byte[] body)
      throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    exchange.getResponseBody().write(body);
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "DELETE", "OPTIONS"})
  void methodPercentEncodedPathAndQueryArriveIntact(String method) throws Exception {
    server.handle("/", exchange -> respond(exchange, 200, new byte[0]));

    transport.send(
        request(
            method,
            server.uri(SESSIONS_PATH + "/caf%C3%A9%20x?limit=1&offset=0&q=a%26b%3Dc"),
            Headers.empty()));

    LoopbackServer.Received received = server.takeRequest();
    assertThat(received.method()).isEqualTo(method);
    assertThat(received.rawPath()).isEqualTo(SESSIONS_PATH + "/caf%C3%A9%20x");
    assertThat(received.rawQuery()).isEqualTo("limit=1&offset=0&q=a%26b%3Dc");
  }

  @Test
  void headersArriveAsGivenIncludingAuthorizationAndRepeatedValues() throws Exception {
    server.handle("/", exchange -> respond(exchange, 200, new byte[0]));
    Headers headers =
        Headers.builder()
            .add("Authorization", "Bearer s3cr3t-token")
            .add("Accept", "application/json")
            .add("User-Agent", "devtools-sessions/test")
            .add("X-Multi", "first")
            .add("X-Multi", "second")
            .build();

    transport.send(request("GET", server.uri("/h"), headers));

    LoopbackServer.Received received = server.takeRequest();
    assertThat(received.header("Authorization")).containsExactly("Bearer s3cr3t-token");
    assertThat(received.header("Accept")).containsExactly("application/json");
    assertThat(received.header("User-Agent")).containsExactly("devtools-sessions/test");
    assertThat(received.header("X-Multi")).containsExactly("first", "second");
  }

  @Test
  void headersTheJdkSetsItselfAreSkippedNotFatal() throws Exception {
    server.handle("/", exchange -> respond(exchange, 200, new byte[0]));
    Headers headers =
        Headers.builder()
            .add("Host", "elsewhere.invalid")
            .add("Connection", "close")
            .add("Content-Length", "99")
            .add("X-Kept", "yes")
            .build();

    TransportResponse response = transport.send(request("GET", server.uri("/h"), headers));

    assertThat(response.statusCode()).isEqualTo(200);
    LoopbackServer.Received received = server.takeRequest();
    assertThat(received.header("Host")).containsExactly("127.0.0.1:" + server.uri("/").getPort());
    assertThat(received.header("Content-Length")).doesNotContain("99");
    assertThat(received.header("X-Kept")).containsExactly("yes");
  }

  @Test
  void plainHttpIsSentAsHttp11WithoutAnH2cUpgrade() throws Exception {
    server.handle("/", exchange -> respond(exchange, 200, new byte[0]));

    transport.send(get(server.uri("/plain")));

    LoopbackServer.Received received = server.takeRequest();
    assertThat(received.protocol()).isEqualTo("HTTP/1.1");
    assertThat(received.headers()).doesNotContainKeys("Upgrade", "HTTP2-Settings");
  }

  @Test
  void aHeaderValueTheJdkRefusesFailsWithoutShowingTheValue() {
    Headers headers = Headers.builder().add("Authorization", "Bearer s3cr3t\u20ac").build();

    assertThatThrownBy(() -> transport.send(request("GET", server.uri("/h"), headers)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Authorization")
        .hasMessageNotContaining("s3cr3t")
        .hasNoCause();
  }

  @Test
  void repeatedResponseHeadersAreAllReadable() {
    server.handle(
        "/",
        exchange -> {
          exchange.getResponseHeaders().add("X-Repeated", "one");
          exchange.getResponseHeaders().add("X-Repeated", "two");
          exchange.getResponseHeaders().add("cf-ray", "8f1e2d3c4b5a6978-FRA");
          respond(exchange, 200, "[]".getBytes(UTF_8));
        });

    TransportResponse response = transport.send(get(server.uri("/r")));

    assertThat(response.headers().allValues("x-repeated")).containsExactly("one", "two");
    assertThat(response.headers().firstValue("CF-Ray")).contains("8f1e2d3c4b5a6978-FRA");
    assertThat(response.body()).asString(UTF_8).isEqualTo("[]");
  }

  @Test
  void anEmptyBodyIsZeroBytes() {
    server.handle("/", exchange -> respond(exchange, 200, new byte[0]));

    TransportResponse response = transport.send(get(server.uri("/empty")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void anEightMebibyteBodyArrivesWhole() {
    byte[] body = new byte[8 * 1024 * 1024];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) (i * 31 % 251);
    }
    server.handle("/", exchange -> respond(exchange, 200, body));

    TransportResponse response = transport.send(get(server.uri("/big")));

    assertThat(response.body()).hasSize(body.length);
    assertThat(Arrays.mismatch(response.body(), body)).isEqualTo(-1);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 404, 429, 500, 503})
  void anErrorStatusIsAResponseNotAnException(int status) {
    byte[] error = "{\"errors\":[{\"code\":7003,\"message\":\"No route\"}]}".getBytes(UTF_8);
    server.handle("/", exchange -> respond(exchange, status, error));

    TransportResponse response = transport.send(get(server.uri("/missing")));

    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.body()).isEqualTo(error);
  }

  @Test
  void aRedirectComesBackAndIsNotFollowed() {
    server.handle(
        "/from",
        exchange -> {
          exchange.getResponseHeaders().add("Location", server.uri("/to").toString());
          respond(exchange, 302, new byte[0]);
        });
    server.handle("/to", exchange -> respond(exchange, 200, new byte[0]));
    Headers headers = Headers.builder().add("Authorization", "Bearer s3cr3t").build();

    TransportResponse response = transport.send(request("GET", server.uri("/from"), headers));

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location")).contains(server.uri("/to").toString());
    assertThat(server.requestCount()).as("requests seen, /from only").isEqualTo(1);
  }

  @Test
  void aHeadResponseWithALargeContentLengthIsNotTooLarge() {
    server.handle(
        "/",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Length", "1000000");
          exchange.sendResponseHeaders(200, -1);
        });

    TransportResponse response =
        transport.send(request("HEAD", server.uri("/head"), Headers.empty()).withMaxBodyBytes(10));

    assertThat(response.headers().firstValue("Content-Length")).contains("1000000");
    assertThat(response.body()).isEmpty();
  }

  @Test
  void aBodyExactlyAtTheCapIsAccepted() {
    byte[] body = new byte[4096];
    server.handle("/", exchange -> respond(exchange, 200, body));

    TransportResponse response =
        transport.send(get(server.uri("/cap")).withMaxBodyBytes(body.length));

    assertThat(response.body()).hasSize(body.length);
  }
}

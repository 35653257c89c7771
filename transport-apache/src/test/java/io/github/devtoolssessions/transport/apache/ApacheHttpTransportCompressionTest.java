package io.github.devtoolssessions.transport.apache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.ResponseTooLargeException;
import io.github.devtoolssessions.core.TransportException;
import io.github.devtoolssessions.core.TransportOptions;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Asking for gzip and decoding it, on every route. The wrapped clients keep HttpClient's default of
 * content compression on, so these tests also show that HttpClient neither adds its own codings nor
 * decodes a body the transport then decodes again.
 */
class ApacheHttpTransportCompressionTest {

  private static final byte[] TEXT = GzipBodies.json(5_000);

  private final LoopbackServer server = LoopbackServer.start();
  private Route.Harness harness;

  @AfterEach
  void close() {
    if (harness != null) {
      harness.close();
    }
    server.close();
  }

  private Route.Harness open(Route route) {
    harness = route.open(TransportOptions.defaults());
    return harness;
  }

  private static TransportRequest get(URI uri) {
    return TransportRequest.get(uri, Headers.empty()).withTimeout(Duration.ofSeconds(10));
  }

  /** Sends the body gzipped, with the declared length or chunked. */
  private static void respondGzipped(HttpExchange exchange, byte[] gzipped, boolean chunked)
      throws IOException {
    exchange.getResponseHeaders().add("Content-Encoding", "gzip");
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.getResponseHeaders().add("cf-ray", "8f1e2d3c4b5a6978-FRA");
    exchange.sendResponseHeaders(200, chunked ? 0 : gzipped.length);
    exchange.getResponseBody().write(gzipped);
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void asksForGzipOnlyUnlessTheRequestNamesCodingsItself(Route route) throws Exception {
    server.handle("/", exchange -> exchange.sendResponseHeaders(204, -1));
    Route.Harness transport = open(route);

    transport.exchange(get(server.uri("/default")));
    transport.exchange(
        TransportRequest.get(
                server.uri("/own"), Headers.builder().add("Accept-Encoding", "identity").build())
            .withTimeout(Duration.ofSeconds(10)));

    assertThat(server.takeRequest().header("Accept-Encoding")).containsExactly("gzip");
    assertThat(server.takeRequest().header("Accept-Encoding")).containsExactly("identity");
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void aGzipBodyIsDecodedOnceAndItsEncodingHeadersDropped(Route route) {
    byte[] gzipped = GzipBodies.gzip(TEXT);
    server.handle("/", exchange -> respondGzipped(exchange, gzipped, false));

    TransportResponse response = open(route).exchange(get(server.uri("/gz")));

    assertThat(Arrays.equals(response.body(), TEXT)).as("the body, decoded").isTrue();
    assertThat(response.headers().map()).doesNotContainKeys("Content-Encoding", "Content-Length");
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(response.headers().firstValue("cf-ray")).contains("8f1e2d3c4b5a6978-FRA");
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void aChunkedGzipBodyIsDecodedToo(Route route) {
    server.handle("/", exchange -> respondGzipped(exchange, GzipBodies.gzip(TEXT), true));

    TransportResponse response = open(route).exchange(get(server.uri("/chunked")));

    assertThat(Arrays.equals(response.body(), TEXT)).as("the body, decoded").isTrue();
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void aGzipBodyAtTheCapIsReadThoughItsDeclaredLengthIsOverIt(Route route) {
    // Incompressible: the gzip is longer than the cap, the decoded body exactly at it.
    byte[] random = new byte[64 * 1024];
    new Random(3).nextBytes(random);
    byte[] gzipped = GzipBodies.gzip(random);
    server.handle("/", exchange -> respondGzipped(exchange, gzipped, false));

    TransportResponse response =
        open(route).exchange(get(server.uri("/at-cap")).withMaxBodyBytes(random.length));

    assertThat(Arrays.equals(response.body(), random)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void aGzipBombIsTooLargeAndItsConnectionIsClosed(Route route) throws Exception {
    CountDownLatch clientGone = new CountDownLatch(1);
    server.handle(
        "/",
        exchange -> {
          // Zeros without end, chunked: only a client that stops reading ends this.
          exchange.getResponseHeaders().add("Content-Encoding", "gzip");
          exchange.sendResponseHeaders(200, 0);
          try (GZIPOutputStream gzip = new GZIPOutputStream(exchange.getResponseBody(), 8192)) {
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 100_000; i++) {
              gzip.write(zeros);
            }
          } catch (IOException e) {
            clientGone.countDown();
          }
        });
    TransportRequest request = get(server.uri("/bomb")).withMaxBodyBytes(1024 * 1024);

    assertThatThrownBy(() -> open(route).exchange(request))
        .isInstanceOfSatisfying(
            ResponseTooLargeException.class,
            e -> assertThat(e.maxBodyBytes()).isEqualTo(1024 * 1024))
        .hasMessageContaining("GET " + server.uri("/bomb"));
    assertThat(clientGone.await(10, TimeUnit.SECONDS))
        .as("the server saw the connection closed")
        .isTrue();
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void aCorruptGzipBodyIsATransportExceptionAndTheTransportGoesOn(Route route) {
    byte[] corrupt = GzipBodies.gzip(TEXT);
    corrupt[corrupt.length - 8] ^= 1;
    server.handle("/corrupt", exchange -> respondGzipped(exchange, corrupt, false));
    server.handle("/good", exchange -> respondGzipped(exchange, GzipBodies.gzip(TEXT), false));
    Route.Harness transport = open(route);

    assertThatThrownBy(() -> transport.exchange(get(server.uri("/corrupt"))))
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageContaining("GET " + server.uri("/corrupt"))
        .hasMessageContaining("corrupt gzip body");
    assertThat(transport.exchange(get(server.uri("/good"))).body()).isEqualTo(TEXT);
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void aBodyThatIsNotGzipAtAllIsATransportException(Route route) {
    server.handle("/", exchange -> respondGzipped(exchange, "not gzip".getBytes(UTF_8), false));

    assertThatThrownBy(() -> open(route).exchange(get(server.uri("/bad"))))
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageContaining("gzip magic bytes");
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void aGzipBodyCutShortIsATransportException(Route route) {
    byte[] gzipped = GzipBodies.gzip(TEXT);
    // Well framed by HTTP, but the gzip stream lacks its trailer.
    byte[] cut = Arrays.copyOf(gzipped, gzipped.length - 8);
    server.handle("/", exchange -> respondGzipped(exchange, cut, true));

    assertThatThrownBy(() -> open(route).exchange(get(server.uri("/cut"))))
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageContaining("ends in the middle of a gzip member");
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void aCodingNeverAskedForIsATransportException(Route route) {
    server.handle(
        "/",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Encoding", "br");
          exchange.sendResponseHeaders(200, 4);
          exchange.getResponseBody().write(new byte[] {1, 2, 3, 4});
        });

    assertThatThrownBy(() -> open(route).exchange(get(server.uri("/br"))))
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageContaining("Content-Encoding br");
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void aHeadResponseKeepsItsEncodingHeadersAndHasNoBody(Route route) {
    server.handle(
        "/",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Encoding", "gzip");
          exchange.getResponseHeaders().set("Content-Length", "1234");
          exchange.sendResponseHeaders(200, -1);
        });

    TransportResponse response =
        open(route)
            .exchange(
                new TransportRequest(
                    "HEAD",
                    server.uri("/head"),
                    Headers.empty(),
                    Optional.of(Duration.ofSeconds(10)),
                    10));

    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
  }
}

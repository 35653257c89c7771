package io.github.devtoolssessions.transport.jdk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.ResponseTooLargeException;
import io.github.devtoolssessions.core.TransportException;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Asking for gzip and decoding it, against a real loopback server, on both paths. */
class JdkHttpTransportCompressionTest {

  private static final byte[] TEXT = GzipBodies.json(5_000);

  private final LoopbackServer server = LoopbackServer.start();
  private final JdkHttpTransport transport = JdkHttpTransport.create();

  @AfterEach
  void closeAll() {
    transport.close();
    server.close();
  }

  private static TransportRequest get(URI uri) {
    return TransportRequest.get(uri, Headers.empty()).withTimeout(Duration.ofSeconds(10));
  }

  /** Sends the request on the chosen path; a failed future's cause is rethrown as it is. */
  private TransportResponse send(TransportRequest request, boolean async) throws Exception {
    if (!async) {
      return transport.send(request);
    }
    CompletableFuture<TransportResponse> future = transport.sendAsync(request);
    try {
      return future.get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw (Exception) e.getCause();
    }
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

  @Test
  void asksForGzipUnlessTheRequestNamesCodingsItself() throws Exception {
    server.handle("/", exchange -> exchange.sendResponseHeaders(204, -1));

    transport.send(get(server.uri("/default")));
    transport.send(
        TransportRequest.get(
            server.uri("/own"), Headers.builder().add("Accept-Encoding", "identity").build()));

    assertThat(server.takeRequest().header("Accept-Encoding")).containsExactly("gzip");
    assertThat(server.takeRequest().header("Accept-Encoding")).containsExactly("identity");
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aGzipBodyIsDecodedAndItsEncodingHeadersDropped(boolean async) throws Exception {
    byte[] gzipped = GzipBodies.gzip(TEXT);
    server.handle("/", exchange -> respondGzipped(exchange, gzipped, false));

    TransportResponse response = send(get(server.uri("/gz")), async);

    assertThat(Arrays.equals(response.body(), TEXT)).as("the body, decoded").isTrue();
    assertThat(response.headers().map()).doesNotContainKeys("Content-Encoding", "Content-Length");
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(response.headers().firstValue("cf-ray")).contains("8f1e2d3c4b5a6978-FRA");
  }

  @Test
  void aChunkedGzipBodyIsDecodedToo() {
    server.handle("/", exchange -> respondGzipped(exchange, GzipBodies.gzip(TEXT), true));

    TransportResponse response = transport.send(get(server.uri("/chunked")));

    assertThat(Arrays.equals(response.body(), TEXT)).as("the body, decoded").isTrue();
  }

  @Test
  void aGzipBodyUnderTheCapIsReadThoughItsDeclaredLengthIsNotTheDecodedOne() {
    // Incompressible: the gzip is longer than the cap, the decoded body exactly at it.
    byte[] random = new byte[64 * 1024];
    new java.util.Random(3).nextBytes(random);
    byte[] gzipped = GzipBodies.gzip(random);
    server.handle("/", exchange -> respondGzipped(exchange, gzipped, false));

    TransportResponse response =
        transport.send(get(server.uri("/at-cap")).withMaxBodyBytes(random.length));

    assertThat(Arrays.equals(response.body(), random)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aGzipBombIsTooLargeAndItsConnectionIsClosed(boolean async) throws Exception {
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

    assertThatThrownBy(() -> send(request, async))
        .isInstanceOfSatisfying(
            ResponseTooLargeException.class,
            e -> assertThat(e.maxBodyBytes()).isEqualTo(1024 * 1024))
        .hasMessageContaining("GET " + server.uri("/bomb"));
    assertThat(clientGone.await(10, TimeUnit.SECONDS))
        .as("the server saw the connection closed")
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aCorruptGzipBodyIsATransportException(boolean async) {
    byte[] corrupt = GzipBodies.gzip(TEXT);
    corrupt[corrupt.length - 8] ^= 1;
    server.handle("/", exchange -> respondGzipped(exchange, corrupt, false));

    assertThatThrownBy(() -> send(get(server.uri("/corrupt")), async))
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageContaining("GET " + server.uri("/corrupt"))
        .hasMessageContaining("corrupt gzip body");
  }

  @Test
  void aBodyThatIsNotGzipAtAllIsATransportExceptionAndTheTransportGoesOn() {
    server.handle("/bad", exchange -> respondGzipped(exchange, "not gzip".getBytes(UTF_8), false));
    server.handle("/good", exchange -> respondGzipped(exchange, GzipBodies.gzip(TEXT), false));

    assertThatThrownBy(() -> transport.send(get(server.uri("/bad"))))
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageContaining("gzip magic bytes");
    assertThat(transport.send(get(server.uri("/good"))).body()).isEqualTo(TEXT);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aCodingNeverAskedForIsATransportException(boolean async) {
    server.handle(
        "/",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Encoding", "br");
          exchange.sendResponseHeaders(200, 4);
          exchange.getResponseBody().write(new byte[] {1, 2, 3, 4});
        });

    assertThatThrownBy(() -> send(get(server.uri("/br")), async))
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageContaining("Content-Encoding br");
  }

  @Test
  void aHeadResponseKeepsItsEncodingHeadersAndHasNoBody() {
    server.handle(
        "/",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Encoding", "gzip");
          exchange.getResponseHeaders().set("Content-Length", "1234");
          exchange.sendResponseHeaders(200, -1);
        });

    TransportResponse response =
        transport.send(
            new TransportRequest(
                "HEAD",
                server.uri("/head"),
                Headers.empty(),
                java.util.Optional.of(Duration.ofSeconds(10)),
                10));

    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
  }
}

package io.github.devtoolssessions.transport.apache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devtoolssessions.core.ConnectTimeoutException;
import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.ResponseTimeoutException;
import io.github.devtoolssessions.core.ResponseTooLargeException;
import io.github.devtoolssessions.core.TransportException;
import io.github.devtoolssessions.core.TransportOptions;
import io.github.devtoolssessions.core.TransportRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** How an exchange that does not work ends, on every route. */
class ApacheHttpTransportFailureTest {

  private static final Headers WITH_SECRET =
      Headers.builder().add("Authorization", "Bearer s3cr3t-token").build();
  private static final Duration SHORT = Duration.ofMillis(300);

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
    return TransportRequest.get(uri, WITH_SECRET).withTimeout(Duration.ofSeconds(10));
  }

  private static URI refusingUri() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = socket.getLocalPort();
    }
    return URI.create("http://127.0.0.1:" + port + "/refused?limit=1");
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void aRefusedConnectionFailsWithATransportExceptionNamingTheRequestButNotItsHeaders(Route route)
      throws IOException {
    TransportRequest request = get(refusingUri());

    assertThatThrownBy(() -> open(route).exchange(request))
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageContaining("GET " + request.uri())
        .hasMessageNotContaining("s3cr3t")
        .hasCauseInstanceOf(IOException.class);
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void headersLatePastTheTimeoutFailWithAResponseTimeout(Route route) {
    server.handle("/", exchange -> server.stallUntilClosed());

    assertThatThrownBy(() -> open(route).exchange(get(server.uri("/slow")).withTimeout(SHORT)))
        .isInstanceOf(ResponseTimeoutException.class)
        .hasMessageContaining("GET " + server.uri("/slow"))
        .hasMessageNotContaining("s3cr3t");
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void aBodyThatStallsHalfwayFailsWithAResponseTimeout(Route route) {
    server.handle(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(200, 2048);
          OutputStream body = exchange.getResponseBody();
          body.write(new byte[1024]);
          body.flush();
          server.stallUntilClosed();
        });

    assertThatThrownBy(() -> open(route).exchange(get(server.uri("/half")).withTimeout(SHORT)))
        .isInstanceOf(ResponseTimeoutException.class);
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void aBodyThatTricklesPastTheTimeoutFailsWithAResponseTimeout(Route route) {
    // Every chunk arrives well within the timeout, so only a deadline on the whole exchange ends
    // it.
    server.handle(
        "/", exchange -> server.drip(exchange, new CountDownLatch(1), new CountDownLatch(1)));

    assertThatThrownBy(() -> open(route).exchange(get(server.uri("/drip")).withTimeout(SHORT)))
        .isInstanceOf(ResponseTimeoutException.class);
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void aDeclaredBodyOverTheCapFailsAndTheConnectionIsDropped(Route route) throws Exception {
    CountDownLatch clientGone = new CountDownLatch(1);
    server.handle("/", exchange -> server.sendLarge(exchange, 64L << 20, true, clientGone));

    assertThatThrownBy(
            () -> open(route).exchange(get(server.uri("/large")).withMaxBodyBytes(1 << 20)))
        .isInstanceOfSatisfying(
            ResponseTooLargeException.class, e -> assertThat(e.maxBodyBytes()).isEqualTo(1 << 20))
        .hasMessageContaining("GET " + server.uri("/large"));
    // The rest of the body was not read to keep the connection: the server could not send it.
    assertThat(clientGone.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void aChunkedBodyOverTheCapFailsAndTheConnectionIsDropped(Route route) throws Exception {
    CountDownLatch clientGone = new CountDownLatch(1);
    server.handle("/", exchange -> server.sendLarge(exchange, 64L << 20, false, clientGone));

    assertThatThrownBy(
            () -> open(route).exchange(get(server.uri("/large")).withMaxBodyBytes(1 << 20)))
        .isInstanceOf(ResponseTooLargeException.class);
    assertThat(clientGone.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void aBodyExactlyAtTheCapIsAccepted(Route route) {
    server.handle(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          exchange.getResponseBody().write(new byte[1000]);
        });

    assertThat(open(route).exchange(get(server.uri("/exact")).withMaxBodyBytes(1000)).body())
        .hasSize(1000);
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void aConnectionThatCannotBeMadeInTimeFailsWithAConnectTimeout(Route route) throws Exception {
    try (UnacceptingServer unaccepting = UnacceptingServer.start()) {
      harness = route.open(new TransportOptions(SHORT));

      assertThatThrownBy(() -> harness.exchange(get(unaccepting.uri())))
          .isInstanceOf(ConnectTimeoutException.class)
          .hasMessageContaining("GET " + unaccepting.uri())
          .hasMessageNotContaining("s3cr3t");
    }
  }
}

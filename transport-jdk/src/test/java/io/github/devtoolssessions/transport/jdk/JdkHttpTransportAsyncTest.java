package io.github.devtoolssessions.transport.jdk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.ResponseTimeoutException;
import io.github.devtoolssessions.core.ResponseTooLargeException;
import io.github.devtoolssessions.core.TransportException;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The asynchronous path: agreement with the blocking one, cancellation and interruption. */
class JdkHttpTransportAsyncTest {

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

  /** What one call came to, comparable across the two paths. */
  private record Outcome(int status, String xTest, String body, String failure) {

    static Outcome of(TransportResponse response) {
      return new Outcome(
          response.statusCode(),
          response.headers().firstValue("X-Test").orElse(null),
          new String(response.body(), UTF_8),
          null);
    }

    static Outcome of(Throwable failure) {
      return new Outcome(0, null, null, failure.getClass().getName() + ": " + failure.getMessage());
    }
  }

  private Outcome sync(TransportRequest request) {
    try {
      return Outcome.of(transport.send(request));
    } catch (RuntimeException e) {
      return Outcome.of(e);
    }
  }

  private Outcome async(TransportRequest request) throws Exception {
    return transport
        .sendAsync(request)
        .handle((response, failure) -> failure == null ? Outcome.of(response) : Outcome.of(failure))
        .get(10, TimeUnit.SECONDS);
  }

  @Test
  void sendAndSendAsyncAgree() throws Exception {
    server.handle(
        "/ok",
        exchange -> {
          exchange.getResponseHeaders().add("X-Test", "yes");
          exchange.sendResponseHeaders(200, 2);
          exchange.getResponseBody().write("[]".getBytes(UTF_8));
        });
    server.handle("/missing", exchange -> exchange.sendResponseHeaders(404, -1));
    server.handle(
        "/large",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          exchange.getResponseBody().write(new byte[100]);
        });
    server.handle("/stall", exchange -> server.stallUntilClosed());
    List<TransportRequest> requests =
        List.of(
            get(server.uri("/ok")),
            get(server.uri("/missing")),
            get(server.uri("/large")).withMaxBodyBytes(10),
            get(server.uri("/stall")).withTimeout(Duration.ofMillis(200)),
            get(refusingUri()));

    for (TransportRequest request : requests) {
      assertThat(async(request)).as(request.toString()).isEqualTo(sync(request));
    }
  }

  @Test
  void sendAsyncReturnsBeforeTheResponseArrives() throws Exception {
    CountDownLatch answer = new CountDownLatch(1);
    server.handle(
        "/",
        exchange -> {
          await(answer);
          exchange.sendResponseHeaders(204, -1);
        });

    CompletableFuture<TransportResponse> response = transport.sendAsync(get(server.uri("/later")));

    assertThat(response).isNotDone();
    answer.countDown();
    assertThat(response.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(204);
  }

  @Test
  void sendAsyncFailsWithTheCoreExceptionItselfNotAWrapper() throws Exception {
    server.handle(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          exchange.getResponseBody().write(new byte[100]);
        });
    server.handle("/stall", exchange -> server.stallUntilClosed());

    assertThat(failureOf(transport.sendAsync(get(refusingUri()))))
        .isExactlyInstanceOf(TransportException.class);
    assertThat(failureOf(transport.sendAsync(get(server.uri("/big")).withMaxBodyBytes(10))))
        .isInstanceOf(ResponseTooLargeException.class);
    assertThat(
            failureOf(
                transport.sendAsync(get(server.uri("/stall")).withTimeout(Duration.ofMillis(200)))))
        .isInstanceOf(ResponseTimeoutException.class);
  }

  @Test
  void cancellingTheFutureWhileTheBodyStreamsAbortsTheExchange() throws Exception {
    CountDownLatch dripping = new CountDownLatch(1);
    CountDownLatch clientGone = new CountDownLatch(1);
    server.handle("/", exchange -> server.drip(exchange, dripping, clientGone));
    TransportRequest endless =
        TransportRequest.get(server.uri("/drip"), Headers.empty()).withMaxBodyBytes(Long.MAX_VALUE);

    CompletableFuture<TransportResponse> response = transport.sendAsync(endless);
    assertThat(dripping.await(10, TimeUnit.SECONDS)).isTrue();
    response.cancel(true);

    assertThat(response).isCancelled();
    assertThat(clientGone.await(10, TimeUnit.SECONDS))
        .as("the server saw the connection closed")
        .isTrue();
  }

  @Test
  void cancellingTheFutureBeforeTheHeadersAbortsTheExchange() throws Exception {
    CountDownLatch arrived = new CountDownLatch(1);
    CountDownLatch cancelled = new CountDownLatch(1);
    CountDownLatch clientGone = new CountDownLatch(1);
    server.handle(
        "/",
        exchange -> {
          arrived.countDown();
          await(cancelled);
          server.drip(exchange, new CountDownLatch(1), clientGone);
        });

    CompletableFuture<TransportResponse> response =
        transport.sendAsync(TransportRequest.get(server.uri("/wait"), Headers.empty()));
    assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
    response.cancel(true);
    cancelled.countDown();

    assertThat(clientGone.await(10, TimeUnit.SECONDS))
        .as("the server saw the connection closed")
        .isTrue();
  }

  @Test
  void interruptingABlockedSendAbortsItAndKeepsTheInterrupt() throws Exception {
    CountDownLatch dripping = new CountDownLatch(1);
    CountDownLatch clientGone = new CountDownLatch(1);
    server.handle("/", exchange -> server.drip(exchange, dripping, clientGone));
    TransportRequest endless =
        TransportRequest.get(server.uri("/drip"), Headers.empty()).withMaxBodyBytes(Long.MAX_VALUE);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean interruptKept = new AtomicBoolean();
    Thread caller =
        new Thread(
            () -> {
              try {
                transport.send(endless);
              } catch (RuntimeException e) {
                thrown.set(e);
                interruptKept.set(Thread.currentThread().isInterrupted());
              }
            });

    caller.start();
    assertThat(dripping.await(10, TimeUnit.SECONDS)).isTrue();
    caller.interrupt();
    caller.join(10_000);

    assertThat(thrown.get())
        .isExactlyInstanceOf(TransportException.class)
        .hasCauseInstanceOf(InterruptedException.class)
        .hasMessageContaining("GET " + endless.uri());
    assertThat(interruptKept).isTrue();
    assertThat(clientGone.await(10, TimeUnit.SECONDS))
        .as("the server saw the connection closed")
        .isTrue();
  }

  private static Throwable failureOf(CompletableFuture<TransportResponse> future) throws Exception {
    return future.handle((response, failure) -> failure).get(10, TimeUnit.SECONDS);
  }

  private static URI refusingUri() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/refused");
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

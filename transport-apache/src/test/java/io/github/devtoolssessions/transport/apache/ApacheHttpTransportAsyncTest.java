package io.github.devtoolssessions.transport.apache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.TransportException;
import io.github.devtoolssessions.core.TransportOptions;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Futures, cancellation, interrupts and closing while exchanges are in flight. */
class ApacheHttpTransportAsyncTest {

  private final LoopbackServer server = LoopbackServer.start();
  private final CountDownLatch dripping = new CountDownLatch(1);
  private final CountDownLatch clientGone = new CountDownLatch(1);
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

  private TransportRequest get(String path) {
    return TransportRequest.get(server.uri(path), Headers.empty())
        .withTimeout(Duration.ofSeconds(20));
  }

  @ParameterizedTest
  @EnumSource(
      value = Route.class,
      names = {"CREATED_SEND_ASYNC", "WRAPPED_CLASSIC_SEND_ASYNC"})
  void sendAsyncReturnsBeforeTheServerAnswers(Route route) {
    server.handle("/", exchange -> server.stallUntilClosed());

    CompletableFuture<TransportResponse> response = open(route).transport.sendAsync(get("/stall"));

    assertThat(response).isNotDone();
    response.cancel(true);
  }

  @ParameterizedTest
  @EnumSource(
      value = Route.class,
      names = {"CREATED_SEND_ASYNC", "WRAPPED_CLASSIC_SEND_ASYNC"})
  void cancellingTheFutureAbortsTheExchange(Route route) throws Exception {
    server.handle("/", exchange -> server.drip(exchange, dripping, clientGone));
    CompletableFuture<TransportResponse> response = open(route).transport.sendAsync(get("/drip"));
    assertThat(dripping.await(10, TimeUnit.SECONDS)).isTrue();

    response.cancel(true);

    assertThat(response).isCancelled();
    assertThat(clientGone.await(10, TimeUnit.SECONDS))
        .as("the server saw the connection closed")
        .isTrue();
  }

  @Test
  void dependentStagesRunOnATransportWorkerNotOnTheIoThread() throws Exception {
    CountDownLatch answer = new CountDownLatch(1);
    server.handle(
        "/",
        exchange -> {
          try {
            answer.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(204, -1);
        });
    ApacheHttpTransport transport = open(Route.CREATED_SEND_ASYNC).transport;
    AtomicReference<String> stageThread = new AtomicReference<>();

    CompletableFuture<TransportResponse> response =
        transport
            .sendAsync(get("/later"))
            .whenComplete((r, e) -> stageThread.set(Thread.currentThread().getName()));
    answer.countDown();
    response.get(10, TimeUnit.SECONDS);

    assertThat(stageThread.get()).startsWith(transport.threadNamePrefix() + "worker-");
  }

  @Test
  void sendAndSendAsyncAgreeOnEveryKindOfResponse() throws Exception {
    server.handle(
        "/ok",
        exchange -> {
          exchange.getResponseHeaders().add("X-Repeated", "a");
          exchange.getResponseHeaders().add("X-Repeated", "b");
          byte[] body = "[{\"sessionId\":\"s1\"}]".getBytes();
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
        });
    server.handle("/none", exchange -> exchange.sendResponseHeaders(204, -1));
    server.handle(
        "/moved",
        exchange -> {
          exchange.getResponseHeaders().add("Location", "http://127.0.0.1:9/elsewhere");
          exchange.sendResponseHeaders(302, -1);
        });
    server.handle(
        "/limited",
        exchange -> {
          exchange.getResponseHeaders().add("Retry-After", "3");
          byte[] body = "{\"errors\":[{\"code\":429}]}".getBytes();
          exchange.sendResponseHeaders(429, body.length);
          exchange.getResponseBody().write(body);
        });
    ApacheHttpTransport transport = open(Route.CREATED_SEND).transport;

    for (String path : List.of("/ok", "/none", "/moved", "/limited")) {
      TransportResponse sync = transport.send(get(path));
      TransportResponse async = transport.sendAsync(get(path)).get(10, TimeUnit.SECONDS);

      assertThat(async.statusCode()).as(path).isEqualTo(sync.statusCode());
      assertThat(withoutDate(async.headers())).as(path).isEqualTo(withoutDate(sync.headers()));
      assertThat(async.body()).as(path).isEqualTo(sync.body());
    }
  }

  @Test
  void sendAndSendAsyncFailAlikeWhenTheConnectionIsRefused() throws Exception {
    ApacheHttpTransport transport = open(Route.CREATED_SEND).transport;
    URI refused = URI.create("http://127.0.0.1:" + closedPort() + "/x");
    TransportRequest request = TransportRequest.get(refused, Headers.empty());

    Throwable sync = catchThrowable(() -> transport.send(request));
    Throwable async = catchThrowable(() -> transport.sendAsync(request).get(10, TimeUnit.SECONDS));

    assertThat(sync).isExactlyInstanceOf(TransportException.class);
    assertThat(async).isInstanceOf(ExecutionException.class);
    assertThat(async.getCause()).hasSameClassAs(sync).hasMessageContaining("GET " + refused);
  }

  @ParameterizedTest
  @EnumSource(
      value = Route.class,
      names = {"CREATED_SEND", "WRAPPED_ASYNC_SEND"})
  void anInterruptedSendAbortsTheExchangeAndKeepsTheInterruptFlag(Route route) throws Exception {
    server.handle("/", exchange -> server.drip(exchange, dripping, clientGone));
    ApacheHttpTransport transport = open(route).transport;
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> flagAfter = new AtomicReference<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                transport.send(get("/drip"));
              } catch (RuntimeException e) {
                thrown.set(e);
              }
              flagAfter.set(Thread.currentThread().isInterrupted());
            });
    caller.start();
    assertThat(dripping.await(10, TimeUnit.SECONDS)).isTrue();

    caller.interrupt();
    caller.join(10_000);

    assertThat(thrown.get())
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageContaining("interrupted");
    assertThat(flagAfter.get()).isTrue();
    assertThat(clientGone.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aSendFromAnAlreadyInterruptedThreadIsNotSentAtAll() {
    server.handle("/", exchange -> exchange.sendResponseHeaders(204, -1));
    ApacheHttpTransport transport = open(Route.CREATED_SEND).transport;

    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> transport.send(get("/never")))
          .isExactlyInstanceOf(TransportException.class)
          .hasMessageContaining("interrupted");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(server.requestCount()).isZero();
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void closingTheTransportFailsTheExchangesInFlight(Route route) throws Exception {
    server.handle("/", exchange -> server.stallUntilClosed());
    ApacheHttpTransport transport = open(route).transport;
    CompletableFuture<TransportResponse> response =
        CompletableFuture.supplyAsync(() -> harness.exchange(get("/stall")));
    server.takeRequest();

    transport.close();

    assertThatThrownBy(() -> response.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageContaining("closed");
  }

  private static Map<String, List<String>> withoutDate(Headers headers) {
    Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    map.putAll(headers.map());
    map.remove("Date");
    return map;
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }
}

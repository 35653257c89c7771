package io.github.devtoolssessions.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.TransportException;
import io.github.devtoolssessions.core.TransportOptions;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Creating, wrapping and closing transports: who owns the client and the threads. */
class JdkHttpTransportLifecycleTest {

  private final LoopbackServer server =
      LoopbackServer.start().handle("/", exchange -> exchange.sendResponseHeaders(204, -1));

  @AfterEach
  void closeServer() {
    server.close();
  }

  private TransportRequest get(String path) {
    return TransportRequest.get(server.uri(path), Headers.empty())
        .withTimeout(Duration.ofSeconds(10));
  }

  private static Set<Thread> liveTransportThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith(JdkHttpTransport.THREAD_NAME_PREFIX))
        .collect(Collectors.toSet());
  }

  @Test
  void aCreatedClientNeverFollowsRedirectsAndUsesTheConnectTimeout() {
    try (JdkHttpTransport transport =
        JdkHttpTransport.create(new TransportOptions(Duration.ofMillis(1234)))) {
      HttpClient client = transport.client();

      assertThat(client.followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
      assertThat(client.connectTimeout()).contains(Duration.ofMillis(1234));
      assertThat(client.executor()).isPresent();
    }
  }

  @Test
  void closeLeavesNoTransportThreadAlive() throws Exception {
    Set<Thread> before = liveTransportThreads();
    JdkHttpTransport transport = JdkHttpTransport.create();
    transport.send(get("/a"));
    transport.sendAsync(get("/b")).get(10, TimeUnit.SECONDS);
    Set<Thread> started = liveTransportThreads();
    started.removeAll(before);
    assertThat(started)
        .extracting(Thread::getName)
        .anyMatch(name -> name.contains("-worker-"))
        .anyMatch(name -> name.contains("-timer-"));
    assertThat(started).allMatch(Thread::isDaemon);

    transport.close();

    for (Thread thread : started) {
      thread.join(10_000);
    }
    assertThat(started).noneMatch(Thread::isAlive);
  }

  @Test
  void closeIsIdempotentAndAClosedTransportRefusesToSend() {
    JdkHttpTransport transport = JdkHttpTransport.create();

    transport.close();
    transport.close();

    assertThatThrownBy(() -> transport.send(get("/after")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> transport.sendAsync(get("/after")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void closeFailsTheExchangesStillInFlight() throws Exception {
    CountDownLatch arrived = new CountDownLatch(1);
    server.handle(
        "/stall",
        exchange -> {
          arrived.countDown();
          server.stallUntilClosed();
        });
    JdkHttpTransport transport = JdkHttpTransport.create();
    CompletableFuture<TransportResponse> pending =
        transport.sendAsync(TransportRequest.get(server.uri("/stall"), Headers.empty()));
    assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();

    transport.close();

    Throwable failure = pending.handle((r, t) -> t).get(10, TimeUnit.SECONDS);
    assertThat(failure)
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageContaining("closed")
        .hasMessageContaining("GET " + server.uri("/stall"));
  }

  /**
   * A blocking send on a thread of its own: how it failed (null if it did not), and whether its
   * thread was left interrupted then.
   */
  private record BlockedSend(CompletableFuture<Throwable> failure, AtomicBoolean interrupted) {
    static BlockedSend start(JdkHttpTransport transport, TransportRequest request) {
      BlockedSend blocked = new BlockedSend(new CompletableFuture<>(), new AtomicBoolean(true));
      new Thread(
              () -> {
                try {
                  transport.send(request);
                  blocked.failure.complete(null);
                } catch (RuntimeException e) {
                  blocked.interrupted.set(Thread.currentThread().isInterrupted());
                  blocked.failure.complete(e);
                }
              })
          .start();
      return blocked;
    }
  }

  @Test
  void closeFailsABlockedSendAndLeavesItsThreadUninterrupted() throws Exception {
    CountDownLatch arrived = new CountDownLatch(1);
    server.handle(
        "/stall",
        exchange -> {
          arrived.countDown();
          server.stallUntilClosed();
        });
    JdkHttpTransport transport = JdkHttpTransport.create();
    TransportRequest request = TransportRequest.get(server.uri("/stall"), Headers.empty());
    BlockedSend blocked = BlockedSend.start(transport, request);
    assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();

    transport.close();

    assertThat(blocked.failure().get(10, TimeUnit.SECONDS))
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageContaining("closed")
        .hasMessageContaining("GET " + server.uri("/stall"));
    assertThat(blocked.interrupted()).isFalse();
  }

  @Test
  void closeFailsASendBlockedMidBodyAndLeavesItsThreadUninterrupted() throws Exception {
    CountDownLatch halfSent = new CountDownLatch(1);
    server.handle(
        "/half",
        exchange -> {
          exchange.sendResponseHeaders(200, 1000);
          exchange.getResponseBody().write(new byte[500]);
          exchange.getResponseBody().flush();
          halfSent.countDown();
          server.stallUntilClosed();
        });
    JdkHttpTransport transport = JdkHttpTransport.create();
    TransportRequest request = TransportRequest.get(server.uri("/half"), Headers.empty());
    BlockedSend blocked = BlockedSend.start(transport, request);
    assertThat(halfSent.await(10, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(100); // for the headers and the first half to reach the client

    transport.close();

    assertThat(blocked.failure().get(10, TimeUnit.SECONDS))
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageContaining("closed")
        .hasMessageContaining("GET " + server.uri("/half"));
    assertThat(blocked.interrupted()).isFalse();
  }

  /**
   * The JDK completes the future of {@code sendAsync} on {@code CompletableFuture}'s default
   * executor, which starts a thread per task where the common pool has a parallelism of 1 (two CPUs
   * or fewer, as on the CI machines). A blocking send must not pay that: 200 of them start far
   * fewer than 200 threads, on any machine.
   */
  @Test
  void blockingSendsStartNoThreadPerRequest() {
    try (JdkHttpTransport transport = JdkHttpTransport.create()) {
      transport.send(get("/")); // the client's selector and a worker or two start here
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long startedBefore = threads.getTotalStartedThreadCount();

      for (int i = 0; i < 200; i++) {
        assertThat(transport.send(get("/")).statusCode()).isEqualTo(204);
      }

      assertThat(threads.getTotalStartedThreadCount() - startedBefore)
          .as("threads started by 200 blocking sends (the server's included)")
          .isLessThan(50);
    }
  }

  @Test
  void closingAWrappingTransportLeavesTheApplicationsClientUsable() throws Exception {
    ExecutorService appExecutor = Executors.newCachedThreadPool();
    try {
      HttpClient appClient =
          HttpClient.newBuilder()
              .executor(appExecutor)
              .followRedirects(HttpClient.Redirect.NEVER)
              .version(HttpClient.Version.HTTP_1_1)
              .build();
      JdkHttpTransport transport = JdkHttpTransport.wrap(appClient);
      assertThat(transport.send(get("/via-transport")).statusCode()).isEqualTo(204);

      transport.close();

      assertThat(appExecutor.isShutdown()).isFalse();
      HttpResponse<Void> direct =
          appClient.send(
              HttpRequest.newBuilder(server.uri("/direct")).build(),
              HttpResponse.BodyHandlers.discarding());
      assertThat(direct.statusCode()).isEqualTo(204);
    } finally {
      appExecutor.shutdownNow();
    }
  }

  @Test
  void wrappingAClientThatFollowsRedirectsIsRefused() {
    HttpClient following =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    assertThatThrownBy(() -> JdkHttpTransport.wrap(following))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Redirect.NEVER");
  }

  @Test
  void aRequestOutsideHttpIsRefusedUpFront() {
    try (JdkHttpTransport transport = JdkHttpTransport.create()) {
      TransportRequest ftp = TransportRequest.get(URI.create("ftp://127.0.0.1/x"), Headers.empty());

      assertThatThrownBy(() -> transport.sendAsync(ftp))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}

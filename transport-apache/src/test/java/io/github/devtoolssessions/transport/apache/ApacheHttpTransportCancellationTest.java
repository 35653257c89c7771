package io.github.devtoolssessions.transport.apache;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.TransportOptions;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.core5.pool.PoolStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cancelling the future of {@code sendAsync} while the server holds the response back aborts the
 * exchange at once, also on a connection an earlier exchange left in the pool: the connection is
 * closed, its place in the pool is free, and the next call works.
 */
class ApacheHttpTransportCancellationTest {

  /**
   * Far longer than the test waits for the connection to close, and the request's own timeout is
   * longer still: only the cancellation can close it in time.
   */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  /** How soon after the cancellation the server must see the connection closed. */
  private static final long ABORTED_WITHIN_SECONDS = 5;

  /** The second request is held: it goes out on the connection the first one left idle. */
  private final HoldingServer server = HoldingServer.holdingRequest(2);

  private Route.Harness harness;

  @AfterEach
  void close() {
    if (harness != null) {
      harness.close();
    }
    server.close();
  }

  private TransportRequest get(String path) {
    return TransportRequest.get(server.uri(path), Headers.empty()).withTimeout(REQUEST_TIMEOUT);
  }

  @Test
  void cancellingOnAPooledConnectionClosesItAtOnceAndFreesItsPlaceInThePool() throws Exception {
    harness = Route.CREATED_SEND_ASYNC.open(TransportOptions.defaults());
    PoolingAsyncClientConnectionManager pool = harness.transport.ownAsyncPool();
    assertThat(harness.exchange(get("/first")).statusCode()).isEqualTo(200);
    // The future completes as the body ends, a moment before HttpClient puts the connection back.
    assertThat(pollUntil(() -> poolHolds(pool, 0, 1))).as("%s", pool.getTotalStats()).isTrue();
    CompletableFuture<TransportResponse> held = sendHeld();
    assertThat(pool.getTotalStats().getLeased()).isEqualTo(1);

    assertThat(held.cancel(true)).isTrue();

    assertThat(held).isCancelled();
    assertAbortedAtOnce();
    assertThat(pollUntil(() -> poolHolds(pool, 0, 0)))
        .as("neither leased nor kept: %s", pool.getTotalStats())
        .isTrue();
    assertTheNextCallWorksOnANewConnection();
    assertThat(pollUntil(() -> poolHolds(pool, 0, 1))).as("%s", pool.getTotalStats()).isTrue();
  }

  @Test
  void aClassicClientRunOnAWorkerAlsoClosesAPooledConnectionOnCancel() throws Exception {
    harness = Route.WRAPPED_CLASSIC_SEND_ASYNC.open(TransportOptions.defaults());
    assertThat(harness.exchange(get("/first")).statusCode()).isEqualTo(200);
    CompletableFuture<TransportResponse> held = sendHeld();

    assertThat(held.cancel(true)).isTrue();

    assertThat(held).isCancelled();
    assertAbortedAtOnce();
    assertTheNextCallWorksOnANewConnection();
  }

  /** Sends the request the server holds, once it reached the server on the first's connection. */
  private CompletableFuture<TransportResponse> sendHeld() throws InterruptedException {
    CompletableFuture<TransportResponse> held = harness.transport.sendAsync(get("/held"));
    assertThat(pollUntil(() -> server.requestConnections().size() == 2))
        .as("the held request reached the server")
        .isTrue();
    assertThat(server.requestConnections())
        .as("the held request went out on the first one's connection, from the pool")
        .containsExactly(1, 1);
    return held;
  }

  private void assertAbortedAtOnce() throws InterruptedException {
    assertThat(server.awaitHeldAbandoned(ABORTED_WITHIN_SECONDS, TimeUnit.SECONDS))
        .as("the server saw the held exchange's connection closed soon after the cancellation")
        .isTrue();
    assertThat(pollUntil(() -> server.openConnections() == 0)).isTrue();
  }

  private void assertTheNextCallWorksOnANewConnection() {
    TransportResponse third = harness.exchange(get("/third"));

    assertThat(third.statusCode()).isEqualTo(200);
    assertThat(third.body()).asString().isEqualTo("{}");
    assertThat(server.requestConnections()).containsExactly(1, 1, 2);
    assertThat(server.connectionsOpened()).isEqualTo(2);
  }

  private static boolean poolHolds(
      PoolingAsyncClientConnectionManager pool, int leased, int available) {
    PoolStats stats = pool.getTotalStats();
    return stats.getLeased() == leased && stats.getAvailable() == available;
  }

  /** Whether the condition holds within {@link #ABORTED_WITHIN_SECONDS}, polling it. */
  private static boolean pollUntil(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ABORTED_WITHIN_SECONDS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }
}

package io.github.devtoolssessions.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.api.AllSessionsParams;
import io.github.devtoolssessions.api.DevtoolsSessionsClient;
import io.github.devtoolssessions.core.HttpTransport;
import io.github.devtoolssessions.core.ListSessionsParams;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.Sleeper;
import io.github.devtoolssessions.it.Probes.AttemptRecorder;
import io.github.devtoolssessions.it.Probes.RecordingSleeper;
import io.github.devtoolssessions.json.jackson.JacksonJsonCodec;
import io.github.devtoolssessions.testkit.FakeDevtoolsApi;
import io.github.devtoolssessions.testkit.FakeDevtoolsServer;
import io.github.devtoolssessions.testkit.FakeSessions;
import io.github.devtoolssessions.testkit.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #5: cancelling the future of an async call aborts the exchange in flight (the fake sees the
 * connection closed while it still holds the response back) and starts no further attempt, for
 * {@code listAsync}, {@code getAsync} and the all-sessions walk {@code forEachPageAsync}, on both
 * transports; and cancelling during the wait before a retry starts no retry either.
 */
class CancellationTest {

  private static final List<Session> SEEDED = FakeSessions.generate(505, 5);

  /** How long the fake holds a response back: far longer than any test waits. */
  private static final Duration HELD = Duration.ofSeconds(30);

  /** How long to watch for a request that must not come. */
  private static final Duration QUIET = Duration.ofMillis(500);

  /** The async operation under test. */
  enum Operation {
    /** {@code listAsync}, on a new connection. */
    LIST_ASYNC,
    /** {@code getAsync}, on a new connection. */
    GET_ASYNC,
    /** {@code listAsync} after another call left its connection in the pool for reuse. */
    LIST_ASYNC_ON_A_REUSED_CONNECTION,
    /**
     * {@code forEachPageAsync}, cancelled while the second page is held (its connection reused).
     */
    FOR_EACH_PAGE_ASYNC;

    /** How many requests reach the fake, the held one last. */
    int requests() {
      return this == LIST_ASYNC || this == GET_ASYNC ? 1 : 2;
    }
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Adapters.Transport transport : Adapters.TRANSPORTS) {
      for (Operation operation : Operation.values()) {
        cases.add(Arguments.of(transport, operation));
      }
    }
    return cases.stream();
  }

  private static DevtoolsSessionsClient client(
      FakeDevtoolsServer server, HttpTransport transport, Sleeper sleeper, AttemptRecorder heard) {
    return DevtoolsSessionsClient.builder()
        .accountId(FakeDevtoolsApi.DEFAULT_ACCOUNT_ID)
        .credentials(server.api().credentials())
        .baseUrl(server.baseUrl())
        .transport(transport)
        .jsonCodec(JacksonJsonCodec.create())
        .timeout(Duration.ofSeconds(60))
        .maxRetries(2)
        .sleeper(sleeper)
        .listener(heard)
        .build();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cases")
  void cancellingAbortsTheExchangeInFlightAndStartsNoFurtherAttempt(
      Adapters.Transport transport, Operation operation) {
    cancelWhileHeld(transport, operation);
  }

  private static void cancelWhileHeld(Adapters.Transport transport, Operation operation) {
    FakeDevtoolsApi fake = FakeDevtoolsApi.builder().codec(JacksonJsonCodec.create()).build();
    fake.addSessions(SEEDED);
    // The walk gets its first page, then the second one is held back; the single calls are held
    // back at once, or after a first call that leaves its connection in the pool. Only one request
    // is held: a retry, were there one, would be answered at once.
    int held = operation.requests();
    if (held == 2) {
      fake.faults().next(Fault.none(), Fault.delayHeaders(HELD));
    } else {
      fake.faults().next(Fault.delayHeaders(HELD));
    }
    RecordingSleeper sleeper = new RecordingSleeper();
    AttemptRecorder heard = new AttemptRecorder();
    List<List<Session>> pages = new CopyOnWriteArrayList<>();
    try (FakeDevtoolsServer server = fake.start();
        HttpTransport t = transport.create()) {
      DevtoolsSessionsClient client = client(server, t, sleeper, heard);
      if (operation == Operation.LIST_ASYNC_ON_A_REUSED_CONNECTION) {
        // Leaves its connection in the pool, for the held call to take.
        assertThat(
                Probes.await(client.listAsync(ListSessionsParams.of(5, 0)), Duration.ofSeconds(10))
                    .value())
            .isEqualTo(SEEDED);
      }
      CompletableFuture<?> call =
          switch (operation) {
            case LIST_ASYNC, LIST_ASYNC_ON_A_REUSED_CONNECTION ->
                client.listAsync(ListSessionsParams.of(5, 0));
            case GET_ASYNC -> client.getAsync(SEEDED.get(2).sessionId());
            case FOR_EACH_PAGE_ASYNC ->
                client.forEachPageAsync(
                    AllSessionsParams.builder().pageSize(2).build(), pages::add);
          };
      assertThat(Probes.pollUntil(Duration.ofSeconds(10), () -> fake.requests().size() == held))
          .as("the held request reached the fake")
          .isTrue();

      int openBeforeCancel = server.openConnections();

      assertThat(call.cancel(true)).isTrue();

      assertThat(call).isCancelled();
      assertThat(Probes.pollUntil(Duration.ofSeconds(10), () -> server.abandonedExchanges() == 1))
          .as("the fake saw the held exchange's connection closed")
          .isTrue();
      assertThat(Probes.staysFor(QUIET, () -> fake.requests().size(), held))
          .as("no request after the cancelled one")
          .isTrue();
      assertThat(heard.attempts.get()).as("attempts").isEqualTo(held);
      assertThat(heard.retries.get()).as("retries scheduled").isZero();
      assertThat(sleeper.waits).as("waits").isEmpty();
      assertThat(server.abandonedExchanges()).isEqualTo(1);
      if (operation == Operation.FOR_EACH_PAGE_ASYNC) {
        assertThat(pages).containsExactly(SEEDED.subList(0, 2));
      }
      // The held exchange's connection is closed; one an earlier call left idle may stay.
      assertThat(
              Probes.pollUntil(
                  Duration.ofSeconds(5), () -> server.openConnections() == openBeforeCancel - 1))
          .as("the aborted connection is closed (%d open before)", openBeforeCancel)
          .isTrue();
    }
  }

  /** A sleeper whose waits end only when the test says so. */
  private static final class GatedSleeper implements Sleeper {
    final List<CompletableFuture<Void>> gates = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
      throw new AssertionError("a blocking wait in an async call");
    }

    @Override
    public CompletableFuture<Void> after(Duration duration) {
      CompletableFuture<Void> gate = new CompletableFuture<>();
      gates.add(gate);
      return gate;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.github.devtoolssessions.it.Adapters#transports")
  void cancellingDuringTheWaitBeforeARetryStartsNoRetry(Adapters.Transport transport) {
    FakeDevtoolsApi fake = FakeDevtoolsApi.builder().codec(JacksonJsonCodec.create()).build();
    fake.addSessions(SEEDED);
    fake.faults().next(Fault.internalError());
    GatedSleeper sleeper = new GatedSleeper();
    AttemptRecorder heard = new AttemptRecorder();
    try (FakeDevtoolsServer server = fake.start();
        HttpTransport t = transport.create()) {
      DevtoolsSessionsClient client = client(server, t, sleeper, heard);
      CompletableFuture<List<Session>> call = client.listAsync(ListSessionsParams.of(5, 0));
      assertThat(Probes.pollUntil(Duration.ofSeconds(10), () -> sleeper.gates.size() == 1))
          .as("the client waits to retry after the 500")
          .isTrue();

      assertThat(call.cancel(true)).isTrue();
      // Whatever the client did with its wait, ending it now must not start the retry.
      sleeper.gates.get(0).complete(null);

      assertThat(Probes.staysFor(QUIET, () -> fake.requests().size(), 1))
          .as("no retry after the cancellation")
          .isTrue();
      assertThat(heard.attempts.get()).isEqualTo(1);
      assertThat(sleeper.gates).hasSize(1);
      assertThat(sleeper.gates.get(0)).as("the wait, cancelled by the client").isCancelled();
    }
  }
}

package io.github.devtoolssessions.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.api.DevtoolsSessionsClient;
import io.github.devtoolssessions.core.DevtoolsSessionsException;
import io.github.devtoolssessions.core.HttpTransport;
import io.github.devtoolssessions.core.ListSessionsParams;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.it.Probes.Outcome;
import io.github.devtoolssessions.it.Probes.RecordingSleeper;
import io.github.devtoolssessions.json.jackson.JacksonJsonCodec;
import io.github.devtoolssessions.testkit.FakeDevtoolsApi;
import io.github.devtoolssessions.testkit.FakeDevtoolsServer;
import io.github.devtoolssessions.testkit.FakeSessions;
import io.github.devtoolssessions.testkit.Fault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #4: after 1,000 faulty calls no thread and no connection is left behind. For each
 * transport, 1,000 calls (half blocking, half async) go through every kind of fault the fake acts
 * out, on some calls once and on others on every attempt. Threads are counted from the JVM's own
 * list and connections by the fake server, before, while the client is open (where its pools may
 * keep a few, within a bound that a leak of one per faulty call would blow through at once), and
 * after the transport is closed, when none of either may remain.
 */
class ResourceLeakTest {

  private static final int CALLS = 1_000;

  /** The per-attempt timeout: the slow faults hold their response back longer than this. */
  private static final Duration TIMEOUT = Duration.ofMillis(40);

  private static final Duration SLOW = Duration.ofMillis(150);

  /** The faults the calls cycle through. */
  private static final List<Fault> FAULTS =
      List.of(
          Fault.resetConnection(),
          Fault.truncatedBody(),
          Fault.stallBody(SLOW),
          Fault.internalError(),
          Fault.rateLimited(Duration.ofSeconds(1)),
          Fault.notJson(),
          Fault.delayHeaders(SLOW));

  /**
   * Connections an open client may keep to the one server: an idle keep-alive connection or two per
   * client (apache has a blocking and an async one), plus those the server has not yet seen closed.
   * A leak of one connection per faulty call would be hundreds.
   */
  private static final int MAX_OPEN_CONNECTIONS = 16;

  /**
   * Threads an open client may have started beyond those before: the transport's timer, selector or
   * I/O thread and a few pooled workers. A leak of one thread per call would be hundreds.
   */
  private static final int MAX_NEW_THREADS_WHILE_OPEN = 32;

  /** How long closed resources may take to go: the JDK's pools end threads asynchronously. */
  private static final Duration SETTLE = Duration.ofSeconds(30);

  private static final List<Session> SEEDED = FakeSessions.generate(1000, 20);

  @BeforeAll
  static void quietLibraryLog() {
    Probes.LibraryLog.silence();
  }

  @AfterAll
  static void restoreLibraryLog() {
    Probes.LibraryLog.restore();
  }

  /**
   * Threads the JVM shares between all code and keeps for reuse, started by whoever first needs
   * them (the common pool serves {@code CompletableFuture}'s async stages): not the client's.
   */
  private static boolean sharedByTheJvm(Thread thread) {
    String name = thread.getName();
    return name.startsWith("ForkJoinPool.commonPool-worker-")
        || name.equals("CompletableFutureDelayScheduler")
        || name.equals("Common-Cleaner")
        || name.equals("process reaper")
        || name.equals("Attach Listener");
  }

  /**
   * Threads alive now that were not alive at the start, leaving out the JVM's shared ones and the
   * fake server's (one per connection: the connections themselves are counted, by the server).
   */
  private static Set<Thread> newThreads(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(t -> !before.contains(t))
        .filter(t -> !sharedByTheJvm(t))
        .filter(t -> !t.getName().startsWith("fake-devtools-server-"))
        .collect(Collectors.toSet());
  }

  private static String names(Set<Thread> threads) {
    return threads.stream().map(Thread::getName).sorted().collect(Collectors.joining(", "));
  }

  /** What the 1,000 calls came to, and what was open while the client still was. */
  record Tally(
      Map<String, Integer> outcomes,
      int maxOpenConnections,
      int openConnectionsBeforeClose,
      int newThreadsBeforeClose,
      String threadsBeforeClose) {}

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.github.devtoolssessions.it.Adapters#transports")
  void aThousandFaultyCallsLeaveNoThreadAndNoConnectionBehind(Adapters.Transport transport) {
    FakeDevtoolsApi fake = FakeDevtoolsApi.builder().codec(JacksonJsonCodec.create()).build();
    fake.addSessions(SEEDED);
    try (FakeDevtoolsServer server = fake.start()) {
      Set<Thread> before = Thread.getAllStackTraces().keySet();
      int connectionsBefore = server.openConnections();

      long start = System.nanoTime();
      Tally tally = runCalls(transport, fake, server);
      long closed = System.nanoTime();

      // The transport and the client are closed and unreachable now. The JDK's HttpClient on
      // Java 17 cannot be closed: its selector thread, and with it the pooled connections, end
      // once the client is garbage collected, hence the collections while polling.
      boolean threadsGone =
          Probes.pollUntil(
              SETTLE,
              () -> {
                System.gc();
                return newThreads(before).isEmpty();
              });
      boolean connectionsGone = Probes.pollUntil(SETTLE, () -> server.openConnections() == 0);
      Set<Thread> left = newThreads(before);
      long settled = System.nanoTime();

      System.out.printf(
          "%s: %d calls, outcomes %s; open connections before %d, at most %d while open, %d"
              + " before close, %d after close; new threads before close %d [%s], after close %d"
              + " [%s]; %d requests; %d exchanges abandoned; calls took %d ms, settling %d ms%n",
          transport,
          CALLS,
          tally.outcomes(),
          connectionsBefore,
          tally.maxOpenConnections(),
          tally.openConnectionsBeforeClose(),
          server.openConnections(),
          tally.newThreadsBeforeClose(),
          tally.threadsBeforeClose(),
          left.size(),
          names(left),
          fake.requests().size(),
          server.abandonedExchanges(),
          (closed - start) / 1_000_000,
          (settled - closed) / 1_000_000);

      assertThat(tally.outcomes().values().stream().mapToInt(Integer::intValue).sum())
          .isEqualTo(CALLS);
      assertThat(tally.maxOpenConnections())
          .as("connections open at once while the client is open")
          .isLessThanOrEqualTo(MAX_OPEN_CONNECTIONS);
      assertThat(tally.newThreadsBeforeClose())
          .as("new threads while the client is open: %s", tally.threadsBeforeClose())
          .isLessThanOrEqualTo(MAX_NEW_THREADS_WHILE_OPEN);
      assertThat(threadsGone).as("threads left after close: %s", names(left)).isTrue();
      assertThat(connectionsGone)
          .as("connections left after close: %d", server.openConnections())
          .isTrue();
    }
  }

  /**
   * Makes the calls on a transport and client of their own, closes them, and lets go of them, so
   * that nothing but a leak keeps their resources alive.
   */
  private static Tally runCalls(
      Adapters.Transport transport, FakeDevtoolsApi fake, FakeDevtoolsServer server) {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    Map<String, Integer> outcomes = new TreeMap<>();
    int maxOpen = 0;
    int openBeforeClose;
    Set<Thread> threadsBeforeClose;
    try (HttpTransport t = transport.create()) {
      DevtoolsSessionsClient client =
          DevtoolsSessionsClient.builder()
              .accountId(FakeDevtoolsApi.DEFAULT_ACCOUNT_ID)
              .credentials(fake.credentials())
              .baseUrl(server.baseUrl())
              .transport(t)
              .jsonCodec(JacksonJsonCodec.create())
              .timeout(TIMEOUT)
              .maxRetries(1)
              .sleeper(new RecordingSleeper())
              .build();
      for (int i = 0; i < CALLS; i++) {
        // Every combination of fault, persistence and mode comes round every 28 calls.
        Fault fault = FAULTS.get(i % FAULTS.size());
        boolean everyAttempt = (i / FAULTS.size()) % 2 == 0;
        boolean async = (i / (2 * FAULTS.size())) % 2 == 0;
        fake.faults().clear();
        if (everyAttempt) {
          fake.faults().always(fault);
        } else {
          fake.faults().next(fault);
        }
        ListSessionsParams params = ListSessionsParams.of(20, 0);
        Outcome<List<Session>> outcome =
            async
                ? Probes.await(client.listAsync(params), Duration.ofSeconds(30))
                : Probes.outcomeOf(() -> client.list(params));
        String kind;
        if (outcome.succeeded()) {
          assertThat(outcome.value()).isEqualTo(SEEDED);
          kind = "ok";
        } else {
          assertThat(outcome.failure()).isInstanceOf(DevtoolsSessionsException.class);
          kind = outcome.failure().getClass().getSimpleName();
        }
        outcomes.merge(kind, 1, Integer::sum);
        maxOpen = Math.max(maxOpen, server.openConnections());
      }
      fake.faults().clear();
      openBeforeClose = server.openConnections();
      threadsBeforeClose = newThreads(before);
    }
    return new Tally(
        outcomes, maxOpen, openBeforeClose, threadsBeforeClose.size(), names(threadsBeforeClose));
  }
}

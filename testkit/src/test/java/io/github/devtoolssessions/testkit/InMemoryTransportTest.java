package io.github.devtoolssessions.testkit;

import static io.github.devtoolssessions.testkit.Fixtures.SESSIONS;
import static io.github.devtoolssessions.testkit.Fixtures.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devtoolssessions.core.HttpTransport;
import io.github.devtoolssessions.core.ResponseTimeoutException;
import io.github.devtoolssessions.core.ResponseTooLargeException;
import io.github.devtoolssessions.core.TransportException;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The in-memory transport behaves like a real one: waits, async, cancellation, closing. */
class InMemoryTransportTest {

  private static final Duration FOREVER = Duration.ofMinutes(5);

  private final FakeDevtoolsApi api = Fixtures.api();
  private final HttpTransport transport = api.asTransport();

  InMemoryTransportTest() {
    api.addSessions(FakeSessions.generate(1, 5));
  }

  @AfterEach
  void close() {
    transport.close();
  }

  private static Throwable failureOf(CompletableFuture<TransportResponse> response)
      throws InterruptedException {
    try {
      response.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (TimeoutException e) {
      throw new AssertionError("the future did not complete", e);
    }
    throw new AssertionError("the future completed normally");
  }

  private static Set<String> transportThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .map(Thread::getName)
        .filter(n -> n.startsWith("fake-devtools-transport-"))
        .collect(Collectors.toSet());
  }

  @Test
  void sendAsyncReturnsWhileTheFakeIsStillAnswering() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    api.faults().next(Fault.run(() -> Fixtures.await(release)));

    CompletableFuture<TransportResponse> response = transport.sendAsync(get(SESSIONS));

    assertThat(response).isNotDone();
    release.countDown();
    assertThat(response.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
  }

  @Test
  void sendAsyncFailsWithTheCoreExceptionItselfNotAWrapper() throws Exception {
    api.faults()
        .next(
            Fault.resetConnection(),
            Fault.delayHeaders(FOREVER),
            Fault.status(200, "x".repeat(99)));

    assertThat(failureOf(transport.sendAsync(get(SESSIONS))))
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageContaining("reset");
    assertThat(failureOf(transport.sendAsync(get(SESSIONS).withTimeout(Duration.ofMillis(50)))))
        .isInstanceOf(ResponseTimeoutException.class)
        .hasMessageContaining("50 ms");
    assertThat(failureOf(transport.sendAsync(get(SESSIONS).withMaxBodyBytes(10))))
        .isInstanceOf(ResponseTooLargeException.class);
  }

  @Test
  void syncAndAsyncAgreeOnEveryFault() throws Exception {
    List<Fault> faults =
        List.of(
            Fault.none(),
            Fault.internalError(),
            Fault.resetConnection(),
            Fault.truncatedBody(),
            Fault.stallBody(Duration.ofMillis(10)),
            Fault.stallBody(FOREVER),
            Fault.delayHeaders(FOREVER),
            Fault.notJson());
    for (Fault fault : faults) {
      TransportRequest request = get(SESSIONS).withTimeout(Duration.ofMillis(100));
      api.faults().next(fault, fault);

      String sync;
      try {
        sync = describe(transport.send(request));
      } catch (RuntimeException e) {
        sync = e.getClass().getName();
      }
      CompletableFuture<TransportResponse> future = transport.sendAsync(request);
      String async;
      try {
        async = describe(future.get(10, TimeUnit.SECONDS));
      } catch (ExecutionException e) {
        async = e.getCause().getClass().getName();
      }

      assertThat(async).as(fault.toString()).isEqualTo(sync);
    }
  }

  private static String describe(TransportResponse r) {
    return r.statusCode() + " " + r.body().length;
  }

  @Test
  void cancellingTheFutureDuringADelayCancelsIt() throws Exception {
    api.faults().next(Fault.delayHeaders(FOREVER));
    CompletableFuture<TransportResponse> response = transport.sendAsync(get(SESSIONS));
    Fixtures.awaitTrue(() -> api.requests().size() == 1);

    assertThat(response.cancel(true)).isTrue();

    assertThat(response).isCancelled();
    // The transport goes on serving.
    assertThat(transport.sendAsync(get(SESSIONS)).get(10, TimeUnit.SECONDS).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aFutureCancelledBeforeItsTurnSendsNothing() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    api.faults()
        .next(Fault.run(() -> Fixtures.await(release)), Fault.run(() -> Fixtures.await(release)));
    CompletableFuture<TransportResponse> first = transport.sendAsync(get(SESSIONS + "?limit=1"));
    CompletableFuture<TransportResponse> second = transport.sendAsync(get(SESSIONS + "?limit=2"));
    // Both threads are busy now; the third waits for one of them.
    Fixtures.awaitTrue(() -> api.requests().size() == 2);
    CompletableFuture<TransportResponse> third = transport.sendAsync(get(SESSIONS + "?limit=3"));

    third.cancel(true);
    release.countDown();
    first.get(10, TimeUnit.SECONDS);
    second.get(10, TimeUnit.SECONDS);
    transport.send(get(SESSIONS + "?limit=4"));

    assertThat(api.requests())
        .extracting(r -> r.queryParameter("limit").orElseThrow())
        .containsExactlyInAnyOrder("1", "2", "4");
  }

  @Test
  void interruptingABlockedSendAbortsItAndKeepsTheInterrupt() throws Exception {
    api.faults().next(Fault.delayHeaders(FOREVER));
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean interruptKept = new AtomicBoolean();
    Thread caller =
        new Thread(
            () -> {
              try {
                transport.send(get(SESSIONS));
              } catch (RuntimeException e) {
                thrown.set(e);
                interruptKept.set(Thread.currentThread().isInterrupted());
              }
            });
    caller.start();
    Fixtures.awaitTrue(() -> api.requests().size() == 1);

    caller.interrupt();
    caller.join(10_000);

    assertThat(thrown.get())
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageContaining("interrupted");
    assertThat(interruptKept).isTrue();
  }

  @Test
  void closingFailsWaitingExchangesAndRefusesNewOnes() throws Exception {
    api.faults().always(Fault.delayHeaders(FOREVER));
    CompletableFuture<TransportResponse> waiting = transport.sendAsync(get(SESSIONS));
    Fixtures.awaitTrue(() -> api.requests().size() == 1);

    transport.close();
    transport.close();

    assertThat(failureOf(waiting))
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> transport.send(get(SESSIONS)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> transport.sendAsync(get(SESSIONS)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void itsThreadsAreDaemonsStartedOnDemandAndStoppedByClose() throws Exception {
    Set<String> before = transportThreads();
    HttpTransport own = api.asTransport();
    own.send(get(SESSIONS));
    // Threads of transports closed by earlier tests may still be ending, hence "no new one".
    assertThat(before).as("plain sync calls start no thread").containsAll(transportThreads());

    List<CompletableFuture<TransportResponse>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      calls.add(own.sendAsync(get(SESSIONS)));
    }
    for (CompletableFuture<TransportResponse> call : calls) {
      call.get(10, TimeUnit.SECONDS);
    }
    assertThat(Thread.getAllStackTraces().keySet())
        .filteredOn(t -> t.getName().startsWith("fake-devtools-transport-"))
        .isNotEmpty()
        .allSatisfy(t -> assertThat(t.isDaemon()).isTrue());

    own.close();

    Fixtures.awaitTrue(() -> before.containsAll(transportThreads()));
  }

  @Test
  void manyAsyncCallsWaitingAtOnceHoldNoThreadEach() throws Exception {
    Set<String> before = transportThreads();
    api.faults().always(Fault.delayHeaders(Duration.ofMillis(200)));
    List<CompletableFuture<TransportResponse>> calls = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      calls.add(transport.sendAsync(get(SESSIONS + "?limit=1")));
    }

    for (CompletableFuture<TransportResponse> call : calls) {
      assertThat(call.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }
    assertThat(api.requests()).hasSize(200);
    Set<String> started = transportThreads();
    started.removeAll(before);
    assertThat(started).hasSizeLessThanOrEqualTo(2);
  }
}

package io.github.devtoolssessions.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.api.DevtoolsSessionsClient;
import io.github.devtoolssessions.core.CallListener;
import io.github.devtoolssessions.core.Credentials;
import io.github.devtoolssessions.core.ListSessionsParams;
import io.github.devtoolssessions.core.ServerException;
import io.github.devtoolssessions.core.Sleeper;
import io.github.devtoolssessions.json.jackson.JacksonJsonCodec;
import io.github.devtoolssessions.testkit.FakeDevtoolsApi;
import io.github.devtoolssessions.testkit.FakeDevtoolsServer;
import io.github.devtoolssessions.testkit.FakeSessions;
import io.github.devtoolssessions.testkit.Fault;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link CallListener} carries what a metrics or a tracing integration needs, shown through the
 * public API against the loopback fake: a Micrometer timer per attempt outcome and a retry counter
 * by reason (metrics), and spans built from concurrent async calls, each call's events kept apart
 * by the identity of its {@link CallListener.Call} (tracing).
 */
class CallListenerTest {

  private static final String TOKEN = "tok-listener-secret-1";

  private static FakeDevtoolsApi fake() {
    FakeDevtoolsApi fake =
        FakeDevtoolsApi.builder()
            .codec(JacksonJsonCodec.create())
            .credentials(Credentials.apiToken(TOKEN))
            .build();
    fake.addSessions(FakeSessions.generate(7, 30));
    return fake;
  }

  /** A metrics integration: attempt durations by outcome, retries by reason. */
  static final class Metrics implements CallListener {
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Override
    public void attemptEnd(
        Call call, int attempt, OptionalInt status, Optional<Throwable> failure, Duration took) {
      Timer.builder("devtools.sessions.attempt")
          .tag("operation", call.operation())
          .tag(
              "outcome",
              status.isPresent()
                  ? String.valueOf(status.getAsInt())
                  : failure.map(f -> f.getClass().getSimpleName()).orElse("unknown"))
          .register(registry)
          .record(took);
    }

    @Override
    public void retryScheduled(Call call, int nextAttempt, Duration wait, String reason) {
      Counter.builder("devtools.sessions.retries")
          .tag("reason", reason.startsWith("HTTP") ? reason.substring(0, 8) : reason)
          .register(registry)
          .increment();
    }

    @Override
    public void callEnd(Call call, int attempts, Optional<Throwable> failure, Duration took) {
      Timer.builder("devtools.sessions.call")
          .tag("operation", call.operation())
          .tag("outcome", failure.isPresent() ? "failure" : "success")
          .register(registry)
          .record(took);
    }

    long attempts(String outcome) {
      Timer t = registry.find("devtools.sessions.attempt").tag("outcome", outcome).timer();
      return t == null ? 0 : t.count();
    }

    double retries(String reason) {
      Counter c = registry.find("devtools.sessions.retries").tag("reason", reason).counter();
      return c == null ? 0 : c.count();
    }

    long calls(String outcome) {
      Timer t = registry.find("devtools.sessions.call").tag("outcome", outcome).timer();
      return t == null ? 0 : t.count();
    }
  }

  @Test
  void aMicrometerTimerCountsAttemptsByOutcomeAndRetriesByReason() {
    FakeDevtoolsApi fake = fake();
    Metrics metrics = new Metrics();
    List<Duration> waits = new CopyOnWriteArrayList<>();
    Sleeper recording = waits::add;
    try (FakeDevtoolsServer server = fake.start();
        DevtoolsSessionsClient client =
            DevtoolsSessionsClient.builder()
                .baseUrl(server.baseUrl())
                .accountId(FakeDevtoolsApi.DEFAULT_ACCOUNT_ID)
                .credentials(Credentials.apiToken(TOKEN))
                .transportName("jdk")
                .jsonCodecName("jackson")
                .sleeper(recording)
                .listener(metrics)
                .build()) {
      fake.faults().next(Fault.serviceUnavailableHtml(), Fault.rateLimited(Duration.ofSeconds(3)));
      assertThat(client.list(ListSessionsParams.builder().limit(10).build())).hasSize(10);

      fake.faults().next(Fault.internalError(), Fault.internalError(), Fault.internalError());
      try {
        client.list();
      } catch (ServerException expected) {
        assertThat(expected.attempts()).isEqualTo(3);
      }
    }
    assertThat(metrics.attempts("503")).isEqualTo(1);
    assertThat(metrics.attempts("429")).isEqualTo(1);
    assertThat(metrics.attempts("200")).isEqualTo(1);
    assertThat(metrics.attempts("500")).isEqualTo(3);
    assertThat(metrics.retries("HTTP 503")).isEqualTo(1);
    assertThat(metrics.retries("HTTP 429")).isEqualTo(1);
    assertThat(metrics.retries("HTTP 500")).isEqualTo(2);
    assertThat(metrics.calls("success")).isEqualTo(1);
    assertThat(metrics.calls("failure")).isEqualTo(1);
    // The 429's Retry-After reached the sleeper: the listener heard the same wait.
    assertThat(waits).contains(Duration.ofSeconds(3));
  }

  /** A tracing integration: one span per call, its events in order, keyed by the Call. */
  static final class Tracer implements CallListener {
    final Map<Call, List<String>> spans = Collections.synchronizedMap(new IdentityHashMap<>());
    final List<String> misplaced = new CopyOnWriteArrayList<>();

    private void event(Call call, String what) {
      List<String> span = spans.get(call);
      if (span == null) {
        misplaced.add(what + " before callStart");
        return;
      }
      synchronized (span) {
        span.add(what);
      }
    }

    @Override
    public void callStart(Call call) {
      if (spans.put(call, new ArrayList<>(List.of("start " + call.operation()))) != null) {
        misplaced.add("a Call instance reused by two calls");
      }
    }

    @Override
    public void attemptStart(Call call, int attempt) {
      event(call, "attempt " + attempt);
    }

    @Override
    public void attemptEnd(
        Call call, int attempt, OptionalInt status, Optional<Throwable> failure, Duration took) {
      event(
          call,
          "end "
              + attempt
              + " "
              + (status.isPresent() ? status.getAsInt() : failure.orElseThrow().getClass()));
    }

    @Override
    public void retryScheduled(Call call, int nextAttempt, Duration wait, String reason) {
      event(call, "retry " + nextAttempt);
    }

    @Override
    public void callEnd(Call call, int attempts, Optional<Throwable> failure, Duration took) {
      event(call, "finish " + attempts + " " + (failure.isPresent() ? "failed" : "ok"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.github.devtoolssessions.it.Adapters#transports")
  void concurrentAsyncCallsGiveOneWellFormedSpanEach(Adapters.Transport transport) {
    FakeDevtoolsApi fake = fake();
    Tracer tracer = new Tracer();
    int calls = 40;
    try (FakeDevtoolsServer server = fake.start();
        DevtoolsSessionsClient client =
            DevtoolsSessionsClient.builder()
                .baseUrl(server.baseUrl())
                .accountId(FakeDevtoolsApi.DEFAULT_ACCOUNT_ID)
                .credentials(Credentials.apiToken(TOKEN))
                .transport(transport.create())
                .jsonCodecName("jackson")
                .sleeper(duration -> {})
                .listener(tracer)
                .build()) {
      // Every other request fails once: some calls retry, others do not, all at the same time.
      Fault[] faults = new Fault[calls];
      for (int i = 0; i < calls; i++) {
        faults[i] = i % 2 == 0 ? Fault.internalError() : Fault.none();
      }
      fake.faults().next(faults);
      List<CompletableFuture<?>> futures = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        futures.add(client.listAsync(ListSessionsParams.builder().limit(5).build()));
      }
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
      int requests = fake.requests().size();

      assertThat(tracer.misplaced).isEmpty();
      // Forty calls with equal Call values (same operation, method, URI), yet forty spans.
      assertThat(tracer.spans).hasSize(calls);
      int attempts = 0;
      for (Map.Entry<CallListener.Call, List<String>> e : tracer.spans.entrySet()) {
        List<String> span = e.getValue();
        int n = Integer.parseInt(span.get(span.size() - 1).split(" ")[1]);
        attempts += n;
        List<String> expected = new ArrayList<>(List.of("start list"));
        for (int a = 1; a <= n; a++) {
          expected.add("attempt " + a);
          expected.add("end " + a + " " + (a < n ? "500" : "200"));
          if (a < n) {
            expected.add("retry " + (a + 1));
          }
        }
        expected.add("finish " + n + " ok");
        assertThat(span).as("span of %s", e.getKey()).containsExactlyElementsOf(expected);
        assertThat(e.getKey().uri().toString()).doesNotContain(TOKEN);
      }
      // The attempts the spans tell of are the requests the server saw.
      assertThat(attempts).isEqualTo(requests).isEqualTo(calls + calls / 2);
    }
  }
}

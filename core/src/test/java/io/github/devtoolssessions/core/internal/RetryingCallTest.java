package io.github.devtoolssessions.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devtoolssessions.core.CallListener;
import io.github.devtoolssessions.core.CloudflareError;
import io.github.devtoolssessions.core.DeadlineExceededException;
import io.github.devtoolssessions.core.DecodingException;
import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.HttpTransport;
import io.github.devtoolssessions.core.JsonCodec;
import io.github.devtoolssessions.core.NotFoundException;
import io.github.devtoolssessions.core.RateLimitException;
import io.github.devtoolssessions.core.ResponseTimeoutException;
import io.github.devtoolssessions.core.RetryPolicy;
import io.github.devtoolssessions.core.ServerException;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.Sleeper;
import io.github.devtoolssessions.core.TransportException;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The retry loop, on a fake clock that only the fake sleeper and fake transport advance. */
class RetryingCallTest {

  /** A clock that moves only when told. */
  static final class FakeClock extends Clock {
    private Instant now = Instant.parse("2026-12-03T10:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** Answers from a script; each entry may take fake time. */
  final class ScriptedTransport implements HttpTransport {
    final Deque<Supplier<TransportResponse>> script = new ArrayDeque<>();
    final List<TransportRequest> seen = new ArrayList<>();
    Duration each = Duration.ZERO;

    ScriptedTransport then(int status, String... headers) {
      Headers.Builder h = Headers.builder();
      for (int i = 0; i < headers.length; i += 2) {
        h.add(headers[i], headers[i + 1]);
      }
      TransportResponse r =
          new TransportResponse(status, h.build(), "[]".getBytes(StandardCharsets.UTF_8));
      script.add(() -> r);
      return this;
    }

    ScriptedTransport thenFail(RuntimeException e) {
      script.add(
          () -> {
            throw e;
          });
      return this;
    }

    @Override
    public TransportResponse send(TransportRequest request) {
      seen.add(request);
      clock.advance(each);
      return script.removeFirst().get();
    }

    @Override
    public CompletableFuture<TransportResponse> sendAsync(TransportRequest request) {
      try {
        return CompletableFuture.completedFuture(send(request));
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }
  }

  /** Records every wait and advances the clock instead of sleeping. */
  final class FakeSleeper implements Sleeper {
    final List<Duration> waits = new ArrayList<>();

    /** How many waits blocked a thread: an async call must make none. */
    int blocking;

    @Override
    public void sleep(Duration duration) {
      blocking++;
      waits.add(duration);
      clock.advance(duration);
    }

    @Override
    public CompletableFuture<Void> after(Duration duration) {
      waits.add(duration);
      clock.advance(duration);
      return CompletableFuture.completedFuture(null);
    }
  }

  private static final class EmptyCodec implements JsonCodec {
    @Override
    public List<Session> readSessions(byte[] body) {
      return List.of();
    }

    @Override
    public Optional<Session> readSession(byte[] body) {
      return Optional.empty();
    }

    @Override
    public List<CloudflareError> readErrors(byte[] body) {
      return List.of();
    }

    @Override
    public byte[] writeSessions(List<Session> sessions) {
      return new byte[0];
    }

    @Override
    public byte[] writeSession(Session session) {
      return new byte[0];
    }
  }

  final FakeClock clock = new FakeClock();
  final FakeSleeper sleeper = new FakeSleeper();
  final ScriptedTransport transport = new ScriptedTransport();
  final ResponseReader reader = new ResponseReader(new EmptyCodec(), clock);
  final List<String> events = new ArrayList<>();
  final CallListener listener =
      new CallListener() {
        @Override
        public void callStart(Call call) {
          events.add("callStart " + call.operation());
        }

        @Override
        public void attemptStart(Call call, int attempt) {
          events.add("attemptStart " + attempt);
        }

        @Override
        public void attemptEnd(
            Call call,
            int attempt,
            OptionalInt status,
            Optional<Throwable> failure,
            Duration duration) {
          events.add(
              "attemptEnd "
                  + attempt
                  + " "
                  + (status.isPresent()
                      ? status.getAsInt()
                      : failure.get().getClass().getSimpleName())
                  + " "
                  + duration.toMillis()
                  + "ms");
        }

        @Override
        public void retryScheduled(Call call, int nextAttempt, Duration wait, String reason) {
          events.add("retry " + nextAttempt + " after " + wait.toMillis() + "ms: " + reason);
        }

        @Override
        public void callEnd(
            Call call, int attempts, Optional<Throwable> failure, Duration duration) {
          events.add(
              "callEnd "
                  + attempts
                  + " "
                  + failure.map(f -> f.getClass().getSimpleName()).orElse("ok"));
        }
      };

  final TransportRequest request =
      TransportRequest.get(URI.create("https://h.test/x"), Headers.empty())
          .withTimeout(Duration.ofSeconds(60));

  RetryingCall call(RetryPolicy policy, Optional<Duration> deadline) {
    return new RetryingCall(
        transport, reader, new RetryDecider(policy, () -> 0.0), clock, sleeper, deadline, listener);
  }

  RetryingCall call() {
    return call(RetryPolicy.defaults(), Optional.empty());
  }

  @Test
  void aSuccessAfterTwoServerErrorsTakesThreeAttemptsWithBackoff() {
    transport.then(503).then(502).then(200);
    assertThat(call().execute("list", request, reader::sessions)).isEmpty();
    assertThat(transport.seen).hasSize(3);
    assertThat(sleeper.waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  @Test
  void theLastFailureSaysHowManyAttemptsAndKeepsTheEarlierOnesSuppressed() {
    transport.then(503).thenFail(new TransportException("connection reset")).then(500);
    assertThatThrownBy(() -> call().execute("list", request, reader::sessions))
        .isInstanceOfSatisfying(
            ServerException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(500);
              assertThat(e.attempts()).isEqualTo(3);
              assertThat(e.getMessage()).endsWith("[after 3 attempts]");
              assertThat(e.getSuppressed()).hasSize(2);
              assertThat(e.getSuppressed()[0]).isInstanceOf(ServerException.class);
              assertThat(e.getSuppressed()[1]).hasMessage("connection reset");
            });
    assertThat(transport.seen).hasSize(3);
  }

  @Test
  void clientErrorsAreNotRetried() {
    transport.then(404);
    assertThatThrownBy(() -> call().execute("list", request, reader::sessions))
        .isInstanceOf(NotFoundException.class)
        .satisfies(e -> assertThat(((NotFoundException) e).attempts()).isEqualTo(1));
    assertThat(transport.seen).hasSize(1);
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void aMapperThatAccepts404EndsTheCallWithItsValue() {
    transport.then(404);
    assertThat(call().execute("get", request, reader::session)).isEmpty();
  }

  @Test
  void retryAfterIsHonouredAndADemandBeyondTheCapFailsAtOnce() {
    transport.then(429, "Retry-After", "3").then(429, "Retry-After", "3600");
    assertThatThrownBy(() -> call().execute("list", request, reader::sessions))
        .isInstanceOfSatisfying(
            RateLimitException.class,
            e -> {
              assertThat(e.retryAfter()).contains(Duration.ofHours(1));
              assertThat(e.attempts()).isEqualTo(2);
            });
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void noRetryStartsWhoseWaitReachesPastTheDeadline() {
    transport.then(503).then(503);
    transport.each = Duration.ofSeconds(4);
    RetryingCall withDeadline = call(RetryPolicy.defaults(), Optional.of(Duration.ofSeconds(5)));
    assertThatThrownBy(() -> withDeadline.execute("list", request, reader::sessions))
        .isInstanceOfSatisfying(
            DeadlineExceededException.class,
            e -> {
              assertThat(e.deadline()).isEqualTo(Duration.ofSeconds(5));
              assertThat(e.getCause()).isInstanceOf(ServerException.class);
              assertThat(e.getMessage()).contains("would start after the deadline");
            });
    // 4 s used, 0.5 s backoff fits: second attempt; 8 s used, no more.
    assertThat(transport.seen).hasSize(2);
  }

  @Test
  void anAsyncCallRetriesWithoutBlockingAThread() {
    transport.then(503).then(200);
    assertThat(call().executeAsync("list", request, reader::sessions).join()).isEmpty();
    assertThat(transport.seen).hasSize(2);
    assertThat(sleeper.waits).hasSize(1);
    assertThat(sleeper.blocking).isZero();
  }

  @Test
  void anAsyncCallStartsNoRetryWhoseWaitReachesPastTheDeadline() {
    transport.then(503).then(503);
    transport.each = Duration.ofSeconds(4);
    RetryingCall withDeadline = call(RetryPolicy.defaults(), Optional.of(Duration.ofSeconds(5)));
    assertThatThrownBy(() -> withDeadline.executeAsync("list", request, reader::sessions).join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            DeadlineExceededException.class,
            e -> {
              assertThat(e.deadline()).isEqualTo(Duration.ofSeconds(5));
              assertThat(e.getMessage()).contains("would start after the deadline");
            });
    assertThat(transport.seen).hasSize(2);
    assertThat(sleeper.blocking).isZero();
  }

  @Test
  void anAttemptsTimeoutIsShortenedToEndByTheDeadline() {
    transport.thenFail(new ResponseTimeoutException("slow", null));
    RetryingCall withDeadline = call(RetryPolicy.defaults(), Optional.of(Duration.ofSeconds(5)));
    assertThatThrownBy(() -> withDeadline.execute("list", request, reader::sessions))
        .isInstanceOf(DeadlineExceededException.class)
        .hasMessageContaining("cut attempt 1 short");
    assertThat(transport.seen.get(0).timeout()).contains(Duration.ofSeconds(5));
  }

  @Test
  void aTimeoutWithinTheDeadlineIsRetried() {
    transport.thenFail(new ResponseTimeoutException("slow", null)).then(200);
    RetryingCall withDeadline = call(RetryPolicy.defaults(), Optional.of(Duration.ofMinutes(5)));
    assertThat(withDeadline.execute("list", request, reader::sessions)).isEmpty();
    assertThat(transport.seen.get(0).timeout()).contains(Duration.ofSeconds(60));
  }

  @Test
  void anUnreadableSuccessIsNotRetried() {
    transport.then(200);
    RetryingCall.ResponseMapper<List<Session>> failing =
        (req, resp) -> {
          throw new DecodingException("bad body");
        };
    assertThatThrownBy(() -> call().execute("list", request, failing))
        .isInstanceOf(DecodingException.class);
    assertThat(transport.seen).hasSize(1);
  }

  @Test
  void theListenerHearsEveryStep() {
    transport.each = Duration.ofMillis(20);
    transport.then(503).then(200);
    call().execute("list", request, reader::sessions);
    assertThat(events)
        .containsExactly(
            "callStart list",
            "attemptStart 1",
            "attemptEnd 1 503 20ms",
            "retry 2 after 500ms: HTTP 503",
            "attemptStart 2",
            "attemptEnd 2 200 20ms",
            "callEnd 2 ok");
  }

  @Test
  void aThrowingListenerDoesNotBreakTheCall() {
    transport.then(200);
    RetryingCall c =
        new RetryingCall(
            transport,
            reader,
            new RetryDecider(RetryPolicy.defaults(), () -> 0.0),
            clock,
            sleeper,
            Optional.empty(),
            new CallListener() {
              @Override
              public void attemptStart(Call call, int attempt) {
                throw new IllegalStateException("listener bug");
              }
            });
    assertThat(c.execute("list", request, reader::sessions)).isEmpty();
  }

  @Test
  void asyncCallsRetryTheSameWay() throws Exception {
    transport.then(503).thenFail(new TransportException("reset")).then(200);
    assertThat(call().executeAsync("list", request, reader::sessions).get()).isEmpty();
    assertThat(transport.seen).hasSize(3);
    assertThat(sleeper.waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  @Test
  void asyncFailuresCarryAttemptsAndSuppressedFailures() {
    transport.then(503).then(503).then(503);
    CompletableFuture<List<Session>> f = call().executeAsync("list", request, reader::sessions);
    assertThatThrownBy(f::get)
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            ServerException.class,
            e -> {
              assertThat(e.attempts()).isEqualTo(3);
              assertThat(e.getSuppressed()).hasSize(2);
            });
  }

  @Test
  void cancellingAnAsyncCallCancelsTheExchangeAndStartsNoRetry() {
    CompletableFuture<TransportResponse> pending = new CompletableFuture<>();
    AtomicInteger sends = new AtomicInteger();
    HttpTransport hanging =
        new HttpTransport() {
          @Override
          public TransportResponse send(TransportRequest r) {
            throw new AssertionError("sync not used");
          }

          @Override
          public CompletableFuture<TransportResponse> sendAsync(TransportRequest r) {
            sends.incrementAndGet();
            return pending;
          }
        };
    RetryingCall c =
        new RetryingCall(
            hanging,
            reader,
            new RetryDecider(RetryPolicy.defaults(), () -> 0.0),
            clock,
            sleeper,
            Optional.empty(),
            listener);
    CompletableFuture<List<Session>> f = c.executeAsync("list", request, reader::sessions);
    f.cancel(true);
    assertThat(pending).isCancelled();
    assertThat(sleeper.waits).isEmpty();
    // An assertion inside sendAsync would be swallowed by the call's future: count, then check.
    assertThat(sends).hasValue(1);
  }
}

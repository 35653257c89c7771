package io.github.devtoolssessions.core.internal;

import io.github.devtoolssessions.core.CallListener;
import io.github.devtoolssessions.core.DeadlineExceededException;
import io.github.devtoolssessions.core.DevtoolsSessionsException;
import io.github.devtoolssessions.core.HttpTransport;
import io.github.devtoolssessions.core.ResponseTimeoutException;
import io.github.devtoolssessions.core.Sleeper;
import io.github.devtoolssessions.core.TransportException;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one call: sends the request, and sends it again while {@link RetryDecider} says so, within
 * the overall deadline. The same steps serve the blocking and the non-blocking form; only the
 * waiting differs ({@link Sleeper#sleep} or {@link Sleeper#after}).
 *
 * <p>What the call ends with: the mapped value of the last response, or the last failure, whose
 * {@link DevtoolsSessionsException#attempts()} says how many attempts were made and which carries
 * the earlier failures as suppressed exceptions. A deadline that cuts an attempt short, or that the
 * next wait would reach past, ends the call in {@link DeadlineExceededException}.
 */
public final class RetryingCall {

  /** Turns the final response into the call's value, or throws the typed exception. */
  @FunctionalInterface
  public interface ResponseMapper<T> {
    /** The value of a response the call will not retry. */
    T map(TransportRequest request, TransportResponse response);
  }

  private final HttpTransport transport;
  private final ResponseReader reader;
  private final RetryDecider decider;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Optional<Duration> deadline;
  private final CallListener listener;
  private final CallLog log;

  /**
   * A runner of calls.
   *
   * @param deadline the most a whole call may take, attempts and waits included; empty for none
   */
  public RetryingCall(
      HttpTransport transport,
      ResponseReader reader,
      RetryDecider decider,
      Clock clock,
      Sleeper sleeper,
      Optional<Duration> deadline,
      CallListener listener) {
    this(transport, reader, decider, clock, sleeper, deadline, listener, new CallLog());
  }

  /** A runner of calls that logs to {@code log}, for tests. */
  public RetryingCall(
      HttpTransport transport,
      ResponseReader reader,
      RetryDecider decider,
      Clock clock,
      Sleeper sleeper,
      Optional<Duration> deadline,
      CallListener listener,
      CallLog log) {
    this.log = log;
    this.transport = transport;
    this.reader = reader;
    this.decider = decider;
    this.clock = clock;
    this.sleeper = sleeper;
    this.deadline = deadline;
    this.listener = listener;
  }

  /** Runs the call on the calling thread. */
  public <T> T execute(String operation, TransportRequest request, ResponseMapper<T> mapper) {
    State state = new State(operation, request);
    while (true) {
      TransportRequest attemptRequest = state.startAttempt();
      Step<T> step;
      try {
        step = state.afterResponse(transport.send(attemptRequest), mapper);
      } catch (RuntimeException e) {
        step = state.afterFailure(e);
      }
      if (step.done) {
        return state.finish(step);
      }
      try {
        sleeper.sleep(step.wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw state.fail(
            new TransportException("interrupted while waiting to retry " + request, e));
      }
    }
  }

  /**
   * Runs the call without blocking the caller. Cancelling the returned future cancels the attempt
   * in flight (or the wait) and starts no further attempt.
   */
  public <T> CompletableFuture<T> executeAsync(
      String operation, TransportRequest request, ResponseMapper<T> mapper) {
    CompletableFuture<T> result = new CompletableFuture<>();
    AtomicReference<CompletableFuture<?>> inFlight = new AtomicReference<>();
    State state = new State(operation, request);
    result.whenComplete(
        (value, failure) -> {
          if (result.isCancelled()) {
            CompletableFuture<?> current = inFlight.get();
            if (current != null) {
              current.cancel(true);
            }
          }
        });
    attemptAsync(state, mapper, result, inFlight);
    return result;
  }

  private <T> void attemptAsync(
      State state,
      ResponseMapper<T> mapper,
      CompletableFuture<T> result,
      AtomicReference<CompletableFuture<?>> inFlight) {
    if (result.isDone()) {
      return;
    }
    CompletableFuture<TransportResponse> sent;
    try {
      sent = transport.sendAsync(state.startAttempt());
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    inFlight.set(sent);
    if (result.isCancelled()) {
      sent.cancel(true);
      return;
    }
    sent.whenComplete(
        (response, error) -> {
          if (result.isDone()) {
            return;
          }
          Step<T> step;
          try {
            step =
                error == null
                    ? state.afterResponse(response, mapper)
                    : state.afterFailure(unwrap(error));
            if (step.done) {
              result.complete(state.finish(step));
              return;
            }
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
          }
          CompletableFuture<Void> waited = sleeper.after(step.wait);
          inFlight.set(waited);
          waited.whenComplete(
              (ignored, waitError) -> {
                if (waitError != null) {
                  if (!result.isDone()) {
                    result.completeExceptionally(
                        state.fail(
                            new TransportException(
                                "the wait before retrying " + state.request + " failed",
                                unwrap(waitError))));
                  }
                  return;
                }
                attemptAsync(state, mapper, result, inFlight);
              });
        });
  }

  private static RuntimeException unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof RuntimeException) {
      return (RuntimeException) t;
    }
    return new TransportException("the exchange failed: " + t, t);
  }

  /** What to do after one attempt: finish with a value or exception, or wait and try again. */
  private static final class Step<T> {
    final boolean done;
    final T value;
    final RuntimeException failure;
    final Duration wait;

    private Step(boolean done, T value, RuntimeException failure, Duration wait) {
      this.done = done;
      this.value = value;
      this.failure = failure;
      this.wait = wait;
    }

    static <T> Step<T> value(T value) {
      return new Step<>(true, value, null, Duration.ZERO);
    }

    static <T> Step<T> failure(RuntimeException failure) {
      return new Step<>(true, null, failure, Duration.ZERO);
    }

    static <T> Step<T> retryAfter(Duration wait) {
      return new Step<>(false, null, null, wait);
    }
  }

  /** The progress of one call: attempts, earlier failures, timing. Used by one thread at a time. */
  private final class State {
    final CallListener.Call call;
    final TransportRequest request;
    final Instant start;
    final Instant deadlineAt;
    final List<Throwable> failures = new ArrayList<>();
    int attempt;
    Instant attemptStart;
    boolean cutByDeadline;

    State(String operation, TransportRequest request) {
      this.request = request;
      this.call = new CallListener.Call(operation, request.method(), request.uri());
      this.start = clock.instant();
      this.deadlineAt = deadline.map(start::plus).orElse(null);
      tell(() -> listener.callStart(call));
    }

    /** Counts the attempt, tells the listener, and gives the request with its timeout. */
    TransportRequest startAttempt() {
      attempt++;
      attemptStart = clock.instant();
      cutByDeadline = false;
      TransportRequest attemptRequest = request;
      if (deadlineAt != null) {
        Duration remaining = Duration.between(attemptStart, deadlineAt);
        if (remaining.isNegative() || remaining.isZero()) {
          remaining = Duration.ofMillis(1);
        }
        if (request.timeout().isEmpty() || remaining.compareTo(request.timeout().get()) < 0) {
          attemptRequest = request.withTimeout(remaining);
          cutByDeadline = true;
        }
      }
      tell(() -> listener.attemptStart(call, attempt));
      return attemptRequest;
    }

    <T> Step<T> afterResponse(TransportResponse response, ResponseMapper<T> mapper) {
      Duration took = Duration.between(attemptStart, clock.instant());
      log.attempt(request, attempt, response, took);
      tell(
          () ->
              listener.attemptEnd(
                  call, attempt, OptionalInt.of(response.statusCode()), Optional.empty(), took));
      if (!response.isSuccessful()) {
        RetryDecider.Decision decision =
            decider.afterResponse(response, attempt, RetryAfter.read(response.headers(), clock));
        if (decision.retry()) {
          return retryOrGiveUp(reader.error(request, response), decision);
        }
      }
      try {
        return Step.value(mapper.map(request, response));
      } catch (RuntimeException e) {
        return Step.failure(e);
      }
    }

    <T> Step<T> afterFailure(RuntimeException failure) {
      Duration took = Duration.between(attemptStart, clock.instant());
      log.attempt(request, attempt, failure, took);
      tell(
          () ->
              listener.attemptEnd(call, attempt, OptionalInt.empty(), Optional.of(failure), took));
      if (failure instanceof ResponseTimeoutException && cutByDeadline) {
        return Step.failure(
            deadlineExceeded("the deadline cut attempt " + attempt + " short", failure));
      }
      if (!(failure instanceof TransportException)) {
        return Step.failure(failure);
      }
      RetryDecider.Decision decision = decider.afterFailure((TransportException) failure, attempt);
      if (!decision.retry()) {
        return Step.failure(failure);
      }
      return retryOrGiveUp(failure, decision);
    }

    private <T> Step<T> retryOrGiveUp(RuntimeException failure, RetryDecider.Decision decision) {
      if (deadlineAt != null && !clock.instant().plus(decision.delay()).isBefore(deadlineAt)) {
        return Step.failure(
            deadlineExceeded(
                "retrying after "
                    + decision.reason()
                    + " would start after the deadline (wait "
                    + decision.delay()
                    + ")",
                failure));
      }
      failures.add(failure);
      int next = attempt + 1;
      log.retry(request, next, decision.delay(), decision.reason());
      tell(() -> listener.retryScheduled(call, next, decision.delay(), decision.reason()));
      return Step.retryAfter(decision.delay());
    }

    private DeadlineExceededException deadlineExceeded(String why, Throwable cause) {
      return new DeadlineExceededException(
          request + " did not complete within its deadline of " + deadline.get() + ": " + why,
          deadline.get(),
          cause);
    }

    <T> T finish(Step<T> step) {
      if (step.failure != null) {
        throw fail(step.failure);
      }
      tell(
          () ->
              listener.callEnd(
                  call, attempt, Optional.empty(), Duration.between(start, clock.instant())));
      return step.value;
    }

    RuntimeException fail(RuntimeException failure) {
      if (failure instanceof DevtoolsSessionsException) {
        ((DevtoolsSessionsException) failure).recordAttempts(Math.max(1, attempt));
      }
      for (Throwable earlier : failures) {
        if (earlier != failure) {
          failure.addSuppressed(earlier);
        }
      }
      log.failure(request, Math.max(1, attempt), failure);
      tell(
          () ->
              listener.callEnd(
                  call, attempt, Optional.of(failure), Duration.between(start, clock.instant())));
      return failure;
    }
  }

  /** Runs a listener callback; a listener's exception must not break the call. */
  private static void tell(Runnable callback) {
    try {
      callback.run();
    } catch (RuntimeException ignored) {
      // Listeners are observers: their failures are theirs, never the call's.
    }
  }
}

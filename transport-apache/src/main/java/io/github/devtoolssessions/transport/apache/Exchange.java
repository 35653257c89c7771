package io.github.devtoolssessions.transport.apache;

import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * One request in flight, whatever client carries it: the future handed to the caller, the request's
 * deadline, and the way to abort the exchange.
 *
 * <p>The outcome is settled once, by whichever comes first: the HTTP stack's result, the deadline
 * passing, the caller cancelling, or the transport closing. Anything but a response then aborts the
 * exchange (closing its connection), and the outcome, translated to the core's exceptions, is
 * handed to the caller's future on the given executor.
 *
 * <p>The deadline runs on the JDK's shared {@link CompletableFuture} delay scheduler, which only
 * settles the outcome and aborts: the transport keeps no timer thread of its own.
 */
final class Exchange {

  private final TransportRequest request;
  private final Executor delivery;
  private final CompletableFuture<TransportResponse> outcome = new CompletableFuture<>();
  private final CompletableFuture<TransportResponse> caller = new CompletableFuture<>();
  private volatile Runnable abort;

  /**
   * An exchange whose outcome is handed to the caller on {@code delivery}.
   *
   * @param request the request, for its timeout and for messages
   * @param delivery where the caller's future is completed, and so where its dependent stages run
   */
  Exchange(TransportRequest request, Executor delivery) {
    this.request = request;
    this.delivery = delivery;
    request
        .timeout()
        .ifPresent(timeout -> outcome.orTimeout(saturatedNanos(timeout), TimeUnit.NANOSECONDS));
    outcome.whenComplete(this::settled);
    caller.whenComplete(
        (response, failure) -> {
          if (caller.isCancelled()) {
            outcome.cancel(false);
          }
        });
  }

  /** The future the caller gets; cancelling it aborts the exchange. */
  CompletableFuture<TransportResponse> response() {
    return caller;
  }

  /**
   * Sets how to abort the exchange, once the HTTP stack has it. If the outcome is already settled
   * by then with anything but a response, the exchange is aborted at once.
   */
  void abortWith(Runnable abort) {
    this.abort = abort;
    if (outcome.isCompletedExceptionally()) {
      abort.run();
    }
  }

  /** The HTTP stack's response; no-op once the outcome is settled. */
  void complete(TransportResponse response) {
    outcome.complete(response);
  }

  /** The HTTP stack's failure, untranslated; no-op once the outcome is settled. */
  void fail(Throwable failure) {
    outcome.completeExceptionally(failure);
  }

  /** Fails the exchange because its transport was closed; no-op once the outcome is settled. */
  void abortBecauseClosed() {
    outcome.completeExceptionally(ExchangeFailures.closed(request));
  }

  private void settled(TransportResponse response, Throwable failure) {
    if (failure != null) {
      Runnable current = abort;
      if (current != null) {
        current.run();
      }
    }
    Throwable translated = failure == null ? null : ExchangeFailures.translate(failure, request);
    delivery.execute(
        () -> {
          if (translated == null) {
            caller.complete(response);
          } else {
            caller.completeExceptionally(translated);
          }
        });
  }

  private static long saturatedNanos(Duration timeout) {
    try {
      return timeout.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }
}

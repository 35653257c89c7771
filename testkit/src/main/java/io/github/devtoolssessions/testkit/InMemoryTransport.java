package io.github.devtoolssessions.testkit;

import io.github.devtoolssessions.core.HttpTransport;
import io.github.devtoolssessions.core.ResponseTimeoutException;
import io.github.devtoolssessions.core.ResponseTooLargeException;
import io.github.devtoolssessions.core.TransportException;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import io.github.devtoolssessions.testkit.internal.Gzip;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The transport of {@link FakeDevtoolsApi#asTransport()}: acts out the fake's {@link Answer} with
 * the failures a real transport would report, see there.
 *
 * <p>Waiting never holds a thread: a delayed outcome is a task scheduled on the transport's timer,
 * so a caller's future can be cancelled (which cancels the task) and many exchanges can wait at
 * once on two threads.
 */
final class InMemoryTransport implements HttpTransport {

  private static final AtomicInteger INSTANCES = new AtomicInteger();

  /** Two threads: one may run a slow side effect while the other keeps the timer going. */
  private static final int THREADS = 2;

  private final FakeDevtoolsApi api;
  private final ScheduledThreadPoolExecutor threads;
  private final Map<CompletableFuture<TransportResponse>, TransportRequest> inFlight =
      new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  InMemoryTransport(FakeDevtoolsApi api) {
    this.api = api;
    // Threads start with the first task only, so a transport used for plain sync calls has none.
    this.threads = new ScheduledThreadPoolExecutor(THREADS, daemonThreads());
    threads.setRemoveOnCancelPolicy(true);
  }

  private static ThreadFactory daemonThreads() {
    int instance = INSTANCES.incrementAndGet();
    AtomicInteger n = new AtomicInteger();
    return task -> {
      Thread t =
          new Thread(task, "fake-devtools-transport-" + instance + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public TransportResponse send(TransportRequest request) {
    Objects.requireNonNull(request, "request");
    CompletableFuture<TransportResponse> response = open(request);
    exchange(request, response);
    try {
      return response.get();
    } catch (InterruptedException e) {
      response.cancel(true);
      Thread.currentThread().interrupt();
      throw new TransportException(
          "interrupted while waiting for the response to " + request + "; the exchange was aborted",
          e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw (RuntimeException) cause;
    }
  }

  @Override
  public CompletableFuture<TransportResponse> sendAsync(TransportRequest request) {
    Objects.requireNonNull(request, "request");
    CompletableFuture<TransportResponse> response = open(request);
    try {
      threads.execute(
          () -> {
            // A future cancelled before its turn sends nothing, as a real transport would.
            if (!response.isDone()) {
              exchange(request, response);
            }
          });
    } catch (RejectedExecutionException e) {
      response.completeExceptionally(closedBefore(request));
    }
    return response;
  }

  /**
   * Fails the exchanges still waiting with a {@link TransportException} and stops the threads.
   * Calling it again does nothing.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      threads.shutdownNow();
      inFlight.forEach(
          (response, request) -> response.completeExceptionally(closedBefore(request)));
    }
  }

  /** A future for the request's response, tracked until it completes. */
  private CompletableFuture<TransportResponse> open(TransportRequest request) {
    if (closed.get()) {
      throw new IllegalStateException("the transport is closed");
    }
    CompletableFuture<TransportResponse> response = new CompletableFuture<>();
    inFlight.put(response, request);
    response.whenComplete((r, failure) -> inFlight.remove(response));
    // close() may have run between the check and the put above and missed this exchange.
    if (closed.get()) {
      response.completeExceptionally(closedBefore(request));
    }
    return response;
  }

  /** Has the fake answer the request, then completes the future now or when the wait is over. */
  private void exchange(TransportRequest request, CompletableFuture<TransportResponse> response) {
    Answer served;
    try {
      served = api.serve(request).asReceivedFor(request.method());
    } catch (RuntimeException | Error e) {
      response.completeExceptionally(e);
      return;
    }
    // What a real transport makes of the body once it has it: decoded, refused, or unreadable.
    Answer answer = served;
    RuntimeException failure = null;
    if (served.delivery() == Fault.Delivery.WHOLE) {
      try {
        answer = served.withResponse(decoded(request, served.response()));
      } catch (ResponseTooLargeException | TransportException e) {
        failure = e;
      }
    } else if (served.response().body().length > request.maxBodyBytes()) {
      failure = new ResponseTooLargeException(request, request.maxBodyBytes());
    }
    // Past the cap a transport stops at the headers, so a stall never starts.
    Duration wait =
        failure != null || answer.delivery() != Fault.Delivery.STALL
            ? answer.headerDelay()
            : answer.headerDelay().plus(answer.stall());
    Optional<Duration> timeout = request.timeout();
    Answer outcome = answer;
    RuntimeException outcomeFailure = failure;
    if (timeout.isPresent() && wait.compareTo(timeout.get()) > 0) {
      ResponseTimeoutException timedOut =
          new ResponseTimeoutException(
              "no complete response to "
                  + request
                  + " within its timeout of "
                  + timeout.get().toMillis()
                  + " ms; the exchange was aborted",
              null);
      schedule(response, request, timeout.get(), () -> response.completeExceptionally(timedOut));
    } else if (wait.isZero()) {
      complete(response, request, outcome, outcomeFailure);
    } else {
      schedule(response, request, wait, () -> complete(response, request, outcome, outcomeFailure));
    }
  }

  /**
   * The response as a real transport hands it on: a gzip body decoded under the request's cap,
   * without {@code Content-Encoding} and {@code Content-Length}; any other body checked against the
   * cap.
   *
   * @throws ResponseTooLargeException if the body, decoded, is over the cap
   * @throws TransportException if the body is corrupt gzip or in another coding
   */
  private static TransportResponse decoded(TransportRequest request, TransportResponse response) {
    List<String> codings = new ArrayList<>();
    for (String value : response.headers().allValues("Content-Encoding")) {
      for (String coding : value.split(",", -1)) {
        String c = coding.strip().toLowerCase(Locale.ROOT);
        if (!c.isEmpty() && !c.equals("identity")) {
          codings.add(c);
        }
      }
    }
    if (codings.isEmpty()) {
      if (response.body().length > request.maxBodyBytes()) {
        throw new ResponseTooLargeException(request, request.maxBodyBytes());
      }
      return response;
    }
    if (!codings.equals(List.of("gzip")) && !codings.equals(List.of("x-gzip"))) {
      throw new TransportException(
          "the response to "
              + request
              + " has a body with Content-Encoding "
              + String.join(", ", codings)
              + ", which a transport cannot decode");
    }
    Optional<byte[]> body;
    try {
      body = Gzip.decode(response.body(), request.maxBodyBytes());
    } catch (IOException e) {
      throw new TransportException(
          "the response to " + request + " has a corrupt gzip body (" + e + ")", e);
    }
    if (body.isEmpty()) {
      throw new ResponseTooLargeException(request, request.maxBodyBytes());
    }
    return new TransportResponse(
        response.statusCode(),
        response.headers().toBuilder().remove("Content-Encoding").remove("Content-Length").build(),
        body.get());
  }

  private void schedule(
      CompletableFuture<?> response, TransportRequest request, Duration wait, Runnable outcome) {
    Future<?> task;
    try {
      task = threads.schedule(outcome, wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      response.completeExceptionally(closedBefore(request));
      return;
    }
    // Cancelling the caller's future (or closing) ends the wait at once.
    response.whenComplete((r, failure) -> task.cancel(false));
  }

  private static void complete(
      CompletableFuture<TransportResponse> response,
      TransportRequest request,
      Answer answer,
      RuntimeException failure) {
    if (failure != null) {
      response.completeExceptionally(failure);
      return;
    }
    TransportResponse whole = answer.response();
    switch (answer.delivery()) {
      case WHOLE -> response.complete(whole);
      case RESET ->
          response.completeExceptionally(
              new TransportException(
                  request + " failed: the connection was reset before a response"));
      case STALL, TRUNCATE ->
          response.completeExceptionally(
              new TransportException(
                  request
                      + " failed: the connection closed after "
                      + answer.partialLength()
                      + " of "
                      + whole.body().length
                      + " body bytes"));
    }
  }

  private static TransportException closedBefore(TransportRequest request) {
    return new TransportException(
        "the in-memory transport was closed before the response to " + request + " came");
  }
}

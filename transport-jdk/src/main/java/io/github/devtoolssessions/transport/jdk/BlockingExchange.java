package io.github.devtoolssessions.transport.jdk;

import io.github.devtoolssessions.core.ResponseTimeoutException;
import io.github.devtoolssessions.core.TransportException;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One blocking request in flight ({@link JdkHttpTransport#send}), sent with {@code HttpClient.send}
 * on the caller's thread.
 *
 * <p>Why not {@code sendAsync} and a wait: the JDK completes the future of {@code sendAsync} only
 * after a hop to {@code CompletableFuture}'s default executor, and where the common pool has a
 * parallelism of 1 (machines with two CPUs or fewer) that executor starts a new thread for every
 * hop: a thread per request. {@code HttpClient.send} makes no such hop. TransportBenchmark and
 * EndToEndBenchmark measure what this costs next to raw {@code java.net.http}; the README's
 * Performance section has their latest figures.
 *
 * <p>The request's timeout bounds the whole exchange, in two parts that start together: until the
 * response headers, the JDK's own request timeout ({@code HttpRequest.timeout}, set to the same
 * value), which aborts the exchange; after them, the transport's deadline, which aborts the body
 * subscriber: the body fails and its subscription is cancelled, which closes the connection and
 * makes {@code send} return. Closing the transport fails the body the same way; a caller still
 * waiting for the headers is interrupted, since nothing else stops {@code HttpClient.send} (which
 * then aborts the exchange), and the interrupt is cleared again before the call returns: it was the
 * transport's, not the caller's.
 */
final class BlockingExchange implements InFlight {

  private static final int RUNNING = 0;
  private static final int DONE = 1;
  private static final int INTERRUPTING = 2;
  private static final int INTERRUPTED = 3;

  private final TransportRequest request;
  private final Thread caller = Thread.currentThread();

  /** Whether the transport interrupted the caller: RUNNING until the send ends or it does. */
  private final AtomicInteger state = new AtomicInteger(RUNNING);

  /** Why the exchange was aborted (its deadline, the transport closing); the first reason wins. */
  private final AtomicReference<RuntimeException> abortedWith = new AtomicReference<>();

  /** The body's subscriber, once the headers have arrived. */
  private volatile BoundedBodySubscriber subscriber;

  BlockingExchange(TransportRequest request) {
    this.request = request;
  }

  /** Sends the request on this thread and waits for the whole response. */
  TransportResponse send(HttpClient client, HttpRequest jdkRequest, TransportThreads threads) {
    Runnable disarm =
        request
            .timeout()
            .map(
                timeout ->
                    threads.deadline(
                        timeout, () -> abort(ExchangeFailures.timedOut(request, timeout), false)))
            .orElse(null);
    TransportResponse response = null;
    Exception failure = null;
    try {
      response =
          client.send(jdkRequest, BoundedBodySubscriber.handler(request, this::bodyArrives)).body();
    } catch (IOException | InterruptedException | RuntimeException e) {
      failure = e;
    } finally {
      if (disarm != null) {
        disarm.run();
      }
    }
    boolean interruptedByTransport = !state.compareAndSet(RUNNING, DONE);
    if (interruptedByTransport) {
      // The interrupt may still be on its way: wait for it, then clear it.
      while (state.get() != INTERRUPTED) {
        Thread.onSpinWait();
      }
      Thread.interrupted();
    }
    if (failure == null) {
      return response;
    }
    if (failure instanceof InterruptedException) {
      if (interruptedByTransport) {
        throw abortedWith.get();
      }
      Thread.currentThread().interrupt();
      throw new TransportException(
          "interrupted while waiting for the response to " + request + "; the exchange was aborted",
          failure);
    }
    RuntimeException translated = ExchangeFailures.unchecked(failure, request);
    if (translated instanceof ResponseTimeoutException && request.timeout().isPresent()) {
      // The JDK's timeout of the headers stands in for the deadline: the same failure as the
      // deadline's, and as sendAsync's.
      throw ExchangeFailures.timedOut(request, request.timeout().get());
    }
    throw translated;
  }

  @Override
  public void abortBecauseClosed() {
    abort(
        new TransportException(
            "the transport was closed before the response to " + request + " had arrived"),
        true);
  }

  /** Hands the subscriber over as the headers arrive; it fails at once after an abort. */
  private void bodyArrives(BoundedBodySubscriber arrived) {
    subscriber = arrived;
    RuntimeException why = abortedWith.get();
    if (why != null) {
      arrived.abort(why);
    }
  }

  /**
   * Aborts the exchange: the body if it has begun (either this or {@link #bodyArrives} sees the
   * other's write); before that, on a deadline, nothing, as the JDK's own timeout ends the wait for
   * the headers at the same time, and on close the caller is interrupted.
   */
  private void abort(RuntimeException why, boolean interruptIfWaiting) {
    if (!abortedWith.compareAndSet(null, why)) {
      return;
    }
    BoundedBodySubscriber body = subscriber;
    if (body != null) {
      body.abort(why);
    } else if (interruptIfWaiting && state.compareAndSet(RUNNING, INTERRUPTING)) {
      caller.interrupt();
      state.set(INTERRUPTED);
    }
  }
}

package io.github.devtoolssessions.transport.jdk;

import io.github.devtoolssessions.core.ResponseTimeoutException;
import io.github.devtoolssessions.core.TransportException;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One request in flight: ties the JDK's future to the future handed to the caller, so that the
 * caller's future completes with core exceptions and that cancelling it, the deadline passing or
 * the transport closing aborts the JDK's exchange.
 */
final class Exchange {

  private final TransportRequest request;
  private final CompletableFuture<TransportResponse> response = new CompletableFuture<>();

  Exchange(TransportRequest request) {
    this.request = request;
  }

  /** The future the caller gets. */
  CompletableFuture<TransportResponse> response() {
    return response;
  }

  /** Sends the request through the client and arms the deadline. */
  void start(HttpClient client, HttpRequest jdkRequest, TransportThreads threads, boolean waited) {
    // For a caller blocked waiting (send), the response is taken from the body's own future,
    // which completes on the client's executor as soon as the last byte is read: the future of
    // sendAsync completes only after a further hop to the common pool, which the JDK adds for
    // async callers and which cost a third of the throughput of a 200-session page on loopback
    // (EndToEndBenchmark). Async callers keep that hop: their dependent stages must not run inside
    // the JDK's body subscriber. Failures before the body still come through sendAsync's future.
    HttpResponse.BodyHandler<TransportResponse> handler =
        !waited
            ? BoundedBodySubscriber.handler(request)
            : BoundedBodySubscriber.handler(
                request,
                body ->
                    body.whenComplete(
                        (transportResponse, failure) -> {
                          if (failure == null) {
                            response.complete(transportResponse);
                          }
                        }));
    CompletableFuture<HttpResponse<TransportResponse>> pending =
        client.sendAsync(jdkRequest, handler);
    Runnable disarm =
        request
            .timeout()
            .map(timeout -> threads.deadline(timeout, () -> timeOut(timeout)))
            .orElse(null);
    pending.whenComplete(
        (jdkResponse, failure) -> {
          if (failure == null) {
            response.complete(jdkResponse.body());
          } else {
            response.completeExceptionally(ExchangeFailures.translate(failure, request));
          }
        });
    response.whenComplete(
        (result, failure) -> {
          if (disarm != null) {
            disarm.run();
          }
          // Only the future sendAsync returned aborts the exchange when cancelled (JDK 16+);
          // its dependents would not. Not after a whole body: the JDK may not have handed its
          // connection back to the pool yet, and cancelling then would close it.
          if (failure != null) {
            pending.cancel(true);
          }
        });
  }

  /** Fails the exchange because its transport was closed; no-op once it is complete. */
  void abortBecauseClosed() {
    response.completeExceptionally(
        new TransportException(
            "the transport was closed before the response to " + request + " had arrived"));
  }

  private void timeOut(Duration timeout) {
    response.completeExceptionally(
        new ResponseTimeoutException(
            "no complete response to "
                + request
                + " within its timeout of "
                + timeout.toMillis()
                + " ms; the exchange was aborted",
            null));
  }
}

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
import java.util.concurrent.Future;

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
  void start(HttpClient client, HttpRequest jdkRequest, TransportThreads threads) {
    CompletableFuture<HttpResponse<TransportResponse>> pending =
        client.sendAsync(jdkRequest, BoundedBodySubscriber.handler(request));
    Future<?> deadline =
        request
            .timeout()
            .map(timeout -> threads.schedule(() -> timeOut(timeout), timeout))
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
          if (deadline != null) {
            deadline.cancel(false);
          }
          // Only the future sendAsync returned aborts the exchange when cancelled (JDK 16+);
          // its dependents would not. A no-op when the JDK's exchange is already over.
          pending.cancel(true);
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

package io.github.devtoolssessions.transport.jdk;

import io.github.devtoolssessions.core.TransportException;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One asynchronous request in flight ({@link JdkHttpTransport#sendAsync}): ties the JDK's future to
 * the future handed to the caller, so that the caller's future completes with core exceptions and
 * that cancelling it, the deadline passing or the transport closing aborts the JDK's exchange.
 */
final class Exchange implements InFlight {

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

  @Override
  public void abortBecauseClosed() {
    response.completeExceptionally(
        new TransportException(
            "the transport was closed before the response to " + request + " had arrived"));
  }

  private void timeOut(Duration timeout) {
    response.completeExceptionally(ExchangeFailures.timedOut(request, timeout));
  }
}

package io.github.devtoolssessions.core;

import java.util.concurrent.CompletableFuture;

/**
 * The port through which the library speaks HTTP: send one request, hand back the response.
 *
 * <p>A transport only moves bytes. It never parses JSON, never retries and never follows redirects:
 * every status, 4xx, 5xx and 3xx alike, comes back as a {@link TransportResponse}. Failures to
 * exchange at all end in a {@link TransportException} ({@link ConnectTimeoutException} and {@link
 * ResponseTimeoutException} for the two timeouts); a body longer than {@link
 * TransportRequest#maxBodyBytes()}, decoded, ends in {@link ResponseTooLargeException}, with the
 * connection released. A transport may ask for a gzip body and decode it (see {@link
 * TransportRequest}); the response it hands back is always the decoded one.
 *
 * <p>Implementations are thread-safe. Adapters are found through {@link HttpTransportProvider}.
 */
public interface HttpTransport extends AutoCloseable {

  /**
   * Sends the request and waits for the whole response.
   *
   * @throws TransportException if no response could be had
   * @throws ResponseTooLargeException if the body exceeds the request's cap
   */
  TransportResponse send(TransportRequest request);

  /**
   * Sends the request without blocking the caller. Cancelling the future aborts the exchange.
   *
   * <p>The default runs {@link #send} on the common pool, which does block a pool thread; adapters
   * whose HTTP stack is asynchronous override it.
   */
  default CompletableFuture<TransportResponse> sendAsync(TransportRequest request) {
    return CompletableFuture.supplyAsync(() -> send(request));
  }

  /**
   * Releases what the transport created itself (connection pools, threads). Resources handed to it
   * by the application stay open. The default does nothing.
   */
  @Override
  default void close() {}
}

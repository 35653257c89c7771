package io.github.devtoolssessions.transport.apache;

import io.github.devtoolssessions.core.ConnectTimeoutException;
import io.github.devtoolssessions.core.DevtoolsSessionsException;
import io.github.devtoolssessions.core.ResponseTimeoutException;
import io.github.devtoolssessions.core.TransportException;
import io.github.devtoolssessions.core.TransportRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.hc.core5.http.HttpException;

/**
 * Maps what HttpClient fails with to the core's exceptions. Messages name the request by method and
 * URI only (its {@code toString}), never by its headers.
 */
final class ExchangeFailures {

  private ExchangeFailures() {}

  /**
   * The core exception for a failed exchange. A core exception raised along the way (the body cap,
   * an interrupt, the transport closing) is returned as it is; so are errors and unchecked
   * exceptions HttpClient does not document, which are bugs rather than exchange failures. Always a
   * {@link RuntimeException} or an {@link Error}.
   */
  static Throwable translate(Throwable failure, TransportRequest request) {
    Throwable cause = unwrap(failure);
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof DevtoolsSessionsException) {
        return t;
      }
    }
    // HttpClient's ConnectTimeoutException is a SocketTimeoutException, hence first.
    if (cause instanceof org.apache.hc.client5.http.ConnectTimeoutException) {
      return new ConnectTimeoutException(
          "could not connect within the connect timeout to send "
              + request
              + " ("
              + describe(cause)
              + ")",
          cause);
    }
    if (cause instanceof TimeoutException) {
      // Only the transport's own deadline fails an exchange with this one.
      return new ResponseTimeoutException(
          "no complete response to "
              + request
              + " within its timeout of "
              + request.timeout().map(t -> t.toMillis() + " ms").orElse("(none)")
              + "; the exchange was aborted",
          cause);
    }
    if (cause instanceof SocketTimeoutException) {
      return new ResponseTimeoutException(
          "no response to " + request + " within its timeout (" + describe(cause) + ")", cause);
    }
    if (cause instanceof ConnectException) {
      return new TransportException(
          "could not connect to send " + request + " (" + describe(cause) + ")", cause);
    }
    if (cause instanceof CancellationException) {
      return new TransportException(
          "the exchange for " + request + " was cancelled (" + describe(cause) + ")", cause);
    }
    if (cause instanceof IOException || cause instanceof HttpException) {
      return new TransportException(request + " failed (" + describe(cause) + ")", cause);
    }
    if (cause instanceof RuntimeException || cause instanceof Error) {
      return cause;
    }
    return new TransportException(request + " failed (" + describe(cause) + ")", cause);
  }

  /** The failure, translated, as an unchecked exception to rethrow from a blocking call. */
  static RuntimeException unchecked(Throwable failure, TransportRequest request) {
    Throwable translated = translate(failure, request);
    if (translated instanceof Error) {
      throw (Error) translated;
    }
    return (RuntimeException) translated;
  }

  /** The exception for a caller interrupted while waiting; the exchange has been aborted. */
  static TransportException interrupted(TransportRequest request, Throwable cause) {
    return new TransportException(
        "interrupted while waiting for the response to " + request + "; the exchange was aborted",
        cause);
  }

  /** The exception for exchanges still in flight when the transport closes. */
  static TransportException closed(TransportRequest request) {
    return new TransportException(
        "the transport was closed before the response to " + request + " had arrived");
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  // Connection failures often come without a message (a bare ConnectException), so the type is
  // always named.
  private static String describe(Throwable t) {
    String message = t.getMessage();
    return message == null ? t.getClass().getName() : t.getClass().getName() + ": " + message;
  }
}

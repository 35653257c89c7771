package io.github.devtoolssessions.transport.jdk;

import io.github.devtoolssessions.core.ConnectTimeoutException;
import io.github.devtoolssessions.core.DevtoolsSessionsException;
import io.github.devtoolssessions.core.ResponseTimeoutException;
import io.github.devtoolssessions.core.TransportException;
import io.github.devtoolssessions.core.TransportRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Maps what the JDK's client fails with to the core's exceptions. Messages name the request by
 * method and URI only (its {@code toString}), never by its headers.
 */
final class ExchangeFailures {

  private ExchangeFailures() {}

  /**
   * The core exception for a failed exchange. A core exception raised along the way (the body cap)
   * is returned as it is; so are errors and unchecked exceptions the JDK does not document, which
   * are bugs rather than exchange failures. Always a {@link RuntimeException} or an {@link Error}.
   */
  static Throwable translate(Throwable failure, TransportRequest request) {
    Throwable cause = unwrap(failure);
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof DevtoolsSessionsException) {
        return t;
      }
    }
    // HttpConnectTimeoutException is an HttpTimeoutException, hence first.
    if (cause instanceof HttpConnectTimeoutException) {
      return new ConnectTimeoutException(
          "could not connect within the connect timeout to send " + request, cause);
    }
    if (cause instanceof HttpTimeoutException) {
      return new ResponseTimeoutException(
          "no response to " + request + " within its timeout (" + describe(cause) + ")", cause);
    }
    if (cause instanceof ConnectException) {
      return new TransportException(
          "could not connect to send " + request + " (" + describe(cause) + ")", cause);
    }
    if (cause instanceof IOException) {
      return new TransportException(request + " failed (" + describe(cause) + ")", cause);
    }
    if (cause instanceof CancellationException) {
      return new TransportException("the exchange for " + request + " was cancelled", cause);
    }
    if (cause instanceof RuntimeException || cause instanceof Error) {
      return cause;
    }
    return new TransportException(request + " failed (" + describe(cause) + ")", cause);
  }

  /** The failure of an exchange whose whole response did not arrive within its timeout. */
  static ResponseTimeoutException timedOut(TransportRequest request, Duration timeout) {
    return new ResponseTimeoutException(
        "no complete response to "
            + request
            + " within its timeout of "
            + timeout.toMillis()
            + " ms; the exchange was aborted",
        null);
  }

  /** The failure, translated, as an unchecked exception to rethrow from a blocking call. */
  static RuntimeException unchecked(Throwable failure, TransportRequest request) {
    Throwable translated = translate(failure, request);
    if (translated instanceof Error) {
      throw (Error) translated;
    }
    return (RuntimeException) translated;
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  // The JDK's connection failures often have no message (a bare ConnectException), so the type
  // is always named.
  private static String describe(Throwable t) {
    String message = t.getMessage();
    return message == null ? t.getClass().getName() : t.getClass().getName() + ": " + message;
  }
}

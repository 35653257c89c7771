package io.github.devtoolssessions.core.internal;

import io.github.devtoolssessions.core.Credentials;
import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.Redaction;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a call writes to {@link System.Logger} {@value #LOGGER_NAME}: one line per attempt at DEBUG,
 * each retry at INFO, a failed call at WARNING. Applications route System.Logger to SLF4J, JUL or
 * Log4j as they like; the library depends on none of them.
 *
 * <p>Headers are logged only through an allowlist, and even there the credential headers and the
 * query of any URL are masked: the allowlist decides what is worth logging, the masking what is
 * safe to.
 */
public final class CallLog {

  /** The logger's name. */
  public static final String LOGGER_NAME = "io.github.devtoolssessions";

  /** Header names whose values may appear in logs. */
  public static final Set<String> HEADER_ALLOWLIST =
      Set.of(
          "accept",
          "user-agent",
          "content-type",
          "content-length",
          "content-encoding",
          "cf-ray",
          "retry-after",
          "retry-after-ms",
          "x-should-retry",
          "location");

  private final Logger logger;

  /** A log on the library's logger. */
  public CallLog() {
    this(System.getLogger(LOGGER_NAME));
  }

  /** A log on the given logger, for tests. */
  public CallLog(Logger logger) {
    this.logger = logger;
  }

  /** One attempt that got a response. */
  public void attempt(
      TransportRequest request, int attempt, TransportResponse response, Duration took) {
    if (logger.isLoggable(Level.DEBUG)) {
      logger.log(
          Level.DEBUG,
          describe(request)
              + " -> "
              + response.statusCode()
              + " in "
              + took.toMillis()
              + " ms (attempt "
              + attempt
              + ") request "
              + headers(request.headers())
              + " response "
              // A server can echo the credentials into any header it sends back.
              + SecretScrubber.of(request.headers()).scrub(headers(response.headers())));
    }
  }

  /** One attempt that got no response. */
  public void attempt(TransportRequest request, int attempt, Throwable failure, Duration took) {
    if (logger.isLoggable(Level.DEBUG)) {
      logger.log(
          Level.DEBUG,
          describe(request)
              + " -> "
              + failure.getClass().getSimpleName()
              + " in "
              + took.toMillis()
              + " ms (attempt "
              + attempt
              + ")");
    }
  }

  /** A retry is scheduled. */
  public void retry(TransportRequest request, int nextAttempt, Duration wait, String reason) {
    if (logger.isLoggable(Level.INFO)) {
      logger.log(
          Level.INFO,
          "retrying "
              + describe(request)
              + " in "
              + wait.toMillis()
              + " ms (attempt "
              + nextAttempt
              + "): "
              + reason);
    }
  }

  /** The call failed for good. */
  public void failure(TransportRequest request, int attempts, Throwable failure) {
    if (logger.isLoggable(Level.WARNING)) {
      logger.log(
          Level.WARNING,
          describe(request)
              + " failed after "
              + attempts
              + (attempts == 1 ? " attempt: " : " attempts: ")
              + failure.getClass().getSimpleName()
              + ": "
              + failure.getMessage());
    }
  }

  /** Method and URI without query fragments that could carry a credential. */
  static String describe(TransportRequest request) {
    return request.method() + " " + request.uri().getRawPath() + query(request);
  }

  private static String query(TransportRequest request) {
    String q = request.uri().getRawQuery();
    if (q == null) {
      return "";
    }
    // The library's own queries carry only limit and offset; anything else is masked.
    return q.matches("(limit=\\d+|offset=\\d+)(&(limit=\\d+|offset=\\d+))*")
        ? "?" + q
        : "?" + Redaction.MASK;
  }

  /** The allowlisted headers, credential headers and URL queries masked. */
  static String headers(Headers headers) {
    StringBuilder sb = new StringBuilder("{");
    for (Map.Entry<String, List<String>> e : headers.map().entrySet()) {
      String name = e.getKey().toLowerCase(Locale.ROOT);
      if (!HEADER_ALLOWLIST.contains(name)) {
        continue;
      }
      if (sb.length() > 1) {
        sb.append(", ");
      }
      sb.append(name).append('=');
      if (Credentials.isSecretHeader(name)) {
        sb.append(Redaction.MASK);
      } else {
        List<String> values = e.getValue();
        for (int i = 0; i < values.size(); i++) {
          sb.append(i == 0 ? "" : ",").append(Redaction.maskQuery(values.get(i)));
        }
      }
    }
    return sb.append('}').toString();
  }
}

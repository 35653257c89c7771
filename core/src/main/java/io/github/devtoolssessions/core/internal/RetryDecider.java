package io.github.devtoolssessions.core.internal;

import io.github.devtoolssessions.core.ConnectTimeoutException;
import io.github.devtoolssessions.core.ResponseTimeoutException;
import io.github.devtoolssessions.core.RetryPolicy;
import io.github.devtoolssessions.core.TransportException;
import io.github.devtoolssessions.core.TransportResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Decides whether a failed attempt is tried again, and after how long. Pure and conservative: it
 * sees one outcome and the attempt count, nothing else, and it is the only place where the retry
 * rules of {@link RetryPolicy} are applied.
 */
public final class RetryDecider {

  /** The most jitter subtracted from a backoff, as a fraction of it. */
  static final double MAX_JITTER = 0.25;

  private final RetryPolicy policy;
  private final DoubleSupplier random;

  /** A decider for {@code policy}; {@code random} gives numbers in [0, 1) for the jitter. */
  public RetryDecider(RetryPolicy policy, DoubleSupplier random) {
    this.policy = policy;
    this.random = random;
  }

  /**
   * A decision: try again after {@code delay}, or stop.
   *
   * @param retry whether to send the request again
   * @param delay how long to wait first; zero when not retrying
   * @param reason why, in words, for logs, listeners and messages
   */
  public record Decision(boolean retry, Duration delay, String reason) {
    static Decision stop(String reason) {
      return new Decision(false, Duration.ZERO, reason);
    }
  }

  /**
   * The decision after a response that was not a success.
   *
   * @param attemptsMade how many attempts have been made, this one included
   * @param retryAfter the wait the response asked for, if any
   */
  public Decision afterResponse(
      TransportResponse response, int attemptsMade, Optional<Duration> retryAfter) {
    String what = "HTTP " + response.statusCode();
    Optional<String> shouldRetry = response.headers().firstValue("x-should-retry");
    boolean retryable;
    if (shouldRetry.isPresent() && isBoolean(shouldRetry.get())) {
      retryable = Boolean.parseBoolean(shouldRetry.get().strip());
      what += " with x-should-retry: " + shouldRetry.get().strip().toLowerCase(Locale.ROOT);
    } else {
      retryable = RetryPolicy.isRetryableStatus(response.statusCode());
    }
    if (!retryable) {
      return Decision.stop(what + " is not retried");
    }
    if (attemptsMade > policy.maxRetries()) {
      return Decision.stop(what + "; no retries left (maxRetries " + policy.maxRetries() + ")");
    }
    if (retryAfter.isPresent() && !retryAfter.get().isZero()) {
      Duration asked = retryAfter.get();
      if (asked.compareTo(policy.maxRetryAfter()) > 0) {
        return Decision.stop(
            what
                + " asks to wait "
                + asked
                + ", beyond the cap of "
                + policy.maxRetryAfter()
                + "; not waiting");
      }
      return new Decision(true, asked, what + ", waiting the " + asked + " the server asked for");
    }
    return new Decision(true, backoff(attemptsMade), what);
  }

  /**
   * The decision after an attempt that got no response.
   *
   * @param attemptsMade how many attempts have been made, this one included
   */
  public Decision afterFailure(TransportException failure, int attemptsMade) {
    String what =
        failure instanceof ConnectTimeoutException
            ? "connect timeout"
            : failure instanceof ResponseTimeoutException
                ? "response timeout"
                : "connection failed";
    if (attemptsMade > policy.maxRetries()) {
      return Decision.stop(what + "; no retries left (maxRetries " + policy.maxRetries() + ")");
    }
    return new Decision(true, backoff(attemptsMade), what);
  }

  /** 0.5 s, 1 s, 2 s, ... capped, less up to 25% jitter, after the n-th attempt. */
  Duration backoff(int attemptsMade) {
    Duration base = policy.initialBackoff();
    for (int i = 1; i < attemptsMade && base.compareTo(policy.maxBackoff()) < 0; i++) {
      base = base.multipliedBy(2);
    }
    if (base.compareTo(policy.maxBackoff()) > 0) {
      base = policy.maxBackoff();
    }
    double jitter = 1.0 - MAX_JITTER * random.getAsDouble();
    return Duration.ofNanos((long) (base.toNanos() * jitter));
  }

  private static boolean isBoolean(String value) {
    String v = value.strip();
    return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
  }
}

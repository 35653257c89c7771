package io.github.devtoolssessions.core;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how long a client waits before it sends a failed request again. The defaults match the
 * official Cloudflare SDKs: 2 retries; connection failures, timeouts, 408, 409, 429 and 5xx are
 * retried; a {@code x-should-retry} header overrides that; the wait is the server's ({@code
 * retry-after-ms}, else {@code Retry-After}) when it is positive and at most {@link
 * #maxRetryAfter()}, else an exponential backoff from 0.5 s, doubling, capped at 8 s, with up to
 * 25% jitter subtracted.
 *
 * <p>A server that asks for a longer wait than {@link #maxRetryAfter()} is not waited for: the call
 * fails at once with {@link RateLimitException}, which carries the wait it asked for.
 *
 * @param maxRetries how many times a request may be sent again, 0..10 (default 2)
 * @param initialBackoff the first backoff (default 0.5 s)
 * @param maxBackoff the longest backoff (default 8 s)
 * @param maxRetryAfter the longest server-requested wait honoured (default 60 s)
 */
public record RetryPolicy(
    int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

  /** The most retries a policy allows. */
  public static final int MAX_RETRIES_LIMIT = 10;

  private static final RetryPolicy DEFAULTS =
      new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60));

  private static final RetryPolicy NONE =
      new RetryPolicy(0, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60));

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException naming the component, its value and the rule
   */
  public RetryPolicy {
    if (maxRetries < 0 || maxRetries > MAX_RETRIES_LIMIT) {
      throw new IllegalArgumentException(
          "maxRetries = "
              + maxRetries
              + " is out of range: it must be an integer from 0 to "
              + MAX_RETRIES_LIMIT);
    }
    positive("initialBackoff", initialBackoff);
    positive("maxBackoff", maxBackoff);
    positive("maxRetryAfter", maxRetryAfter);
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "maxBackoff = "
              + maxBackoff
              + " is invalid: it must be >= initialBackoff "
              + initialBackoff);
    }
  }

  private static void positive(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " = " + d + " is invalid: it must be positive");
    }
  }

  /** The defaults: 2 retries, backoff 0.5 s to 8 s, server waits honoured up to 60 s. */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** No retry at all. */
  public static RetryPolicy none() {
    return NONE;
  }

  /** This policy with another number of retries, 0..10. */
  public RetryPolicy withMaxRetries(int maxRetries) {
    return new RetryPolicy(maxRetries, initialBackoff, maxBackoff, maxRetryAfter);
  }

  /** This policy with another cap on server-requested waits. */
  public RetryPolicy withMaxRetryAfter(Duration maxRetryAfter) {
    return new RetryPolicy(maxRetries, initialBackoff, maxBackoff, maxRetryAfter);
  }

  /** This policy with another backoff range. */
  public RetryPolicy withBackoff(Duration initialBackoff, Duration maxBackoff) {
    return new RetryPolicy(maxRetries, initialBackoff, maxBackoff, maxRetryAfter);
  }

  /**
   * Whether a status is worth sending again: 408, 409, 429 and 500..599. A {@code x-should-retry}
   * header, where present, decides instead.
   */
  public static boolean isRetryableStatus(int status) {
    return status == 408 || status == 409 || status == 429 || (status >= 500 && status <= 599);
  }
}

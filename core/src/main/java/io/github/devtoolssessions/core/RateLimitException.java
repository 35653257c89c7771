package io.github.devtoolssessions.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Too many requests (HTTP 429). Carries the wait the server asked for ({@code retry-after-ms} or
 * {@code Retry-After}), when it asked for one.
 */
public class RateLimitException extends ApiException {

  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /**
   * See {@link ApiException#ApiException(int, List, Optional, String, Optional)}.
   *
   * @param retryAfter the wait the server asked for, if any
   */
  public RateLimitException(
      List<CloudflareError> errors,
      Optional<String> cfRay,
      String request,
      Optional<String> bodyExcerpt,
      Optional<Duration> retryAfter) {
    super(429, errors, cfRay, request, bodyExcerpt);
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter").orElse(null);
  }

  /** The wait the server asked for before the next request, if it asked. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}

package io.github.devtoolssessions.core.internal;

import io.github.devtoolssessions.core.Headers;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the wait a server asks for: {@code retry-after-ms} (milliseconds, may carry a fraction)
 * first, else {@code Retry-After} as delta-seconds or as an HTTP date. A value that cannot be read
 * is ignored, as the official SDKs do; a date in the past reads as zero.
 */
public final class RetryAfter {

  private RetryAfter() {}

  /** The wait asked for, if the headers ask for one that can be read. */
  public static Optional<Duration> read(Headers headers, Clock clock) {
    Optional<String> millis = headers.firstValue("retry-after-ms");
    if (millis.isPresent()) {
      try {
        double ms = Double.parseDouble(millis.get().strip());
        if (Double.isFinite(ms) && ms >= 0 && ms < Long.MAX_VALUE / 1_000_000.0) {
          return Optional.of(Duration.ofNanos((long) (ms * 1_000_000)));
        }
      } catch (NumberFormatException e) {
        // fall through to Retry-After, as the official SDKs do
      }
    }
    return headers.firstValue("retry-after").flatMap(v -> parseRetryAfter(v.strip(), clock));
  }

  private static Optional<Duration> parseRetryAfter(String value, Clock clock) {
    if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
      } catch (NumberFormatException e) {
        return Optional.empty(); // more digits than a long holds
      }
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), at.toInstant());
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}

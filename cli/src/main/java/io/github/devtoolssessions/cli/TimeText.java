package io.github.devtoolssessions.cli;

import io.github.devtoolssessions.core.Timestamp;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Times and spans as the table shows them: ISO-8601 in UTC, and short ages such as "3m ago". */
final class TimeText {

  private TimeText() {}

  /** The moment, if the number fits {@link Instant}; a wild number from the API does not. */
  static Optional<Instant> instant(Timestamp t) {
    try {
      return Optional.of(t.toInstant());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** {@code 2026-12-03T14:30:10Z}, to the second; a number out of range as it came, in ms. */
  static String iso(Timestamp t) {
    return instant(t).map(i -> i.truncatedTo(ChronoUnit.SECONDS).toString()).orElse(t + " ms");
  }

  /** {@code 2026-12-03T14:30:10.512Z}, to the millisecond. */
  static String isoMillis(Timestamp t) {
    return instant(t).map(i -> i.truncatedTo(ChronoUnit.MILLIS).toString()).orElse(t + " ms");
  }

  /** {@code 2026-12-03T14:30:10Z (3m ago)}. */
  static String isoWithAge(Timestamp t, Instant now, boolean millis) {
    String iso = millis ? isoMillis(t) : iso(t);
    return instant(t).map(i -> iso + " (" + age(i, now) + ")").orElse(iso);
  }

  /** {@code 3m ago}, {@code just now}, or {@code in 2m} for a time ahead of the clock. */
  static String age(Instant then, Instant now) {
    Duration d = Duration.between(then, now);
    if (d.isNegative()) {
      return "in " + coarse(d.negated());
    }
    return d.compareTo(Duration.ofSeconds(1)) < 0 ? "just now" : coarse(d) + " ago";
  }

  /** The largest unit only: {@code 42s}, {@code 3m}, {@code 5h}, {@code 12d}. */
  private static String coarse(Duration d) {
    if (d.toDays() > 0) {
      return d.toDays() + "d";
    }
    if (d.toHours() > 0) {
      return d.toHours() + "h";
    }
    if (d.toMinutes() > 0) {
      return d.toMinutes() + "m";
    }
    return d.toSeconds() + "s";
  }

  /** A span in its two largest units: {@code 850ms}, {@code 42s}, {@code 3m 5s}, {@code 2h 3m}. */
  static String span(Duration d) {
    if (d.isNegative()) {
      return "-" + span(d.negated());
    }
    if (d.compareTo(Duration.ofSeconds(1)) < 0) {
      return d.toMillis() + "ms";
    }
    if (d.toDays() > 0) {
      return d.toDays() + "d " + d.toHoursPart() + "h";
    }
    if (d.toHours() > 0) {
      return d.toHours() + "h " + d.toMinutesPart() + "m";
    }
    if (d.toMinutes() > 0) {
      return d.toMinutes() + "m " + d.toSecondsPart() + "s";
    }
    return d.toSeconds() + "s";
  }
}

package io.github.devtoolssessions.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.core.Headers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private final Clock clock = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);

  private static Headers h(String name, String value) {
    return Headers.builder().add(name, value).build();
  }

  @Test
  void millisecondsWinOverSeconds() {
    Headers headers =
        Headers.builder().add("retry-after-ms", "1500.5").add("Retry-After", "9").build();
    assertThat(RetryAfter.read(headers, clock)).contains(Duration.ofNanos(1_500_500_000));
  }

  @Test
  void secondsAreRead() {
    assertThat(RetryAfter.read(h("Retry-After", " 12 "), clock)).contains(Duration.ofSeconds(12));
  }

  @Test
  void anHttpDateIsReadAgainstTheClock() {
    assertThat(RetryAfter.read(h("Retry-After", "Thu, 03 Dec 2026 10:00:30 GMT"), clock))
        .contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.read(h("Retry-After", "Thu, 03 Dec 2026 09:00:00 GMT"), clock))
        .contains(Duration.ZERO);
  }

  @Test
  void unreadableValuesAreIgnored() {
    assertThat(RetryAfter.read(h("Retry-After", "soon"), clock)).isEmpty();
    assertThat(RetryAfter.read(h("Retry-After", "-5"), clock)).isEmpty();
    assertThat(RetryAfter.read(h("retry-after-ms", "NaN"), clock)).isEmpty();
    assertThat(RetryAfter.read(h("Retry-After", "99999999999999999999999"), clock)).isEmpty();
    assertThat(RetryAfter.read(Headers.empty(), clock)).isEmpty();
  }

  @Test
  void anUnreadableMillisecondsValueFallsBackToRetryAfter() {
    Headers headers = Headers.builder().add("retry-after-ms", "x").add("Retry-After", "2").build();
    assertThat(RetryAfter.read(headers, clock)).contains(Duration.ofSeconds(2));
  }
}

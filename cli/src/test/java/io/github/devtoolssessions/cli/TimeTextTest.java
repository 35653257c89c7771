package io.github.devtoolssessions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.core.Timestamp;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeTextTest {

  private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

  @Test
  void ageUsesTheLargestWholeUnit() {
    assertThat(TimeText.age(NOW.minusMillis(300), NOW)).isEqualTo("just now");
    assertThat(TimeText.age(NOW.minusSeconds(42), NOW)).isEqualTo("42s ago");
    assertThat(TimeText.age(NOW.minusSeconds(3 * 60 + 59), NOW)).isEqualTo("3m ago");
    assertThat(TimeText.age(NOW.minus(Duration.ofHours(5).plusMinutes(50)), NOW))
        .isEqualTo("5h ago");
    assertThat(TimeText.age(NOW.minus(Duration.ofDays(12)), NOW)).isEqualTo("12d ago");
  }

  @Test
  void aTimeAheadOfTheClockReadsAsInTheFuture() {
    assertThat(TimeText.age(NOW.plusSeconds(120), NOW)).isEqualTo("in 2m");
  }

  @Test
  void spanShowsTheTwoLargestUnits() {
    assertThat(TimeText.span(Duration.ofMillis(850))).isEqualTo("850ms");
    assertThat(TimeText.span(Duration.ofSeconds(42))).isEqualTo("42s");
    assertThat(TimeText.span(Duration.ofSeconds(185))).isEqualTo("3m 5s");
    assertThat(TimeText.span(Duration.ofMinutes(123))).isEqualTo("2h 3m");
    assertThat(TimeText.span(Duration.ofHours(26))).isEqualTo("1d 2h");
    assertThat(TimeText.span(Duration.ofSeconds(-5))).isEqualTo("-5s");
  }

  @Test
  void isoIsUtcToTheSecondAndIsoMillisToTheMillisecond() {
    Timestamp t = new Timestamp(new BigDecimal("1764772210512.75"));
    assertThat(TimeText.iso(t)).isEqualTo("2025-12-03T14:30:10Z");
    assertThat(TimeText.isoMillis(t)).isEqualTo("2025-12-03T14:30:10.512Z");
  }

  @Test
  void isoWithAgeAppendsTheAge() {
    Timestamp t = Timestamp.of(NOW.minusSeconds(180));
    assertThat(TimeText.isoWithAge(t, NOW, false)).isEqualTo("2026-12-03T11:57:00Z (3m ago)");
  }

  @Test
  void aNumberBeyondTheRangeOfInstantIsShownAsItCame() {
    Timestamp wild = new Timestamp(new BigDecimal("1e30"));
    assertThat(TimeText.instant(wild)).isEmpty();
    assertThat(TimeText.iso(wild)).isEqualTo("1E+30 ms");
    assertThat(TimeText.isoWithAge(wild, NOW, true)).isEqualTo("1E+30 ms");
  }
}

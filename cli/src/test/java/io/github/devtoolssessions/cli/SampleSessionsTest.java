package io.github.devtoolssessions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.Timestamp;
import io.github.devtoolssessions.testkit.FakeSessions;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SampleSessionsTest {

  private static final Instant NOW = Instant.parse("2031-06-01T08:00:00Z");

  @Test
  void theLatestActivityIsAMinuteBeforeNow() {
    List<Session> sessions = SampleSessions.recent(25, NOW);

    BigDecimal latest =
        sessions.stream().flatMap(SampleSessionsTest::times).max(BigDecimal::compareTo).get();
    BigDecimal expected = BigDecimal.valueOf(NOW.minusSeconds(60).toEpochMilli());
    assertThat(latest)
        .isLessThanOrEqualTo(expected)
        .isGreaterThan(expected.subtract(BigDecimal.ONE));
  }

  @Test
  void keepsIdsOrderSpacingAndFractionsOfTheTestkitSessions() {
    List<Session> original = FakeSessions.generate(SampleSessions.SEED, 25);
    List<Session> shifted = SampleSessions.recent(25, NOW);

    assertThat(shifted)
        .extracting(Session::sessionId)
        .containsExactlyElementsOf(original.stream().map(Session::sessionId).toList());
    BigDecimal shift =
        millis(shifted.get(0).startTime()).subtract(millis(original.get(0).startTime()));
    for (int i = 0; i < original.size(); i++) {
      Session o = original.get(i);
      Session s = shifted.get(i);
      assertThat(s.isClosed()).isEqualTo(o.isClosed());
      assertThat(s.closeReason()).isEqualTo(o.closeReason());
      assertThat(s.webSocketDebuggerUrl()).isEqualTo(o.webSocketDebuggerUrl());
      assertThat(millis(s.startTime()).subtract(millis(o.startTime()))).isEqualByComparingTo(shift);
      assertThat(times(s).toList()).hasSameSizeAs(times(o).toList());
      if (o.endTime().isPresent()) {
        assertThat(millis(s.endTime()).subtract(millis(o.endTime()))).isEqualByComparingTo(shift);
      }
      assertThat(millis(s.startTime()).scale()).isEqualTo(millis(o.startTime()).scale());
    }
  }

  @Test
  void noSessionsIsAnEmptyList() {
    assertThat(SampleSessions.recent(0, NOW)).isEmpty();
  }

  private static BigDecimal millis(Optional<Timestamp> t) {
    return t.orElseThrow().epochMillis();
  }

  private static Stream<BigDecimal> times(Session s) {
    return Stream.of(
            s.startTime(),
            s.endTime(),
            s.lastUpdated(),
            s.connectionStartTime(),
            s.connectionEndTime())
        .flatMap(Optional::stream)
        .map(Timestamp::epochMillis);
  }
}

package io.github.devtoolssessions.cli;

import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.Timestamp;
import io.github.devtoolssessions.testkit.FakeSessions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The sessions the fakes serve: the testkit's realistic sessions, moved in time so that the latest
 * activity was a minute ago. The testkit dates its sessions to a fixed day, which would make every
 * open session look months old in a demo; the shift keeps each session's shape, order, fractions
 * and the spacing between them.
 */
final class SampleSessions {

  /** The same sessions on every run, so that a demo's ids can be used in the next command. */
  static final long SEED = 20251203L;

  private static final long LATEST_ACTIVITY_AGO_MILLIS = 60_000;

  private SampleSessions() {}

  /**
   * {@code count} sessions whose latest timestamp lies a minute before {@code now}.
   *
   * @throws IllegalArgumentException if {@code count} is negative
   */
  static List<Session> recent(int count, Instant now) {
    List<Session> generated = FakeSessions.generate(SEED, count);
    Optional<BigDecimal> latest =
        generated.stream()
            .flatMap(SampleSessions::times)
            .map(Timestamp::epochMillis)
            .max(BigDecimal::compareTo);
    if (latest.isEmpty()) {
      return generated;
    }
    BigDecimal shift =
        BigDecimal.valueOf(now.toEpochMilli() - LATEST_ACTIVITY_AGO_MILLIS)
            .subtract(latest.get().setScale(0, RoundingMode.CEILING));
    List<Session> shifted = new ArrayList<>(generated.size());
    for (Session s : generated) {
      shifted.add(
          s.toBuilder()
              .startTime(shifted(s.startTime(), shift))
              .endTime(shifted(s.endTime(), shift))
              .lastUpdated(shifted(s.lastUpdated(), shift))
              .connectionStartTime(shifted(s.connectionStartTime(), shift))
              .connectionEndTime(shifted(s.connectionEndTime(), shift))
              .build());
    }
    return List.copyOf(shifted);
  }

  private static Stream<Timestamp> times(Session s) {
    return Stream.of(
            s.startTime(),
            s.endTime(),
            s.lastUpdated(),
            s.connectionStartTime(),
            s.connectionEndTime())
        .flatMap(Optional::stream);
  }

  private static Timestamp shifted(Optional<Timestamp> time, BigDecimal shift) {
    return time.map(t -> new Timestamp(t.epochMillis().add(shift))).orElse(null);
  }
}

package io.github.devtoolssessions.testkit;

import static io.github.devtoolssessions.testkit.Fixtures.CODEC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devtoolssessions.core.CloseReason;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.Timestamp;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FakeSessionsTest {

  private final List<Session> sessions = FakeSessions.generate(42, 450);

  @Test
  void theSameSeedGivesTheSameSessions() {
    assertThat(FakeSessions.generate(42, 450)).isEqualTo(sessions);
  }

  @Test
  void aShorterRunIsAPrefixOfALongerOne() {
    assertThat(FakeSessions.generate(42, 10)).isEqualTo(sessions.subList(0, 10));
  }

  @Test
  void anotherSeedGivesOtherSessions() {
    assertThat(Fixtures.ids(FakeSessions.generate(43, 450)))
        .doesNotContainAnyElementsOf(Fixtures.ids(sessions));
  }

  @Test
  void idsAreDistinctVersion4Uuids() {
    List<String> ids = Fixtures.ids(FakeSessions.generate(1, 2000));

    assertThat(new HashSet<>(ids)).hasSize(2000);
    assertThat(ids)
        .allSatisfy(
            id -> {
              assertThat(id)
                  .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
              assertThat(UUID.fromString(id).version()).isEqualTo(4);
            });
  }

  @Test
  void startTimesRiseFromTheFixedEpochAndSomeCarryAFraction() {
    List<BigDecimal> starts =
        sessions.stream().map(s -> s.startTime().orElseThrow().epochMillis()).toList();

    assertThat(starts.get(0)).isGreaterThan(BigDecimal.valueOf(FakeSessions.FIRST_START_MILLIS));
    for (int i = 1; i < starts.size(); i++) {
      assertThat(starts.get(i)).isGreaterThan(starts.get(i - 1));
    }
    assertThat(starts).anySatisfy(t -> assertThat(t.scale()).isPositive());
    assertThat(starts).anySatisfy(t -> assertThat(t.scale()).isZero());
  }

  @Test
  void aboutAThirdAreClosed() {
    long closed = sessions.stream().filter(Session::isClosed).count();

    assertThat(closed).isBetween(110L, 190L);
  }

  @Test
  void closedSessionsCarryTheirEndAndReasonInBothWireForms() {
    List<Session> closed = sessions.stream().filter(Session::isClosed).toList();

    assertThat(closed)
        .allSatisfy(
            s -> {
              Timestamp end = s.endTime().orElseThrow();
              assertThat(s.connectionEndTime()).contains(end);
              assertThat(s.lastUpdated()).contains(end);
              assertThat(end).isGreaterThan(s.startTime().orElseThrow());
              assertThat(s.closeReason()).isPresent();
              assertThat(s.closeReasonText()).isPresent();
              assertThat(s.webSocketDebuggerUrl()).isEmpty();
            });
    assertThat(closed)
        .anySatisfy(s -> assertThat(s.closeReason()).contains(CloseReason.ofNumber(1000)))
        .anySatisfy(s -> assertThat(s.closeReason()).contains(CloseReason.ofString("1006")));
    assertThat(closed)
        .allSatisfy(
            s ->
                assertThat(s.closeReasonText())
                    .contains(
                        s.closeReason().get().isNumber() ? "NormalClosure" : "AbnormalClosure"));
  }

  @Test
  void openSessionsCarryConnectionDetailsAndDevtoolsUrls() {
    List<Session> open = sessions.stream().filter(s -> !s.isClosed()).toList();

    assertThat(open)
        .allSatisfy(
            s -> {
              String id = s.sessionId();
              assertThat(s.lastUpdated()).isPresent();
              assertThat(s.connectionId())
                  .hasValueSatisfying(c -> assertThat(c).matches("c-[0-9a-f]{8}"));
              assertThat(s.connectionStartTime()).isPresent();
              assertThat(s.closeReason()).isEmpty();
              assertThat(s.webSocketDebuggerUrl())
                  .hasValueSatisfying(
                      u ->
                          assertThat(u)
                              .startsWith(
                                  "wss://devtools.example.invalid/browser/" + id + "?jwt=eyJ"));
              assertThat(s.devtoolsFrontendUrl())
                  .hasValueSatisfying(
                      u ->
                          assertThat(u)
                              .startsWith(
                                  "https://devtools.example.invalid/inspector?wss=devtools.example.invalid/browser/"
                                      + id
                                      + "&jwt=eyJ"));
            });
  }

  @Test
  void theJwtIsNeverShownBySessionToString() {
    Session open = sessions.stream().filter(s -> !s.isClosed()).findFirst().orElseThrow();

    assertThat(open.toString()).doesNotContain("jwt=");
  }

  @Test
  void sessionsSurviveACodecRoundTrip() {
    assertThat(CODEC.readSessions(CODEC.writeSessions(sessions))).isEqualTo(sessions);
  }

  @Test
  void zeroSessionsIsAnEmptyListAndANegativeCountIsRefused() {
    assertThat(FakeSessions.generate(1, 0)).isEmpty();
    assertThatThrownBy(() -> FakeSessions.generate(1, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

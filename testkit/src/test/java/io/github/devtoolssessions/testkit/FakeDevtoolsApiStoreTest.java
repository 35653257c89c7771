package io.github.devtoolssessions.testkit;

import static io.github.devtoolssessions.testkit.Fixtures.CODEC;
import static io.github.devtoolssessions.testkit.Fixtures.SESSIONS;
import static io.github.devtoolssessions.testkit.Fixtures.get;
import static io.github.devtoolssessions.testkit.Fixtures.ids;
import static io.github.devtoolssessions.testkit.Fixtures.sessions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devtoolssessions.core.CloseReason;
import io.github.devtoolssessions.core.Credentials;
import io.github.devtoolssessions.core.HttpTransport;
import io.github.devtoolssessions.core.ResponseTooLargeException;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.Timestamp;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class FakeDevtoolsApiStoreTest {

  private final FakeDevtoolsApi api = Fixtures.api();

  private static Session open(String id) {
    return Session.builder(id).startTime(Timestamp.ofEpochMillis(1_764_772_210_512L)).build();
  }

  @Test
  void sessionsAreListedInInsertionOrder() {
    api.addSession(open("b"));
    api.addSessions(List.of(open("c"), open("a")));

    assertThat(ids(api.sessions())).containsExactly("b", "c", "a");
    assertThat(ids(sessions(api.handle(get(SESSIONS))))).containsExactly("b", "c", "a");
  }

  @Test
  void aDuplicateIdIsRefusedAndNothingOfTheBatchIsAdded() {
    api.addSession(open("a"));

    assertThatThrownBy(() -> api.addSessions(List.of(open("b"), open("a"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a");
    assertThatThrownBy(() -> api.addSessions(List.of(open("c"), open("c"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ids(api.sessions())).containsExactly("a");
  }

  @Test
  void removeSessionTellsWhetherItRemovedOne() {
    api.addSessions(List.of(open("a"), open("b")));

    assertThat(api.removeSession("a")).isTrue();
    assertThat(api.removeSession("a")).isFalse();
    assertThat(ids(api.sessions())).containsExactly("b");
  }

  @Test
  void clearSessionsEmptiesTheStore() {
    api.addSessions(FakeSessions.generate(1, 10));
    api.clearSessions();

    assertThat(api.sessions()).isEmpty();
  }

  @Test
  void sessionsIsASnapshot() {
    List<Session> before = api.sessions();
    api.addSession(open("a"));

    assertThat(before).isEmpty();
  }

  @Test
  void closeSessionEndsItNormallyAndKeepsItsPlace() {
    api.addSessions(List.of(open("a"), open("b"), open("c")));
    Instant at = Instant.parse("2025-12-03T14:33:11.077500Z");

    Session closed = api.closeSession("b", at);

    Timestamp expected = new Timestamp(new BigDecimal("1764772391077.5"));
    assertThat(closed.isClosed()).isTrue();
    assertThat(closed.endTime()).contains(expected);
    assertThat(closed.connectionEndTime()).contains(expected);
    assertThat(closed.lastUpdated()).contains(expected);
    assertThat(closed.closeReason()).contains(CloseReason.ofNumber(1000));
    assertThat(closed.closeReasonText()).contains("NormalClosure");
    assertThat(closed.startTime()).isEqualTo(open("b").startTime());
    assertThat(api.sessions()).containsExactly(open("a"), closed, open("c"));
    assertThat(CODEC.readSession(api.handle(get(SESSIONS + "/b")).body())).contains(closed);
  }

  @Test
  void closingAnUnknownOrClosedSessionIsRefused() {
    api.addSession(open("a"));
    api.closeSession("a", Instant.EPOCH);

    assertThatThrownBy(() -> api.closeSession("x", Instant.EPOCH))
        .isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> api.closeSession("a", Instant.EPOCH))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theInMemoryTransportAnswersLikeHandle() {
    api.addSessions(FakeSessions.generate(5, 3));
    try (HttpTransport transport = api.asTransport()) {
      TransportResponse response = transport.send(get(SESSIONS + "?limit=2"));
      TransportResponse async = transport.sendAsync(get(SESSIONS + "?limit=1")).join();

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(ids(sessions(response)))
          .containsExactlyElementsOf(ids(api.sessions()).subList(0, 2));
      assertThat(sessions(async)).hasSize(1);
      assertThat(api.requests()).hasSize(2);
    }
  }

  @Test
  void theInMemoryTransportEnforcesTheBodyCap() {
    api.addSessions(FakeSessions.generate(5, 3));
    HttpTransport transport = api.asTransport();
    TransportRequest request = get(SESSIONS).withMaxBodyBytes(10);

    assertThatThrownBy(() -> transport.send(request)).isInstanceOf(ResponseTooLargeException.class);
    assertThat(transport.send(get(SESSIONS).withMaxBodyBytes(100_000)).statusCode()).isEqualTo(200);
  }

  @Test
  void theBuilderHasDocumentedDefaults() {
    FakeDevtoolsApi defaults = Fixtures.api();

    assertThat(defaults.accountId()).isEqualTo("0123456789abcdef0123456789abcdef");
    assertThat(defaults.pathPrefix()).isEqualTo("/client/v4");
    assertThat(defaults.credentials().scheme()).isEqualTo(Credentials.Scheme.API_TOKEN);
    assertThat(defaults.credentials().headers())
        .containsEntry("Authorization", "Bearer test-token");
  }

  @Test
  void theBuilderRequiresACodecAndChecksItsValues() {
    assertThatThrownBy(() -> FakeDevtoolsApi.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("codec");
    assertThatThrownBy(() -> FakeDevtoolsApi.builder().accountId(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FakeDevtoolsApi.builder().pathPrefix("/a?b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FakeDevtoolsApi.builder().pathPrefix("/a b"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

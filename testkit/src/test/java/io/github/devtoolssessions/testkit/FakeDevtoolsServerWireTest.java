package io.github.devtoolssessions.testkit;

import static io.github.devtoolssessions.testkit.Fixtures.SESSIONS_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.Session;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the server puts on the wire, faults included, seen from a bare socket. */
class FakeDevtoolsServerWireTest {

  private static final Duration FOREVER = Duration.ofMinutes(5);

  private final FakeDevtoolsApi api = Fixtures.api();
  private final FakeDevtoolsServer server = api.start();
  private final List<Session> all = FakeSessions.generate(5, 20);

  FakeDevtoolsServerWireTest() {
    api.addSessions(all);
  }

  @AfterEach
  void close() {
    server.close();
  }

  private RawClient client() throws Exception {
    return new RawClient(server.port());
  }

  // ---------------------------------------------------------------- faults on the wire

  @Test
  void aResetReachesTheClientAsAConnectionReset() throws Exception {
    api.faults().next(Fault.resetConnection());
    try (RawClient c = client()) {
      c.send(RawClient.get(SESSIONS_PATH));

      assertThatThrownBy(c::readLine)
          .isInstanceOf(SocketException.class)
          .hasMessageContaining("reset");
    }
    assertThat(api.requests()).hasSize(1);
  }

  @Test
  void aTruncatedBodyDeclaresItsWholeLengthSendsHalfAndCloses() throws Exception {
    api.faults().next(Fault.truncatedBody());
    try (RawClient c = client()) {
      c.send(RawClient.get(SESSIONS_PATH + "?limit=3"));

      RawClient.Response head = c.readHead();
      byte[] received = c.readToEnd();

      int declared = Integer.parseInt(head.header("Content-Length"));
      assertThat(head.status()).isEqualTo(200);
      assertThat(declared).isEqualTo(Fixtures.CODEC.writeSessions(all.subList(0, 3)).length);
      assertThat(received).hasSize(declared / 2);
    }
  }

  @Test
  void aStalledBodySendsHalfThenNothingThenCloses() throws Exception {
    api.faults().next(Fault.stallBody(Duration.ofMillis(200)));
    try (RawClient c = client()) {
      c.send(RawClient.get(SESSIONS_PATH + "?limit=3"));

      RawClient.Response head = c.readHead();
      byte[] received = c.readToEnd();

      assertThat(received).hasSize(Integer.parseInt(head.header("Content-Length")) / 2);
    }
    assertThat(server.abandonedExchanges()).isZero();
  }

  @Test
  void aClientThatLeavesDuringAHeaderDelayIsCountedAsAbandoned() throws Exception {
    api.faults().next(Fault.delayHeaders(FOREVER));
    try (RawClient c = client()) {
      c.send(RawClient.get(SESSIONS_PATH));
      Fixtures.awaitTrue(() -> api.requests().size() == 1);
    }

    Fixtures.awaitTrue(() -> server.abandonedExchanges() == 1);
    Fixtures.awaitTrue(() -> server.openConnections() == 0);
  }

  @Test
  void aClientThatResetsDuringAStallIsCountedAsAbandoned() throws Exception {
    api.faults().next(Fault.stallBody(FOREVER));
    RawClient c = client();
    c.send(RawClient.get(SESSIONS_PATH));
    c.readHead();

    c.reset();

    Fixtures.awaitTrue(() -> server.abandonedExchanges() == 1);
  }

  @Test
  void aClientThatLeavesWhileALargeBodyIsWrittenIsCountedAsAbandoned() throws Exception {
    api.faults().next(Fault.status(200, new byte[32 * 1024 * 1024], Headers.empty()));
    RawClient c = client();
    c.send(RawClient.get(SESSIONS_PATH));
    c.readHead();

    c.reset();

    Fixtures.awaitTrue(() -> server.abandonedExchanges() == 1);
  }

  @Test
  void answersTheClientWaitsForAreNotAbandoned() throws Exception {
    api.faults().next(Fault.delayHeaders(Duration.ofMillis(50)), Fault.internalError());
    try (RawClient c = client()) {
      assertThat(c.send(RawClient.get(SESSIONS_PATH)).read().status()).isEqualTo(200);
      assertThat(c.send(RawClient.get(SESSIONS_PATH)).read().status()).isEqualTo(500);
    }

    assertThat(server.abandonedExchanges()).isZero();
  }

  @Test
  void closingTheServerMidExchangeAbandonsNothingAndClosesTheConnection() throws Exception {
    api.faults().next(Fault.delayHeaders(FOREVER));
    try (RawClient c = client()) {
      c.send(RawClient.get(SESSIONS_PATH));
      Fixtures.awaitTrue(() -> api.requests().size() == 1);

      server.close();

      assertThat(c.readLine()).isNull();
    }
    assertThat(server.abandonedExchanges()).isZero();
    Fixtures.awaitTrue(() -> server.openConnections() == 0);
  }

  // ---------------------------------------------------------------- connections

  @Test
  void openConnectionsCountsConnectionsUntilEitherSideClosesThem() throws Exception {
    RawClient first = client();
    RawClient second = client();
    first.send(RawClient.get(SESSIONS_PATH)).read();
    second.send(RawClient.get(SESSIONS_PATH)).read();
    assertThat(server.openConnections()).isEqualTo(2);

    first.close();
    Fixtures.awaitTrue(() -> server.openConnections() == 1);

    RawClient.Response last =
        second
            .send(
                "GET "
                    + SESSIONS_PATH
                    + " HTTP/1.1\r\nAuthorization: Bearer test-token\r\nConnection: close\r\n\r\n")
            .read();
    assertThat(last.header("Connection")).isEqualTo("close");
    assertThat(second.readToEnd()).isEmpty();
    Fixtures.awaitTrue(() -> server.openConnections() == 0);
    second.close();
  }

  @Test
  void oneConnectionServesManyRequestsPipelinedOnesIncluded() throws Exception {
    try (RawClient c = client()) {
      c.send(RawClient.get(SESSIONS_PATH + "?limit=1") + RawClient.get(SESSIONS_PATH + "?limit=2"));

      assertThat(Fixtures.CODEC.readSessions(c.read().body())).hasSize(1);
      assertThat(Fixtures.CODEC.readSessions(c.read().body())).hasSize(2);
      assertThat(c.send(RawClient.get(SESSIONS_PATH + "?limit=3")).read().status()).isEqualTo(200);
    }
    assertThat(api.requests()).hasSize(3);
  }

  @Test
  void aRequestPipelinedDuringADelayIsKeptAndAnswered() throws Exception {
    api.faults().next(Fault.delayHeaders(Duration.ofMillis(200)));
    try (RawClient c = client()) {
      c.send(RawClient.get(SESSIONS_PATH + "?limit=1"));
      Fixtures.awaitTrue(() -> api.requests().size() == 1);
      // Sent while the server waits on the first: it must not be taken for the client leaving.
      c.send(RawClient.get(SESSIONS_PATH + "?limit=2"));

      assertThat(Fixtures.CODEC.readSessions(c.read().body())).hasSize(1);
      assertThat(Fixtures.CODEC.readSessions(c.read().body())).hasSize(2);
    }
    assertThat(server.abandonedExchanges()).isZero();
  }

  @Test
  void aChunkedRequestBodyIsReadAndTheConnectionStaysUsable() throws Exception {
    try (RawClient c = client()) {
      c.send(
          "POST "
              + SESSIONS_PATH
              + " HTTP/1.1\r\nAuthorization: Bearer test-token\r\nTransfer-Encoding: chunked\r\n\r\n"
              + "3;ext=1\r\n{\"a\r\n2\r\n\":\r\n1\r\n1\r\n0\r\nTrailer: x\r\n\r\n");

      assertThat(c.read().status()).isEqualTo(405);
      assertThat(c.send(RawClient.get(SESSIONS_PATH)).read().status()).isEqualTo(200);
    }
  }

  @Test
  void expectContinueIsAnsweredBeforeTheBodyIsRead() throws Exception {
    try (RawClient c = client()) {
      c.send(
          "POST "
              + SESSIONS_PATH
              + " HTTP/1.1\r\nAuthorization: Bearer test-token\r\nExpect: 100-continue\r\n"
              + "Content-Length: 2\r\n\r\n");

      assertThat(c.readHead().status()).isEqualTo(100);
      c.send("{}");
      assertThat(c.read().status()).isEqualTo(405);
    }
  }

  @Test
  void http10ClosesAfterTheResponseUnlessAskedToKeepAlive() throws Exception {
    try (RawClient c = client()) {
      RawClient.Response r =
          c.send("GET " + SESSIONS_PATH + " HTTP/1.0\r\nAuthorization: Bearer test-token\r\n\r\n")
              .read();

      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("Connection")).isEqualTo("close");
      assertThat(c.readToEnd()).isEmpty();
    }
    try (RawClient c = client()) {
      String keepAlive =
          "GET "
              + SESSIONS_PATH
              + " HTTP/1.0\r\nConnection: keep-alive\r\nAuthorization: Bearer test-token\r\n\r\n";
      assertThat(c.send(keepAlive).read().header("Connection")).isNull();
      assertThat(c.send(keepAlive).read().status()).isEqualTo(200);
    }
  }

  @Test
  void aHeadResponseDeclaresALengthButSendsNoBody() throws Exception {
    try (RawClient c = client()) {
      RawClient.Response head =
          c.send("HEAD " + SESSIONS_PATH + " HTTP/1.1\r\nAuthorization: Bearer test-token\r\n\r\n")
              .read(true);

      assertThat(head.status()).isEqualTo(405);
      assertThat(Integer.parseInt(head.header("Content-Length"))).isPositive();
      // Had a body been sent, it would be read here as the next status line.
      assertThat(c.send(RawClient.get(SESSIONS_PATH)).read().status()).isEqualTo(200);
    }
  }

  @Test
  void a204CarriesNeitherBodyNorLength() throws Exception {
    api.faults().next(Fault.status(204, "ignored"));
    try (RawClient c = client()) {
      RawClient.Response r = c.send(RawClient.get(SESSIONS_PATH)).readHead();

      assertThat(r.status()).isEqualTo(204);
      assertThat(r.header("Content-Length")).isNull();
      assertThat(c.send(RawClient.get(SESSIONS_PATH)).read().status()).isEqualTo(200);
    }
  }

  @Test
  void headersReachTheJournalAsTheClientSpelledThem() throws Exception {
    try (RawClient c = client()) {
      c.send(
              "GET "
                  + SESSIONS_PATH
                  + "?limit=1 HTTP/1.1\r\nauthorization:   Bearer test-token  \r\n"
                  + "X-Twice: a\r\nx-twice: b\r\n\r\n")
          .read();
    }

    RecordedRequest recorded = api.requests().get(0);
    assertThat(recorded.headers().map()).containsKey("authorization");
    assertThat(recorded.header("Authorization")).contains("Bearer test-token");
    assertThat(recorded.headers().allValues("X-TWICE")).containsExactly("a", "b");
    assertThat(recorded.uri().toString())
        .isEqualTo(
            server.baseUrl()
                + "/accounts/"
                + FakeDevtoolsApi.DEFAULT_ACCOUNT_ID
                + "/browser-rendering/devtools/session?limit=1");
  }

  @Test
  void anAbsoluteFormTargetIsServedByItsPathAndQuery() throws Exception {
    try (RawClient c = client()) {
      RawClient.Response r =
          c.send(RawClient.get("http://api.example.invalid" + SESSIONS_PATH + "?limit=2")).read();

      assertThat(Fixtures.CODEC.readSessions(r.body())).hasSize(2);
    }
    assertThat(api.requests().get(0).path()).isEqualTo(SESSIONS_PATH);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GARBAGE\r\n\r\n",
        "GET /x HTTP/2.0\r\n\r\n",
        "GET /x\r\n\r\n",
        "GET /x HTTP/1.1\r\nBad Header: x\r\n\r\n",
        "GET /x HTTP/1.1\r\nX-A: a\r\n folded\r\n\r\n",
        "GET /x HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
        "GET /x HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
        "GET /x HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n",
        "GET /x HTTP/1.1\r\nX-A: a\u0001b\r\n\r\n",
        "GET /a|b HTTP/1.1\r\n\r\n"
      })
  void aMalformedRequestGetsA400AndTheConnectionCloses(String request) throws Exception {
    try (RawClient c = client()) {
      RawClient.Response r = c.send(request).read();

      assertThat(r.status()).isEqualTo(400);
      assertThat(r.header("Connection")).isEqualTo("close");
      assertThat(r.text()).startsWith("Bad Request: ");
      assertThat(c.readToEnd()).isEmpty();
    }
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void aClientThatClosesMidHeadIsForgotten() throws Exception {
    try (RawClient c = client()) {
      c.send("GET " + SESSIONS_PATH + " HTTP/1.1\r\nHost: x\r\n");
    }

    Fixtures.awaitTrue(() -> server.openConnections() == 0);
    assertThat(api.requests()).isEmpty();
    assertThat(server.abandonedExchanges()).isZero();
  }
}

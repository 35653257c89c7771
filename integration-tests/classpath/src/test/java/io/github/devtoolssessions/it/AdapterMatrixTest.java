package io.github.devtoolssessions.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devtoolssessions.api.AllSessionsParams;
import io.github.devtoolssessions.api.DevtoolsSessionsClient;
import io.github.devtoolssessions.api.SessionPager;
import io.github.devtoolssessions.core.Credentials;
import io.github.devtoolssessions.core.HttpTransport;
import io.github.devtoolssessions.core.ListSessionsParams;
import io.github.devtoolssessions.core.NotFoundException;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.json.jackson.JacksonJsonCodec;
import io.github.devtoolssessions.testkit.FakeDevtoolsApi;
import io.github.devtoolssessions.testkit.FakeDevtoolsServer;
import io.github.devtoolssessions.testkit.FakeSessions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every transport with every codec, against the loopback fake server. */
class AdapterMatrixTest {

  private static final List<Session> SEEDED_450 = FakeSessions.generate(450, 450);

  private static DevtoolsSessionsClient client(
      FakeDevtoolsServer server,
      Credentials credentials,
      HttpTransport transport,
      Adapters.Codec codec) {
    return DevtoolsSessionsClient.builder()
        .accountId(FakeDevtoolsApi.DEFAULT_ACCOUNT_ID)
        .credentials(credentials)
        .baseUrl(server.baseUrl())
        .transport(transport)
        .jsonCodec(codec.create())
        .build();
  }

  private static List<Session> readAllByHand(DevtoolsSessionsClient client) {
    List<Session> all = new ArrayList<>();
    for (int offset = 0; offset < 450; offset += 200) {
      all.addAll(client.list(ListSessionsParams.of(200, offset)));
    }
    return all;
  }

  @ParameterizedTest(name = "{0} x {1}")
  @MethodSource("io.github.devtoolssessions.it.Adapters#pairs")
  void everyPairReads450SessionsIdenticallyWithTokenAuth(
      Adapters.Transport transport, Adapters.Codec codec) {
    Credentials token = Credentials.apiToken("matrix-token-1");
    FakeDevtoolsApi fake =
        FakeDevtoolsApi.builder().codec(JacksonJsonCodec.create()).credentials(token).build();
    fake.addSessions(SEEDED_450);
    try (FakeDevtoolsServer server = fake.start();
        HttpTransport t = transport.create()) {
      assertThat(readAllByHand(client(server, token, t, codec))).isEqualTo(SEEDED_450);
    }
  }

  @ParameterizedTest(name = "{0} x {1}")
  @MethodSource("io.github.devtoolssessions.it.Adapters#pairs")
  void everyPairReads450SessionsIdenticallyWithEmailAndKeyAuth(
      Adapters.Transport transport, Adapters.Codec codec) {
    Credentials legacy = Credentials.apiKey("matrix@example.com", "matrix-key-1");
    FakeDevtoolsApi fake =
        FakeDevtoolsApi.builder().codec(JacksonJsonCodec.create()).credentials(legacy).build();
    fake.addSessions(SEEDED_450);
    try (FakeDevtoolsServer server = fake.start();
        HttpTransport t = transport.create()) {
      assertThat(readAllByHand(client(server, legacy, t, codec))).isEqualTo(SEEDED_450);
      assertThat(fake.requests())
          .allSatisfy(r -> assertThat(r.header("x-auth-key")).contains("matrix-key-1"));
    }
  }

  @ParameterizedTest(name = "{0} x {1}")
  @MethodSource("io.github.devtoolssessions.it.Adapters#pairs")
  void everyPairWalksTenThousandSessionsOnceHoldingAtMostOnePage(
      Adapters.Transport transport, Adapters.Codec codec) {
    List<Session> seeded = FakeSessions.generate(10_000, 10_000);
    FakeDevtoolsApi fake = FakeDevtoolsApi.builder().codec(JacksonJsonCodec.create()).build();
    fake.addSessions(seeded);
    try (FakeDevtoolsServer server = fake.start();
        HttpTransport t = transport.create();
        SessionPager pager =
            client(server, fake.credentials(), t, codec)
                .pager(AllSessionsParams.builder().pageSize(200).build())) {
      List<Session> walked = new ArrayList<>(10_000);
      int maxHeld = 0;
      while (pager.hasNext()) {
        maxHeld = Math.max(maxHeld, pager.bufferedSessions());
        walked.add(pager.next());
      }
      assertThat(walked).isEqualTo(seeded);
      assertThat(maxHeld).isLessThanOrEqualTo(200);
      // 50 full pages and the empty one that tells a full last page from the end.
      assertThat(fake.requests()).hasSize(51);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.github.devtoolssessions.it.Adapters#transports")
  void twoHundredConcurrentAsyncListCallsAllCompleteCorrectly(Adapters.Transport transport) {
    List<Session> seeded = FakeSessions.generate(200, 1_000);
    FakeDevtoolsApi fake = FakeDevtoolsApi.builder().codec(JacksonJsonCodec.create()).build();
    fake.addSessions(seeded);
    try (FakeDevtoolsServer server = fake.start();
        HttpTransport t = transport.create()) {
      DevtoolsSessionsClient client = client(server, fake.credentials(), t, Adapters.CODECS.get(0));
      List<CompletableFuture<List<Session>>> calls = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        calls.add(client.listAsync(ListSessionsParams.of(5, i * 5)));
      }
      CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
      for (int i = 0; i < 200; i++) {
        assertThat(calls.get(i).join()).isEqualTo(seeded.subList(i * 5, i * 5 + 5));
      }
      assertThat(fake.requests()).hasSize(200);
      assertThat(
              fake.requests().stream()
                  .map(r -> r.rawQuery().orElse(""))
                  .collect(Collectors.toSet()))
          .hasSize(200);
    }
  }

  @ParameterizedTest(name = "{0} x {1}")
  @MethodSource("io.github.devtoolssessions.it.Adapters#pairs")
  void everyPairGetsOneSessionByIdAndReadsAnUnknownIdAsEmpty(
      Adapters.Transport transport, Adapters.Codec codec) {
    Credentials serviceKey = Credentials.userServiceKey("v1.0-matrix-service-key");
    FakeDevtoolsApi fake =
        FakeDevtoolsApi.builder().codec(JacksonJsonCodec.create()).credentials(serviceKey).build();
    fake.addSessions(SEEDED_450);
    Session known = SEEDED_450.get(321);
    try (FakeDevtoolsServer server = fake.start();
        HttpTransport t = transport.create()) {
      DevtoolsSessionsClient client = client(server, serviceKey, t, codec);

      assertThat(client.get(known.sessionId())).contains(known);
      assertThat(client.getAsync(known.sessionId()).join()).contains(known);
      assertThat(client.get("no-such-session")).isEmpty();
      assertThat(client.getAsync("no-such-session").join()).isEmpty();
      assertThat(fake.requests())
          .extracting(r -> r.path())
          .containsExactly(
              sessionPath(known.sessionId()),
              sessionPath(known.sessionId()),
              sessionPath("no-such-session"),
              sessionPath("no-such-session"));
    }
  }

  @ParameterizedTest(name = "{0} x {1}")
  @MethodSource("io.github.devtoolssessions.it.Adapters#pairs")
  void aBaseUrlWithNoRouteIsAnErrorFromGetNotAnEmptyResult(
      Adapters.Transport transport, Adapters.Codec codec) {
    FakeDevtoolsApi fake = FakeDevtoolsApi.builder().codec(JacksonJsonCodec.create()).build();
    fake.addSessions(SEEDED_450);
    try (FakeDevtoolsServer server = fake.start();
        HttpTransport t = transport.create()) {
      DevtoolsSessionsClient misrouted =
          DevtoolsSessionsClient.builder()
              .accountId(FakeDevtoolsApi.DEFAULT_ACCOUNT_ID)
              .credentials(fake.credentials())
              .baseUrl(server.baseUrl().resolve("/client/v3"))
              .transport(t)
              .jsonCodec(codec.create())
              .build();

      assertThatThrownBy(() -> misrouted.get(SEEDED_450.get(0).sessionId()))
          .isInstanceOf(NotFoundException.class)
          .hasMessageContaining("7003");
    }
  }

  private static String sessionPath(String sessionId) {
    return FakeDevtoolsApi.DEFAULT_PATH_PREFIX
        + "/accounts/"
        + FakeDevtoolsApi.DEFAULT_ACCOUNT_ID
        + "/browser-rendering/devtools/session/"
        + sessionId;
  }
}

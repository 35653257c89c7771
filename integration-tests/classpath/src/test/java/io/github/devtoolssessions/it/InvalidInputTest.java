package io.github.devtoolssessions.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devtoolssessions.api.DevtoolsSessionsClient;
import io.github.devtoolssessions.core.Credentials;
import io.github.devtoolssessions.core.ListSessionsParams;
import io.github.devtoolssessions.json.jackson.JacksonJsonCodec;
import io.github.devtoolssessions.testkit.FakeDevtoolsApi;
import io.github.devtoolssessions.testkit.FakeDevtoolsServer;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every invalid limit, offset, account id, session id and credential value is refused with a clear
 * IllegalArgumentException before any request reaches the fake: its journal stays empty.
 */
class InvalidInputTest {

  private FakeDevtoolsApi fake;
  private FakeDevtoolsServer server;

  @BeforeEach
  void start() {
    fake = FakeDevtoolsApi.builder().codec(JacksonJsonCodec.create()).build();
    server = fake.start();
  }

  @AfterEach
  void stop() {
    server.close();
    assertThat(fake.requests()).as("requests that reached the fake").isEmpty();
  }

  /** Builds a client against the server, lets the step use it, and closes it. */
  private void withClient(
      Consumer<DevtoolsSessionsClient.Builder> configure, Consumer<DevtoolsSessionsClient> use) {
    DevtoolsSessionsClient.Builder builder =
        DevtoolsSessionsClient.builder()
            .accountId(FakeDevtoolsApi.DEFAULT_ACCOUNT_ID)
            .credentials(Credentials.apiToken(FakeDevtoolsApi.DEFAULT_API_TOKEN))
            .baseUrl(server.baseUrl());
    configure.accept(builder);
    try (DevtoolsSessionsClient client = builder.build()) {
      use.accept(client);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 201, Integer.MAX_VALUE, Integer.MIN_VALUE})
  void invalidLimits(int limit) {
    withClient(
        b -> {},
        client ->
            assertThatThrownBy(() -> client.list(ListSessionsParams.of(limit, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit = " + limit)
                .hasMessageContaining("from 1 to 200"));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, -200, Integer.MIN_VALUE})
  void invalidOffsets(int offset) {
    withClient(
        b -> {},
        client ->
            assertThatThrownBy(
                    () -> client.list(ListSessionsParams.builder().offset(offset).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offset = " + offset)
                .hasMessageContaining(">= 0"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t", "acc\nount", "acc\u0000", "a\rb"})
  void invalidAccountIds(String accountId) {
    assertThatThrownBy(() -> withClient(b -> b.accountId(accountId), c -> c.list()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("accountId");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "id\n", "a\u007fb"})
  void invalidSessionIds(String sessionId) {
    withClient(
        b -> {},
        client ->
            assertThatThrownBy(() -> client.get(sessionId))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sessionId"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "tok\r\nX-Injected: 1", "tok\n", "tök", "tok\u0000"})
  void invalidCredentialValues(String secret) {
    assertThatThrownBy(
            () -> withClient(b -> b.credentials(Credentials.apiToken(secret)), c -> c.list()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("apiToken");
    assertThatThrownBy(
            () ->
                withClient(
                    b -> b.credentials(Credentials.apiKey("me@example.com", secret)),
                    c -> c.list()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("apiKey");
    assertThatThrownBy(
            () ->
                withClient(b -> b.credentials(Credentials.apiKey(secret, "key-1")), c -> c.list()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("email");
  }
}

package io.github.devtoolssessions.testkit;

import static io.github.devtoolssessions.testkit.Fixtures.CODEC;
import static io.github.devtoolssessions.testkit.Fixtures.SESSIONS;
import static io.github.devtoolssessions.testkit.Fixtures.errors;
import static io.github.devtoolssessions.testkit.Fixtures.get;
import static io.github.devtoolssessions.testkit.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devtoolssessions.core.CloudflareError;
import io.github.devtoolssessions.core.Credentials;
import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.TransportResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FakeDevtoolsApiAuthenticationTest {

  private static final String UNAUTHENTICATED =
      "{\"success\":false,\"errors\":[{\"code\":10000,\"message\":\"Authentication error\"}],"
          + "\"messages\":[],\"result\":null}";

  private final FakeDevtoolsApi tokenApi = Fixtures.api();
  private final FakeDevtoolsApi keyApi =
      FakeDevtoolsApi.builder()
          .codec(CODEC)
          .credentials(Credentials.apiKey("dev@example.com", "0123456789abcdef"))
          .build();
  private final FakeDevtoolsApi serviceKeyApi =
      FakeDevtoolsApi.builder()
          .codec(CODEC)
          .credentials(Credentials.userServiceKey("v1.0-service-key"))
          .build();

  private static Headers headers(String... namesAndValues) {
    Headers.Builder b = Headers.builder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      b.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return b.build();
  }

  @Test
  void theRightTokenIsAccepted() {
    assertThat(tokenApi.handle(get(SESSIONS)).statusCode()).isEqualTo(200);
  }

  @Test
  void theBearerSchemeNameIsCaseInsensitiveButTheTokenIsNot() {
    assertThat(
            tokenApi
                .handle(get(SESSIONS, headers("authorization", "bearer test-token")))
                .statusCode())
        .isEqualTo(200);
    assertThat(
            tokenApi
                .handle(get(SESSIONS, headers("Authorization", "Bearer TEST-TOKEN")))
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void noCredentialsIsA401WithTheAuthenticationErrorEnvelope() {
    TransportResponse response = tokenApi.handle(get(SESSIONS, Headers.empty()));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(text(response)).isEqualTo(UNAUTHENTICATED);
  }

  @Test
  void aWrongTokenIsA401() {
    TransportResponse response =
        tokenApi.handle(get(SESSIONS, headers("Authorization", "Bearer wrong-token")));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(text(response)).isEqualTo(UNAUTHENTICATED);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Basic dXNlcjpwYXNz",
        "Bearer",
        "Bearer ",
        "test-token",
        "Bearer two words",
        "Token test-token",
        "Bearer  test-token",
        ""
      })
  void aMalformedAuthorizationHeaderIsA400With6003And6111(String value) {
    TransportResponse response = tokenApi.handle(get(SESSIONS, headers("Authorization", value)));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(text(response))
        .isEqualTo(
            "{\"success\":false,\"errors\":[{\"code\":6003,\"message\":\"Invalid request headers\","
                + "\"error_chain\":[{\"code\":6111,\"message\":\"Invalid format for Authorization"
                + " header\"}]}],\"messages\":[],\"result\":null}");
  }

  @Test
  void anAuthorizationHeaderGivenTwiceIsMalformed() {
    TransportResponse response =
        tokenApi.handle(
            get(
                SESSIONS,
                headers(
                    "Authorization", "Bearer test-token", "Authorization", "Bearer test-token")));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(chainCodes(response)).containsExactly(6111);
  }

  @Test
  void aTokenMixedWithAnotherSchemesHeaderIsA401() {
    TransportResponse response =
        tokenApi.handle(
            get(
                SESSIONS,
                headers("Authorization", "Bearer test-token", "X-Auth-User-Service-Key", "k123")));

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void theRightEmailAndKeyAreAccepted() {
    TransportResponse response =
        keyApi.handle(
            get(
                SESSIONS,
                headers("X-Auth-Email", "dev@example.com", "X-Auth-Key", "0123456789abcdef")));

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void aMissingOrWrongEmailOrKeyIsA401() {
    assertThat(
            keyApi.handle(get(SESSIONS, headers("X-Auth-Email", "dev@example.com"))).statusCode())
        .isEqualTo(401);
    assertThat(keyApi.handle(get(SESSIONS, headers("X-Auth-Key", "0123456789abcdef"))).statusCode())
        .isEqualTo(401);
    assertThat(
            keyApi
                .handle(
                    get(
                        SESSIONS,
                        headers(
                            "X-Auth-Email", "other@example.com", "X-Auth-Key", "0123456789abcdef")))
                .statusCode())
        .isEqualTo(401);
    assertThat(
            keyApi
                .handle(
                    get(SESSIONS, headers("X-Auth-Email", "dev@example.com", "X-Auth-Key", "bad")))
                .statusCode())
        .isEqualTo(401);
    assertThat(keyApi.handle(get(SESSIONS)).statusCode()).isEqualTo(401);
  }

  @Test
  void anEmailWithoutAtIsA400With6102() {
    TransportResponse response =
        keyApi.handle(
            get(
                SESSIONS,
                headers("X-Auth-Email", "dev.example.com", "X-Auth-Key", "0123456789abcdef")));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(errors(response).get(0).code()).hasValue(6003);
    assertThat(errors(response).get(0).errorChain())
        .containsExactly(CloudflareError.of(6102, "Invalid format for X-Auth-Email header"));
  }

  @Test
  void aKeyWithWhitespaceIsA400With6103() {
    TransportResponse response =
        keyApi.handle(
            get(SESSIONS, headers("X-Auth-Email", "dev@example.com", "X-Auth-Key", "0123 4567")));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(errors(response).get(0).errorChain())
        .containsExactly(CloudflareError.of(6103, "Invalid format for X-Auth-Key header"));
  }

  @Test
  void everyMalformedHeaderIsListedInTheChain() {
    TransportResponse response =
        keyApi.handle(
            get(
                SESSIONS,
                headers("Authorization", "Basic x", "X-Auth-Email", "nobody", "X-Auth-Key", " ")));

    assertThat(chainCodes(response)).containsExactly(6111, 6102, 6103);
  }

  @Test
  void aMalformedHeaderOfAnotherSchemeIsStillA400() {
    TransportResponse response =
        tokenApi.handle(
            get(SESSIONS, headers("Authorization", "Bearer test-token", "X-Auth-Email", "x")));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(chainCodes(response)).containsExactly(6102);
  }

  @Test
  void aTokenSentToAKeyConfiguredFakeIsA401() {
    assertThat(keyApi.handle(get(SESSIONS)).statusCode()).isEqualTo(401);
  }

  @Test
  void theRightUserServiceKeyIsAcceptedAndAWrongOneIsA401() {
    assertThat(
            serviceKeyApi
                .handle(get(SESSIONS, headers("X-Auth-User-Service-Key", "v1.0-service-key")))
                .statusCode())
        .isEqualTo(200);
    assertThat(
            serviceKeyApi
                .handle(get(SESSIONS, headers("X-Auth-User-Service-Key", "v1.0-other-key")))
                .statusCode())
        .isEqualTo(401);
    assertThat(
            serviceKeyApi
                .handle(
                    get(
                        SESSIONS,
                        headers(
                            "X-Auth-User-Service-Key",
                            "v1.0-service-key",
                            "X-Auth-User-Service-Key",
                            "v1.0-service-key")))
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void authenticationIsCheckedBeforeAccountQueryAndSessionLookup() {
    String otherAccount = SESSIONS.replace(FakeDevtoolsApi.DEFAULT_ACCOUNT_ID, "other");
    assertThat(tokenApi.handle(get(otherAccount, Headers.empty())).statusCode()).isEqualTo(401);
    assertThat(tokenApi.handle(get(SESSIONS + "?limit=abc", Headers.empty())).statusCode())
        .isEqualTo(401);
    assertThat(tokenApi.handle(get(SESSIONS + "/unknown", Headers.empty())).statusCode())
        .isEqualTo(401);
    assertThat(
            tokenApi
                .handle(Fixtures.request("POST", SESSIONS, headers("Authorization", "Bearer nope")))
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void anotherAccountIsA403With9109() {
    TransportResponse response =
        tokenApi.handle(get(SESSIONS.replace(FakeDevtoolsApi.DEFAULT_ACCOUNT_ID, "f".repeat(32))));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(text(response))
        .isEqualTo(
            "{\"success\":false,\"errors\":[{\"code\":9109,\"message\":\"Unauthorized to access"
                + " requested resource\"}],\"messages\":[],\"result\":null}");
  }

  @Test
  void theFakeRefusesCredentialsItWouldItselfCallMalformedWithoutShowingThem() {
    assertThatThrownBy(
            () ->
                FakeDevtoolsApi.builder()
                    .codec(CODEC)
                    .credentials(Credentials.apiKey("no-at-sign", "secret-key-1"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("X-Auth-Email")
        .hasMessageNotContaining("no-at-sign")
        .hasMessageNotContaining("secret-key-1");
    assertThatThrownBy(
            () ->
                FakeDevtoolsApi.builder()
                    .codec(CODEC)
                    .credentials(Credentials.apiToken("token with spaces"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("token with spaces");
  }

  private static List<Integer> chainCodes(TransportResponse response) {
    List<CloudflareError> errors = errors(response);
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).code()).hasValue(6003);
    return errors.get(0).errorChain().stream().map(e -> e.code().getAsInt()).toList();
  }
}

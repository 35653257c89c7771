package io.github.devtoolssessions.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialsTest {

  @Test
  void apiTokenIsSentAsBearerAuthorizationOnly() {
    Credentials c = Credentials.apiToken("tok-abc");
    assertThat(c.scheme()).isEqualTo(Credentials.Scheme.API_TOKEN);
    assertThat(c.headers()).isEqualTo(Map.of("Authorization", "Bearer tok-abc"));
  }

  @Test
  void emailAndKeyAreSentAsTheTwoLegacyHeadersOnly() {
    Credentials c = Credentials.apiKey("me@example.com", "key-abc");
    assertThat(c.scheme()).isEqualTo(Credentials.Scheme.API_KEY);
    assertThat(c.headers())
        .isEqualTo(Map.of("X-Auth-Email", "me@example.com", "X-Auth-Key", "key-abc"));
  }

  @Test
  void userServiceKeyIsSentAsItsOwnHeaderOnly() {
    Credentials c = Credentials.userServiceKey("v1.0-usk");
    assertThat(c.headers()).isEqualTo(Map.of("X-Auth-User-Service-Key", "v1.0-usk"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc\r\nX-Evil: 1", "abc\n", "\rabc", "ab\u0000c", "tokén", "ab\u007fc"})
  void valuesThatCouldBreakAHeaderAreRefusedWithoutBeingShown(String bad) {
    assertThatThrownBy(() -> Credentials.apiToken(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("apiToken is invalid")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(bad.strip()));
    assertThatThrownBy(() -> Credentials.apiKey("me@example.com", bad))
        .hasMessageStartingWith("apiKey is invalid");
    assertThatThrownBy(() -> Credentials.apiKey(bad, "key-abc"))
        .hasMessageStartingWith("email is invalid");
    assertThatThrownBy(() -> Credentials.userServiceKey(bad))
        .hasMessageStartingWith("userServiceKey is invalid");
  }

  @Test
  void lineBreaksAreNamedAsSuch() {
    assertThatThrownBy(() -> Credentials.apiToken("abc\r\ndef"))
        .hasMessageContaining("line break (CR or LF) at index 3");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t "})
  void blankValuesAreRefused(String blank) {
    assertThatThrownBy(() -> Credentials.apiToken(blank))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("apiToken is invalid: it must not be blank");
  }

  @Test
  void nullValuesAreRefusedByName() {
    assertThatThrownBy(() -> Credentials.apiKey(null, "k"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("email is required but was null");
  }

  @Test
  void toStringNamesTheSchemeButNoSecret() {
    assertThat(Credentials.apiToken("tok-secret-1").toString()).isEqualTo("Credentials[API_TOKEN]");
    assertThat(Credentials.apiKey("me@example.com", "key-secret-1").toString())
        .isEqualTo("Credentials[API_KEY]")
        .doesNotContain("me@example.com");
  }

  @Test
  void secretHeaderNamesAreRecognisedInAnyCase() {
    assertThat(Credentials.isSecretHeader("AUTHORIZATION")).isTrue();
    assertThat(Credentials.isSecretHeader("x-auth-key")).isTrue();
    assertThat(Credentials.isSecretHeader("X-Auth-Email")).isTrue();
    assertThat(Credentials.isSecretHeader("X-Auth-User-Service-Key")).isTrue();
    assertThat(Credentials.isSecretHeader("Accept")).isFalse();
  }
}

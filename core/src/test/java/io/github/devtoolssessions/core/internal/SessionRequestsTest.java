package io.github.devtoolssessions.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devtoolssessions.core.AccountId;
import io.github.devtoolssessions.core.Credentials;
import io.github.devtoolssessions.core.ListSessionsParams;
import io.github.devtoolssessions.core.SessionId;
import io.github.devtoolssessions.core.TransportRequest;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionRequestsTest {

  private final SessionRequests requests =
      new SessionRequests(
          URI.create("https://api.cloudflare.com/client/v4/"),
          AccountId.of("acc"),
          Credentials.userServiceKey("usk-12345"),
          "ua/1",
          Optional.of(Duration.ofSeconds(7)),
          99);

  @Test
  void listHasNoQueryWhenNothingIsSet() {
    TransportRequest r = requests.list(ListSessionsParams.defaults());
    assertThat(r.uri())
        .hasToString(
            "https://api.cloudflare.com/client/v4/accounts/acc/browser-rendering/devtools/session");
    assertThat(r.timeout()).contains(Duration.ofSeconds(7));
    assertThat(r.maxBodyBytes()).isEqualTo(99);
  }

  @Test
  void listSendsPlainIntegers() {
    assertThat(requests.list(ListSessionsParams.of(1, 0)).uri().getRawQuery())
        .isEqualTo("limit=1&offset=0");
  }

  @Test
  void getEncodesTheSessionIdAsOneSegment() {
    TransportRequest r = requests.get(SessionId.of("x/../y?z"));
    assertThat(r.uri().getRawPath())
        .isEqualTo("/client/v4/accounts/acc/browser-rendering/devtools/session/x%2F..%2Fy%3Fz");
    assertThat(r.uri().getRawQuery()).isNull();
  }

  @Test
  void getRefusesBlankOrControlCharacterIds() {
    assertThatThrownBy(() -> requests.get(SessionId.of(" ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sessionId");
    assertThatThrownBy(() -> requests.get(SessionId.of("a\tb")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("U+0009");
  }

  @Test
  void headersCarryAcceptUserAgentAndOnlyTheChosenScheme() {
    TransportRequest r = requests.list(ListSessionsParams.defaults());
    assertThat(r.headers().map().keySet())
        .containsExactlyInAnyOrder("Accept", "User-Agent", "X-Auth-User-Service-Key");
    assertThat(r.headers().firstValue("user-agent")).contains("ua/1");
  }

  @Test
  void theUserAgentNamesTheLibraryAndItsVersion() {
    assertThat(LibraryVersion.userAgent()).matches("devtools-sessions-java/[^ ]+ \\(Java \\d+\\)");
    assertThat(LibraryVersion.get()).isNotEqualTo("unknown");
  }
}

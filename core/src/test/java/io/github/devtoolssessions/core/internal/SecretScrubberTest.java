package io.github.devtoolssessions.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.Redaction;
import org.junit.jupiter.api.Test;

class SecretScrubberTest {

  @Test
  void everyCredentialHeaderValueIsMasked() {
    SecretScrubber s =
        SecretScrubber.of(
            Headers.builder()
                .add("X-Auth-Email", "me@example.com")
                .add("X-Auth-Key", "key-12345")
                .add("Accept", "application/json")
                .build());
    assertThat(s.scrub("email me@example.com key key-12345 accept application/json"))
        .isEqualTo("email **** key **** accept application/json");
  }

  @Test
  void aBearerTokenIsMaskedWithOrWithoutItsPrefix() {
    SecretScrubber s =
        SecretScrubber.of(Headers.builder().add("Authorization", "Bearer abcdef").build());
    assertThat(s.scrub("got Bearer abcdef and abcdef")).isEqualTo("got **** and ****");
  }

  @Test
  void urlQueriesAreMaskedWhole() {
    assertThat(Redaction.maskQuery("wss://h/browser/1?jwt=abc#x"))
        .isEqualTo("wss://h/browser/1?****");
    assertThat(Redaction.maskQuery("https://h/a#frag")).isEqualTo("https://h/a#****");
    assertThat(Redaction.maskQuery("https://h/a")).isEqualTo("https://h/a");
    assertThat(Redaction.maskQuery(null)).isNull();
  }
}

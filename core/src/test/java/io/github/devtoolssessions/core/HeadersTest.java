package io.github.devtoolssessions.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadersTest {

  @Test
  void namesCompareWithoutCaseAndKeepEveryValueInOrder() {
    Headers h = Headers.builder().add("Set-Cookie", "a=1").add("set-cookie", "b=2").build();
    assertThat(h.allValues("SET-COOKIE")).containsExactly("a=1", "b=2");
    assertThat(h.firstValue("set-cookie")).contains("a=1");
    assertThat(h.firstValue("absent")).isEmpty();
    assertThat(h.allValues("absent")).isEmpty();
  }

  @Test
  void ofMergesNamesThatDifferInCase() {
    Headers h = Headers.of(Map.of("A", List.of("1"), "a", List.of("2")));
    assertThat(h.allValues("a")).containsExactlyInAnyOrder("1", "2");
  }

  @Test
  void toStringMasksCredentialHeaders() {
    Headers h =
        Headers.builder()
            .add("Authorization", "Bearer tok-secret")
            .add("X-Auth-Key", "key-secret")
            .add("X-Auth-Email", "me@example.com")
            .add("Accept", "application/json")
            .build();
    assertThat(h.toString())
        .contains("Accept=[application/json]", "Authorization=[****]")
        .doesNotContain("tok-secret", "key-secret", "me@example.com");
  }

  @Test
  void lineBreaksInNamesOrValuesAreRefused() {
    assertThatThrownBy(() -> Headers.builder().add("X-A", "1\r\nX-B: 2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x-a")
        .hasMessageNotContaining("X-B");
    assertThatThrownBy(() -> Headers.builder().add("X\nB", "1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Headers.builder().add("X-A", "a\u0000b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("U+0000 at index 1");
    assertThat(Headers.builder().add("X-A", "a\tb").build().firstValue("x-a")).contains("a\tb");
  }

  @Test
  void setReplacesAndRemoveDrops() {
    Headers h =
        Headers.builder()
            .add("a", "1")
            .add("a", "2")
            .set("A", "3")
            .add("b", "x")
            .remove("B")
            .build();
    assertThat(h.map()).hasSize(1);
    assertThat(h.firstValue("b")).isEmpty();
    assertThat(h.allValues("a")).containsExactly("3");
  }

  @Test
  void builtHeadersAreImmutable() {
    Headers h = Headers.builder().add("a", "1").build();
    assertThatThrownBy(() -> h.allValues("a").add("2"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> h.map().clear()).isInstanceOf(UnsupportedOperationException.class);
  }
}

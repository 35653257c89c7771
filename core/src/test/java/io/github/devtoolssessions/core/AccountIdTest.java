package io.github.devtoolssessions.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountIdTest {

  @ParameterizedTest
  @ValueSource(strings = {"0123456789abcdef0123456789abcdef", "account_id", "a/../b?x=1", "ü"})
  void anyVisibleValueIsAccepted(String id) {
    assertThat(AccountId.of(id).value()).isEqualTo(id);
  }

  @Test
  void blankIsRefusedNamingParameterAndRule() {
    assertThatThrownBy(() -> AccountId.of("  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("accountId = \"  \" is invalid: it must not be blank");
  }

  @Test
  void controlCharactersAreRefusedNamingValueAndPosition() {
    assertThatThrownBy(() -> AccountId.of("abc\ndef"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "accountId = \"abc\\ndef\" is invalid: it must not contain control characters"
                + " (found U+000A at index 3)");
  }

  @Test
  void nullIsRefused() {
    assertThatThrownBy(() -> AccountId.of(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("accountId is required but was null");
  }
}

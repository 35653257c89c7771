package io.github.devtoolssessions.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CloseReasonTest {

  @Test
  void aNumberSaysItIsANumberAndGivesItsCode() {
    CloseReason r = CloseReason.ofNumber(1000);
    assertThat(r.isNumber()).isTrue();
    assertThat(r.code()).hasValue(1000);
    assertThat(r).hasToString("1000");
  }

  @Test
  void aStringSaysItIsAStringAndStillGivesANumericCode() {
    CloseReason r = CloseReason.ofString("1006");
    assertThat(r.isNumber()).isFalse();
    assertThat(r.code()).hasValue(1006);
  }

  @Test
  void textThatIsNoNumberHasNoCode() {
    assertThat(CloseReason.ofString("NormalClosure").code()).isEmpty();
    assertThat(CloseReason.ofString("NormalClosure").asNumber()).isEmpty();
  }

  @Test
  void fractionalOrHugeNumbersHaveNoIntCode() {
    assertThat(CloseReason.ofNumber(new BigDecimal("1000.5")).code()).isEmpty();
    assertThat(CloseReason.ofNumber(new BigDecimal("1e999999999")).code()).isEmpty();
    assertThat(CloseReason.ofNumber(new BigDecimal("1e3")).code()).hasValue(1000);
  }

  @Test
  void aNumberMarkedAsSuchMustBeOne() {
    assertThatThrownBy(() -> new CloseReason("abc", true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("abc");
  }
}

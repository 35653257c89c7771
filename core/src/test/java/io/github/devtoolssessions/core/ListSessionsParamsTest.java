package io.github.devtoolssessions.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListSessionsParamsTest {

  @ParameterizedTest
  @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 201, 1000, Integer.MAX_VALUE})
  void limitOutsideOneToTwoHundredIsRefusedNamingParameterValueAndRange(int limit) {
    assertThatThrownBy(() -> ListSessionsParams.builder().limit(limit))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "limit = "
                + limit
                + " is out of range: it must be an integer from 1 to 200 (inclusive)");
  }

  @ParameterizedTest
  @ValueSource(ints = {Integer.MIN_VALUE, -200, -1})
  void negativeOffsetIsRefusedNamingParameterValueAndRule(int offset) {
    assertThatThrownBy(() -> ListSessionsParams.of(10, offset))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("offset = " + offset + " is out of range: it must be an integer >= 0");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 199, 200})
  void limitsWithinRangeAreKept(int limit) {
    assertThat(ListSessionsParams.builder().limit(limit).build().limit()).hasValue(limit);
  }

  @Test
  void unsetParametersStayEmpty() {
    ListSessionsParams p = ListSessionsParams.defaults();
    assertThat(p.limit()).isEmpty();
    assertThat(p.offset()).isEmpty();
    assertThat(ListSessionsParams.builder().build()).isEqualTo(p);
  }

  @Test
  void offsetZeroAndLargeOffsetsAreAccepted() {
    assertThat(ListSessionsParams.of(200, 0).offset()).hasValue(0);
    assertThat(ListSessionsParams.builder().offset(Integer.MAX_VALUE).build().offset())
        .hasValue(Integer.MAX_VALUE);
  }

  @Test
  void clearingALimitRestoresTheServerDefault() {
    ListSessionsParams p = ListSessionsParams.builder().limit(5).clearLimit().offset(3).build();
    assertThat(p.limit()).isEmpty();
    assertThat(p.offset()).hasValue(3);
    assertThat(p).hasToString("ListSessionsParams[limit=unset, offset=3]");
  }

  @Test
  void equalParametersAreEqual() {
    assertThat(ListSessionsParams.of(5, 10)).isEqualTo(ListSessionsParams.of(5, 10));
    assertThat(ListSessionsParams.of(5, 10).hashCode())
        .isEqualTo(ListSessionsParams.of(5, 10).hashCode());
    assertThat(ListSessionsParams.of(5, 10)).isNotEqualTo(ListSessionsParams.of(5, 11));
  }
}

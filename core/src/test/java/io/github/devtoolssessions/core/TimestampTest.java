package io.github.devtoolssessions.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class TimestampTest {

  @Test
  void wholeMillisecondsReadAsTheirInstant() {
    assertThat(Timestamp.ofEpochMillis(1764772210512L).toInstant())
        .isEqualTo(Instant.ofEpochMilli(1764772210512L));
  }

  @Test
  void theFractionIsKeptToTheNanosecond() {
    Timestamp t = new Timestamp(new BigDecimal("1764772391077.5"));
    assertThat(t.toInstant()).isEqualTo(Instant.ofEpochMilli(1764772391077L).plusNanos(500_000));
    assertThat(t).hasToString("1764772391077.5");
    assertThat(new Timestamp(new BigDecimal("0.000001")).toInstant())
        .isEqualTo(Instant.EPOCH.plusNanos(1));
  }

  @Test
  void exponentFormReadsAsTheSameMoment() {
    assertThat(new Timestamp(new BigDecimal("1.764772210512E12")).toInstant())
        .isEqualTo(Instant.ofEpochMilli(1764772210512L));
  }

  @Test
  void negativeNumbersAreBeforeTheEpoch() {
    assertThat(new Timestamp(new BigDecimal("-1.5")).toInstant())
        .isEqualTo(Instant.EPOCH.minusNanos(1_500_000));
  }

  @Test
  void numbersBeyondInstantsRangeFailClearly() {
    assertThatThrownBy(() -> new Timestamp(new BigDecimal("1e30")).toInstant())
        .isInstanceOf(DateTimeException.class)
        .hasMessageContaining("1E+30");
  }

  @Test
  @Timeout(5)
  void extremeExponentsAnswerWithoutHugeArithmetic() {
    assertThatThrownBy(() -> new Timestamp(new BigDecimal("1e999999999")).toInstant())
        .isInstanceOf(DateTimeException.class);
    assertThat(new Timestamp(new BigDecimal("1e-999999999")).toInstant()).isEqualTo(Instant.EPOCH);
    assertThat(new Timestamp(new BigDecimal("-1e-999999999")).toInstant())
        .isEqualTo(Instant.EPOCH.minusNanos(1));
  }

  @Test
  void anInstantRoundTripsThroughATimestamp() {
    Instant i = Instant.ofEpochSecond(1764772391L, 77_500_000);
    assertThat(Timestamp.of(i).toInstant()).isEqualTo(i);
    assertThat(Timestamp.of(i)).hasToString("1764772391077.5");
    assertThat(Timestamp.of(Instant.ofEpochMilli(1000))).hasToString("1000");
  }

  @Test
  void timestampsOrderByMomentWhateverTheirScale() {
    assertThat(new Timestamp(new BigDecimal("1.0")))
        .isEqualByComparingTo(new Timestamp(BigDecimal.ONE));
    assertThat(Timestamp.ofEpochMillis(1)).isLessThan(Timestamp.ofEpochMillis(2));
  }
}

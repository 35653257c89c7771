package io.github.devtoolssessions.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

  private final DurationConverter converter = new DurationConverter();

  @Test
  void readsANumberWithAUnit() {
    assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(converter.convert("2s")).isEqualTo(Duration.ofSeconds(2));
    assertThat(converter.convert("1m")).isEqualTo(Duration.ofMinutes(1));
    assertThat(converter.convert("1h")).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void ignoresCaseAndSurroundingSpace() {
    assertThat(converter.convert(" 2S ")).isEqualTo(Duration.ofSeconds(2));
    assertThat(converter.convert("10 ms")).isEqualTo(Duration.ofMillis(10));
  }

  @Test
  void readsIso8601Too() {
    assertThat(converter.convert("PT1.5S")).isEqualTo(Duration.ofMillis(1500));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "2", "abc", "-1s", "1.5s", "2 days", "P", "99999999999999999s"})
  void refusesAnythingElseNamingWhatIsAccepted(String value) {
    assertThatThrownBy(() -> converter.convert(value))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("500ms, 2s or 1m");
  }
}

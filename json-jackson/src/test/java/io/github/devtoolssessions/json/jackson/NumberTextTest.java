package io.github.devtoolssessions.json.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumberTextTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"0", "-0", "1000", "-12", "1.5", "0.001", "1e3", "1E+3", "1.0E-3", "-0.0e0"})
  void acceptsJsonNumbers(String text) {
    assertThat(NumberText.isJson(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "-",
        "+1",
        "01",
        ".5",
        "1.",
        "1e",
        "1e+",
        "1.e3",
        "NaN",
        "Infinity",
        "1 ",
        "0x1"
      })
  void refusesWhatJsonDoesNotCallANumber(String text) {
    assertThat(NumberText.isJson(text)).isFalse();
  }
}

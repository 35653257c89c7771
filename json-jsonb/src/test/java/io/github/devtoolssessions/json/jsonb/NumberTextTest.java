package io.github.devtoolssessions.json.jsonb;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.stream.JsonParser.Event;
import org.junit.jupiter.api.Test;
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

  @Test
  void readsAShortNumberAsItsTextWithoutAskingForItsValue() {
    ScriptedParser parser = onNumber("2.5e-3");

    assertThat(NumberText.read(parser)).isEqualTo("2.5e-3");
    assertThat(parser.bigDecimalCalls).isZero();
  }

  @Test
  void asksTheParserForTheValueOfALongNumberSoThatItsLimitApplies() {
    ScriptedParser parser = onNumber("1234567890.123456789");

    assertThat(NumberText.read(parser)).isEqualTo("1234567890.123456789");
    assertThat(parser.bigDecimalCalls).isEqualTo(1);
  }

  @Test
  void readsNumberTextThatIsNotJsonAsItsValuesText() {
    assertThat(NumberText.read(onNumber("+1000"))).isEqualTo("1000");
    assertThat(NumberText.read(onNumber(".5e1"))).isEqualTo("5");
  }

  private static ScriptedParser onNumber(String text) {
    ScriptedParser parser = ScriptedParser.of(Event.VALUE_NUMBER, text);
    parser.next();
    return parser;
  }
}

package io.github.devtoolssessions.json.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParseProblemTest {

  @Test
  void replacesAQuotedWordByItsLengthAndKeepsTheLiterals() {
    assertThat(
            ParseProblem.describe(
                "Unrecognized token 'secretvalue': was expecting (JSON String, Number, Array,"
                    + " Object or token 'null', 'true' or 'false')"))
        .isEqualTo(
            "Unrecognized token '<11 characters, not shown>': was expecting (JSON String, Number,"
                + " Array, Object or token 'null', 'true' or 'false')");
  }

  @Test
  void pairsTheQuotesLeftToRight() {
    assertThat(
            ParseProblem.describe(
                "Unexpected character ('<' (code 60)): expected a valid value (JSON String,"
                    + " Number, Array, Object or token 'null', 'true' or 'false')"))
        .isEqualTo(
            "Unexpected character ('<' (code 60)): expected a valid value (JSON String,"
                + " Number, Array, Object or token 'null', 'true' or 'false')");
  }

  @Test
  void keepsASingleQuotedCharacter() {
    assertThat(ParseProblem.describe("Unexpected character ('<' (code 60))"))
        .isEqualTo("Unexpected character ('<' (code 60))");
  }

  @Test
  void saysSoWhenJacksonGaveNoReason() {
    assertThat(ParseProblem.describe(null)).isEqualTo("the parser gave no reason");
    assertThat(ParseProblem.describe(" ")).isEqualTo("the parser gave no reason");
  }
}

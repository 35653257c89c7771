package io.github.devtoolssessions.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTreeTest {

  @Test
  void parsesEveryKindOfValue() {
    Object tree =
        JsonTree.parse(
            " {\"s\":\"a\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\",\"n\":-1.50e1,\"t\":true,\"f\":false,"
                + "\"z\":null,\"a\":[1,[],{}]} ");

    assertThat(tree)
        .isEqualTo(
            Map.of(
                "s",
                "a\"\\/\b\f\n\r\t\u00e9",
                "n",
                new BigDecimal("-15"),
                "t",
                true,
                "f",
                false,
                "z",
                JsonTree.NULL,
                "a",
                List.of(BigDecimal.ONE, List.of(), Map.of())));
  }

  @Test
  void textsThatSayTheSameThingAreEquivalent() {
    assertThat(JsonTree.equivalent("{\"a\":1.50,\"b\":[1e2]}", "{ \"b\" : [100], \"a\" : 1.5 }"))
        .isTrue();
    assertThat(JsonTree.equivalent("0", "-0.0")).isTrue();
    assertThat(JsonTree.equivalent("\"\\u00e9\"", "\"\u00e9\"")).isTrue();
    assertThat(JsonTree.equivalent("{\"a\":1,\"a\":2}", "{\"a\":2}")).isTrue();
  }

  @Test
  void textsThatDifferAreNot() {
    assertThat(JsonTree.equivalent("[1,2]", "[2,1]")).isFalse();
    assertThat(JsonTree.equivalent("\"1\"", "1")).isFalse();
    assertThat(JsonTree.equivalent("null", "\"null\"")).isFalse();
    assertThat(JsonTree.equivalent("{}", "[]")).isFalse();
    assertThat(JsonTree.equivalent("1", "not json")).isFalse();
    assertThat(JsonTree.equivalent(null, "1")).isFalse();
  }

  @Test
  void parsesDeepNesting() {
    String deep = "[".repeat(500) + "]".repeat(500);

    assertThat(JsonTree.parse(deep)).isInstanceOf(List.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "[",
        "[1,]",
        "{\"a\"}",
        "{a:1}",
        "01",
        "1.",
        "1e",
        "-",
        "tru",
        "\"a",
        "\"\\x\"",
        "\"\\u12\"",
        "[] []",
        "\"\u0001\"",
        "{\"a\":1,}",
        "+1",
        ".5",
        "NaN"
      })
  void refusesWhatIsNotJson(String text) {
    assertThatThrownBy(() -> JsonTree.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not JSON: ");
  }
}

package io.github.devtoolssessions.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.core.CloudflareError;
import io.github.devtoolssessions.core.JsonCodec;
import io.github.devtoolssessions.json.jackson.JacksonJsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorBodiesTest {

  private static final JsonCodec CODEC = JacksonJsonCodec.create();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plain",
        "",
        "quote \" backslash \\ slash /",
        "controls \b\f\n\r\t \u0000 \u001f \u007f",
        "unicode \u00e9 \u4e2d \ud83d\ude00",
        "lone high \ud83d then text",
        "lone low \ude00",
        "ends with high \ud83d",
        "line separators \u2028 \u2029"
      })
  void anyMessageSurvivesARealJsonParser(String message) {
    byte[] body = ErrorBodies.envelope(1234, message);

    List<CloudflareError> errors = CODEC.readErrors(body);

    assertThat(errors).containsExactly(CloudflareError.of(1234, message));
    assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("?");
  }

  @Test
  void quoteWritesTheShortEscapesAndUnicodeEscapesForTheRest() {
    assertThat(JsonText.quote("a\"b\\c\n\u0001\ud800"))
        .isEqualTo("\"a\\\"b\\\\c\\n\\u0001\\ud800\"");
    assertThat(JsonText.quote("\ud83d\ude00")).isEqualTo("\"\ud83d\ude00\"");
  }

  @Test
  void theEnvelopeHasTheV4ShapeWithNestedChainsAndCodelessErrors() {
    CloudflareError chained =
        new CloudflareError(
            OptionalInt.of(6003),
            "Invalid request headers",
            List.of(CloudflareError.of(6111, "Invalid format for Authorization header")));

    String text =
        new String(
            ErrorBodies.envelope(List.of(chained, CloudflareError.ofMessage("m"))),
            StandardCharsets.UTF_8);

    assertThat(text)
        .isEqualTo(
            "{\"success\":false,\"errors\":[{\"code\":6003,\"message\":\"Invalid request"
                + " headers\",\"error_chain\":[{\"code\":6111,\"message\":\"Invalid format for"
                + " Authorization header\"}]},{\"message\":\"m\"}],\"messages\":[],\"result\":null}");
    assertThat(CODEC.readErrors(text.getBytes(StandardCharsets.UTF_8)))
        .containsExactly(chained, CloudflareError.ofMessage("m"));
  }

  @Test
  void theBareErrorShapeIsOneField() {
    assertThat(new String(ErrorBodies.bareError("Session not found"), StandardCharsets.UTF_8))
        .isEqualTo("{\"error\":\"Session not found\"}");
  }
}

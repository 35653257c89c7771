package io.github.devtoolssessions.json.jackson;

import static io.github.devtoolssessions.json.jackson.WireExamples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devtoolssessions.core.CloudflareError;
import io.github.devtoolssessions.core.DecodingException;
import io.github.devtoolssessions.core.JsonCodec;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ReadErrorsTest {

  private final JsonCodec codec = JacksonJsonCodec.create();

  private List<CloudflareError> read(String body) {
    return codec.readErrors(utf8(body));
  }

  @Test
  void readsTheV4Envelope() {
    assertThat(
            read(
                "{\"success\":false,\"errors\":[{\"code\":10000,\"message\":\"Authentication"
                    + " error\"}],\"messages\":[],\"result\":null}"))
        .containsExactly(CloudflareError.of(10000, "Authentication error"));
  }

  @Test
  void readsTheErrorChainOfEachError() {
    String body =
        """
        {"success":false,"errors":[
          {"code":6003,"message":"Invalid request headers","error_chain":[
            {"code":6111,"message":"Invalid format for Authorization header"},
            {"code":6103,"message":"Invalid format for X-Auth-Key header"}]},
          {"code":9109,"message":"Unauthorized to access requested resource"}],
         "messages":[],"result":null}
        """;

    assertThat(read(body))
        .containsExactly(
            new CloudflareError(
                OptionalInt.of(6003),
                "Invalid request headers",
                List.of(
                    CloudflareError.of(6111, "Invalid format for Authorization header"),
                    CloudflareError.of(6103, "Invalid format for X-Auth-Key header"))),
            CloudflareError.of(9109, "Unauthorized to access requested resource"));
  }

  @Test
  void readsTheErrorsAndStatusShape() {
    assertThat(
            read(
                "{\"errors\":[{\"code\":429,\"message\":\"Rate limit exceeded\"}],\"status\":false}"))
        .containsExactly(CloudflareError.of(429, "Rate limit exceeded"));
  }

  @Test
  void readsAnErrorGivenAsAString() {
    assertThat(read("{\"error\":\"Session not found\"}"))
        .containsExactly(CloudflareError.ofMessage("Session not found"));
  }

  @Test
  void readsAnErrorGivenAsAnObject() {
    assertThat(read("{\"error\":{\"code\":7003,\"message\":\"No route for the URI\"}}"))
        .containsExactly(CloudflareError.of(7003, "No route for the URI"));
  }

  @Test
  void readsAMessageOnlyBody() {
    assertThat(read("{\"message\":\"Internal Error\"}"))
        .containsExactly(CloudflareError.ofMessage("Internal Error"));
  }

  @Test
  void readsACodeGivenAsANumericString() {
    assertThat(read("{\"errors\":[{\"code\":\" 429 \",\"message\":\"slow down\"}]}"))
        .containsExactly(CloudflareError.of(429, "slow down"));
  }

  @Test
  void readsAMissingMessageAsEmpty() {
    assertThat(read("{\"errors\":[{\"code\":2000}]}"))
        .containsExactly(CloudflareError.of(2000, ""));
  }

  @Test
  void readsNoCodeWhenTheCodeIsNotAWholeIntNumber() {
    for (String code :
        List.of(
            "\"abc\"", "1.5", "99999999999", "\"1e-999999999\"", "\"1e999999999\"", "null", "{}")) {
      assertThat(read("{\"errors\":[{\"code\":" + code + ",\"message\":\"m\"}]}"))
          .as(code)
          .containsExactly(CloudflareError.ofMessage("m"));
    }
  }

  @Test
  void readsStringElementsAsMessagesAndSkipsOtherElements() {
    assertThat(read("{\"errors\":[\"plain\",42,null,[1],{\"code\":1,\"message\":\"m\"}]}"))
        .containsExactly(CloudflareError.ofMessage("plain"), CloudflareError.of(1, "m"));
  }

  @Test
  void prefersErrorsOverErrorOverMessage() {
    assertThat(
            read("{\"message\":\"c\",\"error\":\"b\",\"errors\":[{\"code\":1,\"message\":\"a\"}]}"))
        .containsExactly(CloudflareError.of(1, "a"));
    assertThat(read("{\"message\":\"c\",\"error\":\"b\",\"errors\":[]}"))
        .containsExactly(CloudflareError.ofMessage("b"));
    assertThat(read("{\"message\":\"c\",\"errors\":[]}"))
        .containsExactly(CloudflareError.ofMessage("c"));
  }

  @Test
  void readsNoErrorsFromJsonOfAnyOtherShape() {
    for (String body :
        List.of(
            "[]",
            "[{\"code\":1,\"message\":\"m\"}]",
            "42",
            "\"Session not found\"",
            "true",
            "null",
            "{}",
            "{\"success\":false,\"errors\":[],\"messages\":[],\"result\":null}",
            "{\"errors\":\"x\",\"error\":5,\"message\":[\"m\"]}",
            "{\"errors\":null}")) {
      assertThat(read(body)).as(body).isEmpty();
    }
  }

  @Test
  void followsErrorChainsOnlyToABoundedDepth() {
    String body =
        "{\"errors\":"
            + "[{\"code\":1,\"message\":\"m\",\"error_chain\":".repeat(100)
            + "[]"
            + "}]".repeat(100)
            + "}";

    List<CloudflareError> errors = read(body);

    int depth = 0;
    for (List<CloudflareError> level = errors;
        !level.isEmpty();
        level = level.get(0).errorChain()) {
      depth++;
    }
    assertThat(depth).isBetween(1, 33);
  }

  @Test
  void refusesOnlyBodiesThatAreNotJson() {
    for (String body :
        List.of(
            "<html><body>502 Bad Gateway</body></html>",
            "{\"errors\":[{\"code\":10000,",
            "Internal Server Error",
            "{} {}",
            "")) {
      assertThatThrownBy(() -> read(body)).as(body).isInstanceOf(DecodingException.class);
    }
    assertThatThrownBy(() -> read("<html>")).hasMessageContaining("line 1, column 1").hasNoCause();
  }
}

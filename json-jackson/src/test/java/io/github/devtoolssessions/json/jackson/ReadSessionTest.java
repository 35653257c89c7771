package io.github.devtoolssessions.json.jackson;

import static io.github.devtoolssessions.json.jackson.WireExamples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devtoolssessions.core.DecodingException;
import io.github.devtoolssessions.core.JsonCodec;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadSessionTest {

  private final JsonCodec codec = JacksonJsonCodec.create();

  private Optional<Session> read(String body) {
    return codec.readSession(utf8(body));
  }

  private static String exampleObject() {
    String list = WireExamples.LIST_BODY.strip();
    return list.substring(1, list.length() - 1);
  }

  @Test
  void readsASessionObject() {
    assertThat(read(exampleObject())).contains(WireExamples.SESSION);
  }

  @Test
  void readsANullBodyAsNoSession() {
    assertThat(read("null")).isEmpty();
  }

  @Test
  void readsTheEnvelopeForm() {
    assertThat(read("{\"success\":true,\"errors\":[],\"result\":" + exampleObject() + "}"))
        .contains(WireExamples.SESSION);
  }

  @Test
  void readsAnEnvelopeWithANullResultAsNoSession() {
    assertThat(read("{\"success\":true,\"result\":null}")).isEmpty();
  }

  @Test
  void takesAnObjectWithASessionIdForASessionEvenWhenItHasAResult() {
    Session s = read("{\"result\":{\"a\":[1]},\"startTime\":7,\"sessionId\":\"s\"}").orElseThrow();

    assertThat(s.sessionId()).isEqualTo("s");
    assertThat(s.startTime()).contains(Timestamp.ofEpochMillis(7));
    assertThat(s.extraFields()).containsExactly(Map.entry("result", "{\"a\":[1]}"));
  }

  @Test
  void refusesAnEnvelopeWhoseSessionLacksItsId() {
    assertThatThrownBy(() -> read("{\"result\":{\"startTime\":1}}"))
        .isInstanceOf(DecodingException.class)
        .hasMessageContaining("the session has no \"sessionId\"");
  }

  @Test
  void refusesAnEnvelopeWhoseResultIsNotAnObject() {
    assertThatThrownBy(() -> read("{\"result\":[{\"sessionId\":\"a\"}]}"))
        .isInstanceOf(DecodingException.class)
        .hasMessageContaining("\"result\" must be a session object or null");
  }

  @Test
  void refusesAnObjectThatIsNeitherSessionNorEnvelope() {
    assertThatThrownBy(() -> read("{\"startTime\":1}"))
        .isInstanceOf(DecodingException.class)
        .hasMessageContaining("neither a \"sessionId\"");
  }

  @Test
  void refusesABodyOfAnotherShape() {
    for (String body : List.of("[]", "[{\"sessionId\":\"a\"}]", "42", "\"a\"", "false")) {
      assertThatThrownBy(() -> read(body))
          .as(body)
          .isInstanceOf(DecodingException.class)
          .hasMessageContaining("expected a session object");
    }
  }

  @Test
  void refusesATimeOfAnotherTypeNamingTheField() {
    assertThatThrownBy(() -> read("{\"sessionId\":\"a\",\"endTime\":\"later\"}"))
        .isInstanceOf(DecodingException.class)
        .hasMessageContaining("the session: \"endTime\"");
  }

  @Test
  void refusesMalformedTruncatedAndTrailingBodies() {
    for (String body :
        List.of(
            "<html>502</html>",
            "{\"sessionId\":\"a\"",
            "{\"sessionId\":",
            "{\"result\":{\"sessionId\":\"a\"}",
            "{\"sessionId\":\"a\"} x",
            "null {}")) {
      assertThatThrownBy(() -> read(body)).as(body).isInstanceOf(DecodingException.class);
    }
    assertThatThrownBy(() -> read("{\"sessionId\":\"a\""))
        .hasMessageContaining("not readable JSON")
        .hasNoCause();
  }
}

package io.github.devtoolssessions.json.jackson;

import static io.github.devtoolssessions.json.jackson.WireExamples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devtoolssessions.core.CloseReason;
import io.github.devtoolssessions.core.DecodingException;
import io.github.devtoolssessions.core.JsonCodec;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.Timestamp;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadSessionsTest {

  private final JsonCodec codec = JacksonJsonCodec.create();

  private List<Session> read(String body) {
    return codec.readSessions(utf8(body));
  }

  @Test
  void readsASessionThatHasOnlyItsId() {
    assertThat(read("[{\"sessionId\":\"s-1\"}]")).containsExactly(Session.builder("s-1").build());
  }

  @Test
  void readsAllElevenFieldsOfTheWireContractExample() {
    List<Session> sessions = read(WireExamples.LIST_BODY);

    assertThat(sessions).containsExactly(WireExamples.SESSION);
    Session s = sessions.get(0);
    assertThat(s.lastUpdated()).contains(new Timestamp(new BigDecimal("1764772391077.5")));
    assertThat(s.closeReason()).contains(new CloseReason("1000", true));
    assertThat(s.isClosed()).isTrue();
    assertThat(s.extraFields()).isEmpty();
  }

  @Test
  void readsCloseReasonSentAsANumberKeepingItsJsonText() {
    List<Session> sessions =
        read(
            "[{\"sessionId\":\"a\",\"closeReason\":1000},"
                + "{\"sessionId\":\"b\",\"closeReason\":1.0E3}]");

    assertThat(sessions.get(0).closeReason()).contains(new CloseReason("1000", true));
    assertThat(sessions.get(1).closeReason()).contains(new CloseReason("1.0E3", true));
    assertThat(sessions.get(1).closeReason().orElseThrow().code()).hasValue(1000);
  }

  @Test
  void readsCloseReasonSentAsAString() {
    Session s = read("[{\"sessionId\":\"a\",\"closeReason\":\"1000\"}]").get(0);

    assertThat(s.closeReason()).contains(CloseReason.ofString("1000"));
    assertThat(s.closeReason().orElseThrow().isNumber()).isFalse();
  }

  @Test
  void readsNullAsAbsentForEveryOptionalField() {
    String body =
        """
        [{"sessionId":"a","startTime":null,"endTime":null,"lastUpdated":null,
          "connectionId":null,"connectionStartTime":null,"connectionEndTime":null,
          "devtoolsFrontendUrl":null,"webSocketDebuggerUrl":null,"closeReason":null,
          "closeReasonText":null}]
        """;

    assertThat(read(body)).containsExactly(Session.builder("a").build());
  }

  @Test
  void keepsUnknownScalarFieldsAsTheirJsonText() {
    Session s =
        read("[{\"lab\":\"x\\\"y\",\"sessionId\":\"a\",\"count\":42,\"ratio\":1.50,"
                + "\"big\":1E+400,\"on\":true,\"off\":false,\"none\":null}]")
            .get(0);

    assertThat(s.extraFields())
        .containsExactly(
            entry("lab", "\"x\\\"y\""),
            entry("count", "42"),
            entry("ratio", "1.50"),
            entry("big", "1E+400"),
            entry("on", "true"),
            entry("off", "false"),
            entry("none", "null"));
  }

  @Test
  void keepsUnknownNestedObjectsAndArraysAsCompactJson() {
    Session s =
        read("[{\"sessionId\":\"a\",\"meta\": { \"b\" : [1, {\"c\":null}, []], \"d\":{} },"
                + " \"tags\": [\"x\", [2.5e-3, \"\\u00e9\"]]}]")
            .get(0);

    assertThat(s.extraFields())
        .containsExactly(
            entry("meta", "{\"b\":[1,{\"c\":null},[]],\"d\":{}}"),
            entry("tags", "[\"x\",[2.5e-3,\"é\"]]"));
  }

  @Test
  void keepsDeeplyNestedUnknownFields() {
    String deep = "[".repeat(400) + "1" + "]".repeat(400);

    Session s = read("[{\"sessionId\":\"a\",\"deep\":" + deep + "}]").get(0);

    assertThat(s.extraFields()).containsExactly(entry("deep", deep));
  }

  @Test
  void readsTheEnvelopeFormIgnoringItsOtherFields() {
    String body =
        "{\"success\":true,\"errors\":[],\"messages\":[{\"m\":1}],"
            + "\"result\":[{\"sessionId\":\"a\"},{\"sessionId\":\"b\"}],\"result_info\":{}}";

    assertThat(read(body))
        .containsExactly(Session.builder("a").build(), Session.builder("b").build());
  }

  @Test
  void readsAnEnvelopeWithANullResultAsAnEmptyList() {
    assertThat(read("{\"success\":true,\"result\":null}")).isEmpty();
  }

  @Test
  void refusesAnEnvelopeWithoutAResult() {
    assertThatThrownBy(() -> read("{\"success\":true}"))
        .isInstanceOf(DecodingException.class)
        .hasMessageContaining("\"result\"");
  }

  @Test
  void refusesAnEnvelopeWhoseResultIsNotAnArray() {
    assertThatThrownBy(() -> read("{\"result\":{\"sessionId\":\"a\"}}"))
        .isInstanceOf(DecodingException.class)
        .hasMessageContaining("\"result\" must be an array");
  }

  @Test
  void readsAnEmptyArrayAsAnEmptyList() {
    assertThat(read("[]")).isEmpty();
    assertThat(read(" \n[ ]\n")).isEmpty();
  }

  @Test
  void readsANullBodyAsAnEmptyList() {
    assertThat(read("null")).isEmpty();
  }

  @Test
  void keepsTheLastValueOfDuplicateKeys() {
    Session s =
        read("[{\"sessionId\":\"first\",\"startTime\":1,\"x\":1,\"sessionId\":\"last\","
                + "\"startTime\":null,\"x\":[2],\"endTime\":3,\"endTime\":4}]")
            .get(0);

    assertThat(s.sessionId()).isEqualTo("last");
    assertThat(s.startTime()).isEmpty();
    assertThat(s.endTime()).contains(Timestamp.ofEpochMillis(4));
    assertThat(s.extraFields()).containsExactly(entry("x", "[2]"));
  }

  @Test
  void readsTimesInExponentFormExactly() {
    Session s = read("[{\"sessionId\":\"a\",\"startTime\":1.764772210512E12}]").get(0);

    Timestamp t = s.startTime().orElseThrow();
    assertThat(t.epochMillis()).isEqualTo(new BigDecimal("1.764772210512E12"));
    assertThat(t.toInstant()).isEqualTo(Instant.ofEpochMilli(1764772210512L));
  }

  @Test
  void readsTimesWithAFractionExactlyKeepingTheirScale() {
    Session s =
        read("[{\"sessionId\":\"a\",\"startTime\":1764772391077.123456,\"endTime\":1.50}]").get(0);

    assertThat(s.startTime().orElseThrow().epochMillis())
        .isEqualTo(new BigDecimal("1764772391077.123456"));
    assertThat(s.endTime().orElseThrow().epochMillis()).isEqualTo(new BigDecimal("1.50"));
  }

  @Test
  void readsIntegerTimesBeyondTheRangeOfALongExactly() {
    Session s = read("[{\"sessionId\":\"a\",\"startTime\":123456789012345678901234567890}]").get(0);

    assertThat(s.startTime().orElseThrow().epochMillis())
        .isEqualTo(new BigDecimal("123456789012345678901234567890"));
  }

  @Test
  void readsTimesGivenAsNumericStrings() {
    Session s =
        read("[{\"sessionId\":\"a\",\"startTime\":\"1764772210512\",\"endTime\":\"1.5\"}]").get(0);

    assertThat(s.startTime()).contains(Timestamp.ofEpochMillis(1764772210512L));
    assertThat(s.endTime()).contains(new Timestamp(new BigDecimal("1.5")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"startTime", "endTime", "lastUpdated", "connectionStartTime", "connectionEndTime"})
  void refusesATimeOfAnotherTypeNamingTheFieldAndIndex(String field) {
    for (String value : List.of("true", "{}", "[1]", "\"soon\"", "\"\"")) {
      String body = "[{\"sessionId\":\"a\"},{\"sessionId\":\"b\",\"" + field + "\":" + value + "}]";
      assertThatThrownBy(() -> read(body))
          .as(value)
          .isInstanceOf(DecodingException.class)
          .hasMessageContaining("\"" + field + "\"")
          .hasMessageContaining("index 1");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"connectionId", "devtoolsFrontendUrl", "webSocketDebuggerUrl", "closeReasonText"})
  void refusesAStringFieldOfAnotherTypeNamingTheField(String field) {
    assertThatThrownBy(() -> read("[{\"sessionId\":\"a\",\"" + field + "\":5}]"))
        .isInstanceOf(DecodingException.class)
        .hasMessageContaining("\"" + field + "\" must be a string, but is a number");
  }

  @Test
  void refusesACloseReasonThatIsNeitherNumberNorString() {
    assertThatThrownBy(() -> read("[{\"sessionId\":\"a\",\"closeReason\":[1000]}]"))
        .isInstanceOf(DecodingException.class)
        .hasMessageContaining("\"closeReason\" must be a number or a string");
  }

  @Test
  void refusesASessionWithoutSessionIdNamingItsIndex() {
    assertThatThrownBy(() -> read("[{\"sessionId\":\"a\"},{\"startTime\":1}]"))
        .isInstanceOf(DecodingException.class)
        .hasMessageContaining("index 1")
        .hasMessageContaining("no \"sessionId\"");
  }

  @Test
  void refusesASessionIdThatIsNullNotAStringOrBlank() {
    for (String value : List.of("null", "42", "{}", "\"\"", "\"  \"")) {
      assertThatThrownBy(() -> read("[{\"sessionId\":" + value + "}]"))
          .as(value)
          .isInstanceOf(DecodingException.class)
          .hasMessageContaining("index 0")
          .hasMessageContaining("\"sessionId\"");
    }
  }

  @Test
  void refusesAnElementThatIsNotAnObject() {
    assertThatThrownBy(() -> read("[{\"sessionId\":\"a\"},\"b\"]"))
        .isInstanceOf(DecodingException.class)
        .hasMessageContaining("element at index 1 is a string");
    assertThatThrownBy(() -> read("[null]"))
        .isInstanceOf(DecodingException.class)
        .hasMessageContaining("element at index 0 is null");
  }

  @Test
  void refusesABodyOfAnotherShape() {
    for (String body : List.of("42", "\"x\"", "true", "{}", "{\"sessionId\":\"a\"}")) {
      assertThatThrownBy(() -> read(body)).as(body).isInstanceOf(DecodingException.class);
    }
  }

  @Test
  void refusesAnHtmlPageNamingTheCharacterAndWhere() {
    assertThatThrownBy(() -> read("<html><body><h1>502 Bad Gateway</h1></body></html>"))
        .isInstanceOf(DecodingException.class)
        .hasMessageContaining("not readable JSON")
        .hasMessageContaining("'<'")
        .hasMessageContaining("line 1, column 1");
  }

  @Test
  void refusesABareWordWithoutQuotingIt() {
    // An echoing proxy could answer with the token it was sent; Jackson would quote it whole.
    String token = "Xk3vQ9pTz0sL7mWq2bRyC4nH8dFj6gA1eUo5iPw_";

    assertThatThrownBy(() -> read(token))
        .isInstanceOf(DecodingException.class)
        .hasMessageContaining("not readable JSON")
        .hasMessageContaining("<" + token.length() + " characters, not shown>")
        .hasMessageNotContaining(token.substring(0, 8))
        .hasNoCause();
  }

  @Test
  void refusesMalformedJson() {
    for (String body :
        List.of(
            "[{\"sessionId\":\"a\",}]",
            "[{\"sessionId\" \"a\"}]",
            "[{'sessionId':'a'}]",
            "[{\"sessionId\":\"a\"}}",
            "[01]",
            "[{\"sessionId\":\"a\",\"startTime\":NaN}]")) {
      assertThatThrownBy(() -> read(body))
          .as(body)
          .isInstanceOf(DecodingException.class)
          .hasMessageContaining("not readable JSON")
          .hasNoCause();
    }
  }

  @Test
  void refusesEveryTruncationOfTheWireExample() {
    byte[] whole = utf8(WireExamples.LIST_BODY.strip());
    for (int n = 0; n < whole.length; n++) {
      byte[] cut = Arrays.copyOf(whole, n);
      assertThatThrownBy(() -> codec.readSessions(cut))
          .as("first %d bytes", n)
          .isInstanceOf(DecodingException.class);
    }
  }

  @Test
  void refusesContentAfterTheTopLevelValue() {
    for (String body : List.of("[] x", "[] []", "null null", "[]]", "{\"result\":[]} 1")) {
      assertThatThrownBy(() -> read(body)).as(body).isInstanceOf(DecodingException.class);
    }
  }

  @Test
  void refusesAnEmptyBody() {
    for (String body : List.of("", "  \n ")) {
      assertThatThrownBy(() -> read(body))
          .isInstanceOf(DecodingException.class)
          .hasMessageContaining("empty");
    }
  }

  @Test
  void letsNoOtherExceptionEscapeWhenLimitsOrEncodingsBreak() {
    String longNumber = "1".repeat(5_000);
    String tooDeep = "[".repeat(5_000) + "]".repeat(5_000);
    byte[] invalidUtf8 = {'[', '"', (byte) 0xC3, (byte) 0x28, '"', ']'};

    assertThatThrownBy(() -> read("[{\"sessionId\":\"a\",\"startTime\":" + longNumber + "}]"))
        .isInstanceOf(DecodingException.class);
    assertThatThrownBy(() -> read("[{\"sessionId\":\"a\",\"startTime\":\"" + longNumber + "\"}]"))
        .isInstanceOf(DecodingException.class)
        .hasMessageContaining("\"startTime\"");
    assertThatThrownBy(() -> read("[{\"sessionId\":\"a\",\"x\":" + tooDeep + "}]"))
        .isInstanceOf(DecodingException.class);
    assertThatThrownBy(() -> codec.readSessions(invalidUtf8)).isInstanceOf(DecodingException.class);
  }

  @Test
  void readsEveryMutationOfTheWireExampleOrRefusesItWithADecodingException() {
    byte[] whole = utf8(WireExamples.LIST_BODY);
    byte[] replacements = {'"', '{', '}', '[', ']', ',', ':', '1', 'x', '.', '-', 'e', 0};
    List<Consumer<byte[]>> reads =
        List.of(codec::readSessions, codec::readSession, codec::readErrors);
    for (int i = 0; i < whole.length; i++) {
      for (byte r : replacements) {
        byte[] mutated = whole.clone();
        mutated[i] = r;
        for (Consumer<byte[]> read : reads) {
          try {
            read.accept(mutated);
          } catch (DecodingException expected) {
            // the only exception a read may throw; anything else fails the test
          }
        }
      }
    }
  }

  private static Map.Entry<String, String> entry(String key, String value) {
    return Map.entry(key, value);
  }
}

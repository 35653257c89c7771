package io.github.devtoolssessions.json.jsonb;

import static io.github.devtoolssessions.json.jsonb.WireExamples.text;
import static io.github.devtoolssessions.json.jsonb.WireExamples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devtoolssessions.core.CloseReason;
import io.github.devtoolssessions.core.JsonCodec;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.Timestamp;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

@ParameterizedClass
@MethodSource("io.github.devtoolssessions.json.jsonb.Codecs#all")
class WriteSessionsTest {

  private final JsonCodec codec;

  WriteSessionsTest(JsonCodec codec) {
    this.codec = codec;
  }

  @Test
  void writesOnlyTheFieldsThatArePresent() {
    assertThat(text(codec.writeSession(Session.builder("a").build())))
        .isEqualTo("{\"sessionId\":\"a\"}");
  }

  @Test
  void writesTheApiFieldNames() {
    byte[] written = codec.writeSessions(List.of(WireExamples.SESSION));

    assertThat(tree(text(written))).isEqualTo(tree(WireExamples.LIST_BODY));
  }

  @Test
  void writesTimestampsAsTheTextOfTheirNumber() {
    Session s =
        Session.builder("a")
            .startTime(new Timestamp(new BigDecimal("1764772391077.50")))
            .endTime(new Timestamp(new BigDecimal("1E+3")))
            .build();

    assertThat(text(codec.writeSession(s)))
        .isEqualTo("{\"sessionId\":\"a\",\"startTime\":1764772391077.50,\"endTime\":1E+3}");
  }

  @Test
  void writesTheCloseReasonAsANumberOrAStringAsItCame() {
    assertThat(text(codec.writeSession(withCloseReason(CloseReason.ofNumber(1000)))))
        .isEqualTo("{\"sessionId\":\"a\",\"closeReason\":1000}");
    assertThat(text(codec.writeSession(withCloseReason(new CloseReason("1.0E3", true)))))
        .isEqualTo("{\"sessionId\":\"a\",\"closeReason\":1.0E3}");
    assertThat(text(codec.writeSession(withCloseReason(CloseReason.ofString("1000")))))
        .isEqualTo("{\"sessionId\":\"a\",\"closeReason\":\"1000\"}");
  }

  @Test
  void writesACloseReasonNumberThatIsNotJsonAsItsCanonicalText() {
    assertThat(text(codec.writeSession(withCloseReason(new CloseReason("+1000", true)))))
        .isEqualTo("{\"sessionId\":\"a\",\"closeReason\":1000}");
  }

  @Test
  void writesExtraFieldsRawAfterTheKnownFields() {
    Session s =
        Session.builder("a")
            .extraField("lab", "\"x\"")
            .extraField("nested", "{\"a\":[1,{\"b\":null}]}")
            .closeReasonText("NormalClosure")
            .build();

    assertThat(text(codec.writeSession(s)))
        .isEqualTo(
            "{\"sessionId\":\"a\",\"closeReasonText\":\"NormalClosure\",\"lab\":\"x\","
                + "\"nested\":{\"a\":[1,{\"b\":null}]}}");
  }

  @Test
  void writesAnEmptyListAsAnEmptyArray() {
    assertThat(text(codec.writeSessions(List.of()))).isEqualTo("[]");
  }

  @Test
  void writesUtf8AndEscapesWhatJsonRequires() {
    Session s = Session.builder("é☃😀\"\\\n\u0001").connectionId("</script>").build();

    byte[] written = codec.writeSession(s);

    assertThat(new String(written, StandardCharsets.UTF_8))
        .contains("é☃😀")
        .contains("\\\"\\\\\\n\\u0001")
        .contains("\"</script>\"");
    assertThat(codec.readSession(written)).contains(s);
  }

  @Test
  void escapesEveryControlCharacterInNamesAndValues() {
    StringBuilder controls = new StringBuilder();
    for (char c = 0; c < 0x20; c++) {
      controls.append(c);
    }
    Session s =
        Session.builder("a" + controls)
            .extraField("k" + controls, "1")
            .closeReasonText("\u007f")
            .build();

    byte[] written = codec.writeSession(s);

    assertThat(text(written))
        .contains("\\u0000")
        .contains("\\b\\t\\n\\u000B\\f\\r")
        .contains("\\u001F")
        .contains("\u007f");
    assertThat(codec.readSession(written)).contains(s);
  }

  @Test
  void roundTripsTheWireExample() {
    List<Session> read = codec.readSessions(utf8(WireExamples.LIST_BODY));

    assertThat(codec.readSessions(codec.writeSessions(read))).isEqualTo(read);
  }

  @Test
  void roundTripsAPageOf200Sessions() {
    List<Session> page = page(200);

    byte[] written = codec.writeSessions(page);

    assertThat(codec.readSessions(written)).isEqualTo(page);
  }

  @Test
  void roundTripsEachSessionAlone() {
    for (Session s : page(20)) {
      assertThat(codec.readSession(codec.writeSession(s))).contains(s);
    }
  }

  @Test
  void refusesNullArguments() {
    assertThatThrownBy(() -> codec.writeSessions(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> codec.writeSession(null)).isInstanceOf(NullPointerException.class);
    List<Session> withNull = new ArrayList<>(Collections.singletonList(null));
    assertThatThrownBy(() -> codec.writeSessions(withNull))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> codec.readSessions(null)).isInstanceOf(NullPointerException.class);
  }

  /** Sessions that vary every field: present or absent, number forms, close reason kinds. */
  static List<Session> page(int size) {
    List<Session> page = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      long start = 1_764_772_210_512L + i * 1_000L;
      Session.Builder b = Session.builder("5f0c7a52-3b1e-4c8e-9a57-" + String.format("%012d", i));
      if (i % 7 != 0) {
        b.startTime(Timestamp.ofEpochMillis(start))
            .lastUpdated(new Timestamp(BigDecimal.valueOf(start * 10 + 5, 1)))
            .connectionId("c-" + Integer.toHexString(i))
            .connectionStartTime(new Timestamp(new BigDecimal(start + 491 + "E0")))
            .devtoolsFrontendUrl("https://devtools.example.invalid/inspector?wss=" + i)
            .webSocketDebuggerUrl("wss://devtools.example.invalid/browser/" + i + "?jwt=t" + i);
      }
      if (i % 3 == 0) {
        b.endTime(new Timestamp(new BigDecimal("1.764772391077" + i + "E12")))
            .connectionEndTime(Timestamp.ofEpochMillis(start + 180_565))
            .closeReason(i % 2 == 0 ? CloseReason.ofNumber(1000) : CloseReason.ofString("1006"))
            .closeReasonText(i % 2 == 0 ? "NormalClosure" : "Abnormal Closure \"é\"");
      }
      if (i % 5 == 0) {
        b.extraField("lab", "true")
            .extraField("targets", "[{\"id\":\"t" + i + "\",\"n\":[1.50,-2e-3,null]}]");
      }
      page.add(b.build());
    }
    return page;
  }

  private static Session withCloseReason(CloseReason reason) {
    return Session.builder("a").closeReason(reason).build();
  }

  private static JsonValue tree(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }
}

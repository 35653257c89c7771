package io.github.devtoolssessions.json.jsonb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class RecordedJsonTest {

  private static RecordedJson record(String json) {
    try (JsonParser parser = Json.createParser(new StringReader(json))) {
      parser.next();
      return new JsonRecorder().deserialize(parser, null, RecordedJson.class);
    }
  }

  @Test
  void replaysTheEventsOfTheValueWithTheirTexts() {
    JsonParser replay = record("{\"a\":[1.0E3,\"x\",true,false,null],\"b\":{}}").replay(-1);

    List<String> seen = new ArrayList<>();
    while (replay.hasNext()) {
      Event event = replay.next();
      boolean hasText =
          event == Event.KEY_NAME || event == Event.VALUE_STRING || event == Event.VALUE_NUMBER;
      seen.add(hasText ? event + " " + replay.getString() : event.toString());
    }

    assertThat(seen)
        .containsExactly(
            "START_OBJECT",
            "KEY_NAME a",
            "START_ARRAY",
            "VALUE_NUMBER 1.0E3",
            "VALUE_STRING x",
            "VALUE_TRUE",
            "VALUE_FALSE",
            "VALUE_NULL",
            "END_ARRAY",
            "KEY_NAME b",
            "START_OBJECT",
            "END_OBJECT",
            "END_OBJECT");
    assertThat(replay.currentEvent()).isEqualTo(Event.END_OBJECT);
    assertThatThrownBy(replay::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void answersTheNumberGettersFromTheParsersValue() {
    JsonParser replay = record("[12345678901234, 2.50]").replay(-1);
    replay.next();

    replay.next();
    assertThat(replay.getLong()).isEqualTo(12345678901234L);
    assertThat(replay.isIntegralNumber()).isTrue();
    replay.next();
    assertThat(replay.getBigDecimal()).isEqualTo(new BigDecimal("2.50"));
    assertThat(replay.getInt()).isEqualTo(2);
    assertThat(replay.isIntegralNumber()).isFalse();
  }

  @Test
  void replaysAsOftenAsAsked() {
    RecordedJson json = record("[1]");

    for (int i = 0; i < 2; i++) {
      JsonParser replay = json.replay(-1);
      assertThat(replay.next()).isEqualTo(Event.START_ARRAY);
      assertThat(replay.next()).isEqualTo(Event.VALUE_NUMBER);
      assertThat(replay.next()).isEqualTo(Event.END_ARRAY);
      assertThat(replay.hasNext()).isFalse();
    }
  }

  @Test
  void reportsContentAfterTheValueOnlyOnceTheValueIsRead() {
    JsonParser replay = record("[]").replay(3);

    assertThat(replay.hasNext()).isTrue();
    replay.next();
    replay.next();
    assertThatThrownBy(replay::hasNext)
        .isInstanceOf(JsonParsingException.class)
        .hasMessageContaining("byte offset 3");
  }

  @Test
  void refusesGettersThatDoNotFitTheEvent() {
    JsonParser replay = record("[true]").replay(-1);
    replay.next();

    assertThatThrownBy(replay::getString).isInstanceOf(IllegalStateException.class);
    replay.next();
    assertThatThrownBy(replay::getBigDecimal).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void recordsNullAsOneEvent() {
    JsonParser replay = RecordedJson.ofNull().replay(-1);

    assertThat(replay.next()).isEqualTo(Event.VALUE_NULL);
    assertThat(replay.hasNext()).isFalse();
    assertThat(replay.getLocation().getStreamOffset()).isEqualTo(-1);
  }
}

package io.github.devtoolssessions.json.jsonb.internal;

import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.math.BigDecimal;

/**
 * One JSON value as the JSON-P events of the parser that read it, replayable any number of times.
 *
 * <p>Unlike a {@code JsonValue} tree, the recording keeps the text each number was sent with
 * ({@code 1.0E3}, {@code 2.5e-3}), which the codec must keep, and keys in the order and number they
 * came, so that a replay reads exactly as the parser would have.
 *
 * <p>A {@code Jsonb} makes one with {@code fromJson(reader, RecordedJson.class)}: the annotation
 * hands the application's parser to {@link JsonRecorder}, whatever the {@code Jsonb}'s binding
 * settings. Not API.
 */
@JsonbTypeDeserializer(JsonRecorder.class)
public final class RecordedJson {

  private static final RecordedJson NULL =
      new RecordedJson(new Event[] {Event.VALUE_NULL}, new String[1], new BigDecimal[1], 1);

  private final Event[] events;
  private final String[] texts;
  private final BigDecimal[] numbers;
  private final int size;

  /**
   * The recording of {@code size} events; {@code texts} holds the text of each key, string and
   * number, {@code numbers} the value of each number, both at the index of their event.
   */
  RecordedJson(Event[] events, String[] texts, BigDecimal[] numbers, int size) {
    this.events = events;
    this.texts = texts;
    this.numbers = numbers;
    this.size = size;
  }

  /**
   * The recording of the JSON value {@code null}; for a JSON-B implementation that answers a {@code
   * null} body itself rather than call the deserializer, as the specification allows.
   */
  public static RecordedJson ofNull() {
    return NULL;
  }

  /**
   * A parser over the recorded events, before the first. It supports {@code next}, {@code hasNext},
   * {@code currentEvent}, {@code getString} (a number's text as sent), the number getters and
   * {@code close}; not the tree getters nor {@code skipArray}/{@code skipObject}.
   *
   * @param trailingContentOffset where content follows the value in the text it was read from, or
   *     -1 if none does: as a streaming parser would, the replay's {@code hasNext()} after the
   *     value's last event then throws {@link jakarta.json.stream.JsonParsingException}
   */
  public JsonParser replay(long trailingContentOffset) {
    return new ReplayParser(events, texts, numbers, size, trailingContentOffset);
  }
}

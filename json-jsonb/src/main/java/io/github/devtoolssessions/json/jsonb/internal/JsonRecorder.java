package io.github.devtoolssessions.json.jsonb.internal;

import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The JSON-B deserializer of {@link RecordedJson}: records the value under the parser, event by
 * event, and binds nothing. Not API: public because JSON-B instantiates it reflectively.
 *
 * <p>Each number is asked for its {@link BigDecimal} while the application's parser is on it, so
 * that the parser's own limits (Parsson's {@code org.eclipse.parsson.maxBigDecimalLength}) apply to
 * every number of the body, as they would if the codec had read it with that parser.
 */
public final class JsonRecorder implements JsonbDeserializer<RecordedJson> {

  /** Room for a small body; a page of sessions grows the arrays a few times. */
  private static final int INITIAL_CAPACITY = 64;

  /** The constructor JSON-B calls. */
  public JsonRecorder() {}

  /**
   * Records the value whose first event is the parser's current one, up to and including its last
   * event.
   */
  @Override
  public RecordedJson deserialize(JsonParser parser, DeserializationContext context, Type type) {
    Event[] events = new Event[INITIAL_CAPACITY];
    String[] texts = new String[INITIAL_CAPACITY];
    BigDecimal[] numbers = new BigDecimal[INITIAL_CAPACITY];
    int size = 0;
    int depth = 0;
    Event event = parser.currentEvent();
    while (true) {
      if (size == events.length) {
        events = Arrays.copyOf(events, size * 2);
        texts = Arrays.copyOf(texts, size * 2);
        numbers = Arrays.copyOf(numbers, size * 2);
      }
      events[size] = event;
      switch (event) {
        case START_OBJECT, START_ARRAY -> depth++;
        case END_OBJECT, END_ARRAY -> depth--;
        case KEY_NAME, VALUE_STRING -> texts[size] = parser.getString();
        case VALUE_NUMBER -> {
          texts[size] = parser.getString();
          numbers[size] = parser.getBigDecimal();
        }
        default -> {
          // true, false and null carry no text
        }
      }
      size++;
      if (depth == 0) {
        return new RecordedJson(events, texts, numbers, size);
      }
      event = parser.next();
    }
  }
}

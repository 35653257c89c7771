package io.github.devtoolssessions.json.jsonb;

import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;

/** What the readers do with JSON-P events beyond reading them: name them, and pass over them. */
final class JsonEvents {

  private JsonEvents() {}

  /**
   * Passes over the value whose first event is {@code first}, the parser's current one, leaving the
   * parser on its last event.
   *
   * <p>The walk goes event by event rather than through {@code skipArray}/{@code skipObject}, which
   * in Parsson only count brackets: a value the codec ignores must still be JSON, and its numbers
   * must keep within the parser's limits, as everywhere else in the body.
   */
  static void skip(JsonParser parser, Event first) {
    int depth = 0;
    Event event = first;
    while (true) {
      switch (event) {
        case START_OBJECT, START_ARRAY -> depth++;
        case END_OBJECT, END_ARRAY -> depth--;
        case VALUE_NUMBER -> NumberText.read(parser);
        default -> {
          // keys, strings and literals need no check
        }
      }
      if (depth == 0) {
        return;
      }
      event = parser.next();
    }
  }

  /** An event as a reader would name it in a message: "an object", "a string", ... */
  static String describe(Event event) {
    if (event == null) {
      return "nothing";
    }
    return switch (event) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> "the event " + event;
    };
  }
}

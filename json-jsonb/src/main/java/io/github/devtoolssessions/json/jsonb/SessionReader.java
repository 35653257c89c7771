package io.github.devtoolssessions.json.jsonb;

import io.github.devtoolssessions.core.CloseReason;
import io.github.devtoolssessions.core.DecodingException;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.Timestamp;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads sessions event by event. Every method starts on the current event of a parser that is
 * already on the value to read, and leaves it on that value's last event. One reader serves one
 * read.
 *
 * <p>Streaming rather than a {@code JsonValue} tree keeps a page of 200 sessions to one pass with
 * no intermediate nodes: a field's value goes straight from the event to the model, and numbers
 * become {@link BigDecimal}s only where the model holds one.
 */
final class SessionReader {

  /** What the body of a get-one response holds. */
  enum Shape {
    /** {@code null}: no session. */
    NULL,
    /** An object with a {@code sessionId}. */
    SESSION,
    /** An object without {@code sessionId} but with {@code result}. */
    ENVELOPE
  }

  private final RawJsonCopier copier = new RawJsonCopier();

  /** A list: a bare array, {@code null}, or an object whose {@code result} is one of those. */
  List<Session> readSessions(JsonParser parser) {
    Event event = parser.currentEvent();
    if (event == Event.START_ARRAY) {
      return readArray(parser);
    }
    if (event == Event.VALUE_NULL) {
      return List.of();
    }
    if (event == Event.START_OBJECT) {
      return readEnvelopedList(parser);
    }
    throw new DecodingException(
        "expected a JSON array of sessions (or an object with a \"result\" array), but the body is "
            + JsonEvents.describe(event));
  }

  private List<Session> readEnvelopedList(JsonParser parser) {
    List<Session> result = null;
    for (Event key = parser.next(); key != Event.END_OBJECT; key = parser.next()) {
      String name = parser.getString();
      Event value = parser.next();
      if (name.equals(FieldNames.RESULT)) {
        if (value == Event.START_ARRAY) {
          result = readArray(parser);
        } else if (value == Event.VALUE_NULL) {
          result = List.of();
        } else {
          throw new DecodingException(
              "the envelope's \"result\" must be an array of sessions or null, but is "
                  + JsonEvents.describe(value));
        }
      } else {
        JsonEvents.skip(parser, value);
      }
    }
    if (result == null) {
      throw new DecodingException(
          "expected a JSON array of sessions, but the body is an object without a \"result\"");
    }
    return result;
  }

  private List<Session> readArray(JsonParser parser) {
    List<Session> sessions = new ArrayList<>();
    for (Event event = parser.next(); event != Event.END_ARRAY; event = parser.next()) {
      int index = sessions.size();
      if (event != Event.START_OBJECT) {
        throw new DecodingException(
            "the element at index "
                + index
                + " is "
                + JsonEvents.describe(event)
                + ", not a session object");
      }
      sessions.add(readSession(parser, index));
    }
    return sessions;
  }

  /** Which of {@link Shape} the body of a get-one response is; reads the whole value. */
  Shape shapeOf(JsonParser parser) {
    Event event = parser.currentEvent();
    if (event == Event.VALUE_NULL) {
      return Shape.NULL;
    }
    if (event != Event.START_OBJECT) {
      throw new DecodingException(
          "expected a session object, but the body is " + JsonEvents.describe(event));
    }
    boolean hasSessionId = false;
    boolean hasResult = false;
    for (Event key = parser.next(); key != Event.END_OBJECT; key = parser.next()) {
      String name = parser.getString();
      hasSessionId |= name.equals(FieldNames.SESSION_ID);
      hasResult |= name.equals(FieldNames.RESULT);
      JsonEvents.skip(parser, parser.next());
    }
    if (hasSessionId) {
      return Shape.SESSION;
    }
    if (hasResult) {
      return Shape.ENVELOPE;
    }
    throw new DecodingException(
        "the body is an object with neither a \"sessionId\" (a session) nor a \"result\" (an"
            + " envelope)");
  }

  /** The session of an envelope {@code {"result":{...}}} or {@code {"result":null}}. */
  Optional<Session> readEnvelopedSession(JsonParser parser) {
    Optional<Session> result = Optional.empty();
    for (Event key = parser.next(); key != Event.END_OBJECT; key = parser.next()) {
      String name = parser.getString();
      Event value = parser.next();
      if (name.equals(FieldNames.RESULT)) {
        if (value == Event.START_OBJECT) {
          result = Optional.of(readSession(parser, -1));
        } else if (value == Event.VALUE_NULL) {
          result = Optional.empty();
        } else {
          throw new DecodingException(
              "the envelope's \"result\" must be a session object or null, but is "
                  + JsonEvents.describe(value));
        }
      } else {
        JsonEvents.skip(parser, value);
      }
    }
    return result;
  }

  /**
   * One session object; {@code index} is its place in a list, for messages, or -1 for a session
   * read alone.
   */
  Session readSession(JsonParser parser, int index) {
    String sessionId = null;
    Timestamp startTime = null;
    Timestamp endTime = null;
    Timestamp lastUpdated = null;
    String connectionId = null;
    Timestamp connectionStartTime = null;
    Timestamp connectionEndTime = null;
    String devtoolsFrontendUrl = null;
    String webSocketDebuggerUrl = null;
    CloseReason closeReason = null;
    String closeReasonText = null;
    Map<String, String> extraFields = null;
    // Later duplicates overwrite earlier ones: the last value of a key wins, as in most parsers.
    for (Event key = parser.next(); key != Event.END_OBJECT; key = parser.next()) {
      String name = parser.getString();
      Event value = parser.next();
      switch (name) {
        case FieldNames.SESSION_ID -> sessionId = sessionId(parser, value, index);
        case FieldNames.START_TIME -> startTime = timestamp(parser, value, name, index);
        case FieldNames.END_TIME -> endTime = timestamp(parser, value, name, index);
        case FieldNames.LAST_UPDATED -> lastUpdated = timestamp(parser, value, name, index);
        case FieldNames.CONNECTION_ID -> connectionId = text(parser, value, name, index);
        case FieldNames.CONNECTION_START_TIME ->
            connectionStartTime = timestamp(parser, value, name, index);
        case FieldNames.CONNECTION_END_TIME ->
            connectionEndTime = timestamp(parser, value, name, index);
        case FieldNames.DEVTOOLS_FRONTEND_URL ->
            devtoolsFrontendUrl = text(parser, value, name, index);
        case FieldNames.WEB_SOCKET_DEBUGGER_URL ->
            webSocketDebuggerUrl = text(parser, value, name, index);
        case FieldNames.CLOSE_REASON -> closeReason = closeReason(parser, value, index);
        case FieldNames.CLOSE_REASON_TEXT -> closeReasonText = text(parser, value, name, index);
        default -> {
          if (extraFields == null) {
            extraFields = new LinkedHashMap<>();
          }
          extraFields.put(name, copier.copy(parser));
        }
      }
    }
    if (sessionId == null) {
      throw new DecodingException(where(index) + " has no \"sessionId\"");
    }
    Session.Builder builder =
        Session.builder(sessionId)
            .startTime(startTime)
            .endTime(endTime)
            .lastUpdated(lastUpdated)
            .connectionId(connectionId)
            .connectionStartTime(connectionStartTime)
            .connectionEndTime(connectionEndTime)
            .devtoolsFrontendUrl(devtoolsFrontendUrl)
            .webSocketDebuggerUrl(webSocketDebuggerUrl)
            .closeReason(closeReason)
            .closeReasonText(closeReasonText);
    if (extraFields != null) {
      extraFields.forEach(builder::extraField);
    }
    return builder.build();
  }

  private static String sessionId(JsonParser parser, Event value, int index) {
    if (value != Event.VALUE_STRING) {
      throw new DecodingException(
          where(index) + ": \"sessionId\" must be a string, but is " + JsonEvents.describe(value));
    }
    String id = parser.getString();
    if (id.isBlank()) {
      throw new DecodingException(where(index) + ": \"sessionId\" is blank");
    }
    return id;
  }

  private static String text(JsonParser parser, Event value, String field, int index) {
    if (value == Event.VALUE_STRING) {
      return parser.getString();
    }
    if (value == Event.VALUE_NULL) {
      return null;
    }
    throw new DecodingException(
        where(index)
            + ": \""
            + field
            + "\" must be a string, but is "
            + JsonEvents.describe(value));
  }

  private static Timestamp timestamp(JsonParser parser, Event value, String field, int index) {
    switch (value) {
      case VALUE_NUMBER -> {
        // Exact, scale included: 1.50 stays 1.50, 1.764772210512E12 is 1764772210512.
        return new Timestamp(parser.getBigDecimal());
      }
      case VALUE_STRING -> {
        return new Timestamp(numericString(parser.getString(), field, index));
      }
      case VALUE_NULL -> {
        return null;
      }
      default ->
          throw new DecodingException(
              where(index)
                  + ": \""
                  + field
                  + "\" must be a number (epoch milliseconds), but is "
                  + JsonEvents.describe(value));
    }
  }

  private static BigDecimal numericString(String value, String field, int index) {
    String text = value.strip();
    // The bound keeps the quadratic cost of parsing digits to what the parser allows a number.
    if (text.length() <= NumberText.MAX_NUMERIC_STRING_LENGTH) {
      try {
        return new BigDecimal(text);
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new DecodingException(
        where(index) + ": \"" + field + "\" is a string that does not hold a number");
  }

  private static CloseReason closeReason(JsonParser parser, Event value, int index) {
    switch (value) {
      case VALUE_NUMBER -> {
        return new CloseReason(NumberText.read(parser), true);
      }
      case VALUE_STRING -> {
        return CloseReason.ofString(parser.getString());
      }
      case VALUE_NULL -> {
        return null;
      }
      default ->
          throw new DecodingException(
              where(index)
                  + ": \"closeReason\" must be a number or a string, but is "
                  + JsonEvents.describe(value));
    }
  }

  private static String where(int index) {
    return index < 0 ? "the session" : "the session at index " + index;
  }
}

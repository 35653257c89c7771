package io.github.devtoolssessions.json.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.devtoolssessions.core.CloseReason;
import io.github.devtoolssessions.core.DecodingException;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.Timestamp;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads sessions token by token. Every method starts on the current token of a parser that is
 * already on the value to read, and leaves it on that value's last token.
 *
 * <p>Streaming rather than a tree keeps a page of 200 sessions to one pass with no intermediate
 * nodes: a field's value goes straight from the token to the model.
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

  private final RawJsonCopier copier;

  /** A reader that keeps unknown fields as JSON text written by {@code copier}. */
  SessionReader(RawJsonCopier copier) {
    this.copier = copier;
  }

  /** A list: a bare array, {@code null}, or an object whose {@code result} is one of those. */
  List<Session> readSessions(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_ARRAY) {
      return readArray(parser);
    }
    if (token == JsonToken.VALUE_NULL) {
      return List.of();
    }
    if (token == JsonToken.START_OBJECT) {
      return readEnvelopedList(parser);
    }
    throw new DecodingException(
        "expected a JSON array of sessions (or an object with a \"result\" array), but the body is "
            + describe(token));
  }

  private List<Session> readEnvelopedList(JsonParser parser) throws IOException {
    List<Session> result = null;
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      JsonToken value = parser.nextToken();
      if (name.equals(FieldNames.RESULT)) {
        if (value == JsonToken.START_ARRAY) {
          result = readArray(parser);
        } else if (value == JsonToken.VALUE_NULL) {
          result = List.of();
        } else {
          throw new DecodingException(
              "the envelope's \"result\" must be an array of sessions or null, but is "
                  + describe(value));
        }
      } else {
        parser.skipChildren();
      }
    }
    if (result == null) {
      throw new DecodingException(
          "expected a JSON array of sessions, but the body is an object without a \"result\"");
    }
    return result;
  }

  private List<Session> readArray(JsonParser parser) throws IOException {
    List<Session> sessions = new ArrayList<>();
    for (JsonToken token = parser.nextToken();
        token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      int index = sessions.size();
      if (token != JsonToken.START_OBJECT) {
        throw new DecodingException(
            "the element at index " + index + " is " + describe(token) + ", not a session object");
      }
      sessions.add(readSession(parser, index));
    }
    return sessions;
  }

  /** Which of {@link Shape} the body of a get-one response is; reads the whole value. */
  Shape shapeOf(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return Shape.NULL;
    }
    if (token != JsonToken.START_OBJECT) {
      throw new DecodingException("expected a session object, but the body is " + describe(token));
    }
    boolean hasSessionId = false;
    boolean hasResult = false;
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      hasSessionId |= name.equals(FieldNames.SESSION_ID);
      hasResult |= name.equals(FieldNames.RESULT);
      parser.nextToken();
      parser.skipChildren();
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
  Optional<Session> readEnvelopedSession(JsonParser parser) throws IOException {
    Optional<Session> result = Optional.empty();
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      JsonToken value = parser.nextToken();
      if (name.equals(FieldNames.RESULT)) {
        if (value == JsonToken.START_OBJECT) {
          result = Optional.of(readSession(parser, -1));
        } else if (value == JsonToken.VALUE_NULL) {
          result = Optional.empty();
        } else {
          throw new DecodingException(
              "the envelope's \"result\" must be a session object or null, but is "
                  + describe(value));
        }
      } else {
        parser.skipChildren();
      }
    }
    return result;
  }

  /**
   * One session object; {@code index} is its place in a list, for messages, or -1 for a session
   * read alone.
   */
  Session readSession(JsonParser parser, int index) throws IOException {
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
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      JsonToken value = parser.nextToken();
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

  private static String sessionId(JsonParser parser, JsonToken value, int index)
      throws IOException {
    if (value != JsonToken.VALUE_STRING) {
      throw new DecodingException(
          where(index) + ": \"sessionId\" must be a string, but is " + describe(value));
    }
    String id = parser.getText();
    if (id.isBlank()) {
      throw new DecodingException(where(index) + ": \"sessionId\" is blank");
    }
    return id;
  }

  private static String text(JsonParser parser, JsonToken value, String field, int index)
      throws IOException {
    if (value == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    throw new DecodingException(
        where(index) + ": \"" + field + "\" must be a string, but is " + describe(value));
  }

  private static Timestamp timestamp(JsonParser parser, JsonToken value, String field, int index)
      throws IOException {
    switch (value) {
      case VALUE_NUMBER_INT -> {
        // Epoch milliseconds fit a long; BigDecimal.valueOf(long) spares parsing the text again.
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          return new Timestamp(new BigDecimal(parser.getBigIntegerValue()));
        }
        return new Timestamp(BigDecimal.valueOf(parser.getLongValue()));
      }
      case VALUE_NUMBER_FLOAT -> {
        if (parser.isNaN()) {
          throw new DecodingException(where(index) + ": \"" + field + "\" is not a finite number");
        }
        return new Timestamp(parser.getDecimalValue());
      }
      case VALUE_STRING -> {
        return new Timestamp(numericString(parser, field, index));
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
                  + describe(value));
    }
  }

  private static BigDecimal numericString(JsonParser parser, String field, int index)
      throws IOException {
    String text = parser.getText().strip();
    // The parser's own limit on number length also bounds the quadratic cost of parsing digits.
    if (text.length() <= parser.streamReadConstraints().getMaxNumberLength()) {
      try {
        return new BigDecimal(text);
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new DecodingException(
        where(index) + ": \"" + field + "\" is a string that does not hold a number");
  }

  private static CloseReason closeReason(JsonParser parser, JsonToken value, int index)
      throws IOException {
    switch (value) {
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        String text = NumberText.read(parser);
        if (text == null) {
          throw new DecodingException(where(index) + ": \"closeReason\" is not a finite number");
        }
        return new CloseReason(text, true);
      }
      case VALUE_STRING -> {
        return CloseReason.ofString(parser.getText());
      }
      case VALUE_NULL -> {
        return null;
      }
      default ->
          throw new DecodingException(
              where(index)
                  + ": \"closeReason\" must be a number or a string, but is "
                  + describe(value));
    }
  }

  private static String where(int index) {
    return index < 0 ? "the session" : "the session at index " + index;
  }

  /** A token as a reader would name it in a message: "an object", "a string", ... */
  static String describe(JsonToken token) {
    if (token == null) {
      return "nothing";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> "the token " + token;
    };
  }
}

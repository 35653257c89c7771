package io.github.devtoolssessions.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.devtoolssessions.core.CloseReason;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.Timestamp;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline every decode is compared with: what a programmer would write by hand with Jackson's
 * streaming {@link JsonParser} for this one body, and nothing more.
 *
 * <p>It does the same work as a codec where the result is concerned, so that the comparison is
 * fair: every one of the eleven fields goes into the same {@link Session} values the codecs build,
 * times as exact {@link Timestamp}s (a whole number through {@code BigDecimal.valueOf(long)}, a
 * fraction through the parser's {@code BigDecimal}, as the Jackson codec does), a close reason as a
 * {@link CloseReason} of its number text or string. What it leaves out is what a codec owes its
 * callers beyond the happy path: the envelope and {@code null} bodies, type checks with messages
 * that name the session, keeping unknown fields, the check that nothing follows the array, and
 * wrapping every failure in one exception type. Unknown fields are skipped; anything else that is
 * not this body's shape fails with an {@link IOException} or a wrong result, which the benchmarks'
 * setup would catch by comparing with the codecs.
 */
final class HandWrittenParser {

  private static final JsonFactory FACTORY = new JsonFactory();

  private HandWrittenParser() {}

  /** The sessions of a bare JSON array. */
  static List<Session> parse(byte[] body) throws IOException {
    try (JsonParser parser = FACTORY.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new IOException("expected a JSON array");
      }
      List<Session> sessions = new ArrayList<>();
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        sessions.add(session(parser));
      }
      return sessions;
    }
  }

  private static Session session(JsonParser parser) throws IOException {
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
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      JsonToken token = parser.nextToken();
      switch (name) {
        case "sessionId" -> sessionId = text(parser, token);
        case "startTime" -> startTime = time(parser, token);
        case "endTime" -> endTime = time(parser, token);
        case "lastUpdated" -> lastUpdated = time(parser, token);
        case "connectionId" -> connectionId = text(parser, token);
        case "connectionStartTime" -> connectionStartTime = time(parser, token);
        case "connectionEndTime" -> connectionEndTime = time(parser, token);
        case "devtoolsFrontendUrl" -> devtoolsFrontendUrl = text(parser, token);
        case "webSocketDebuggerUrl" -> webSocketDebuggerUrl = text(parser, token);
        case "closeReason" -> closeReason = closeReason(parser, token);
        case "closeReasonText" -> closeReasonText = text(parser, token);
        default -> parser.skipChildren();
      }
    }
    if (sessionId == null) {
      throw new IOException("a session without sessionId");
    }
    return Session.builder(sessionId)
        .startTime(startTime)
        .endTime(endTime)
        .lastUpdated(lastUpdated)
        .connectionId(connectionId)
        .connectionStartTime(connectionStartTime)
        .connectionEndTime(connectionEndTime)
        .devtoolsFrontendUrl(devtoolsFrontendUrl)
        .webSocketDebuggerUrl(webSocketDebuggerUrl)
        .closeReason(closeReason)
        .closeReasonText(closeReasonText)
        .build();
  }

  private static String text(JsonParser parser, JsonToken token) throws IOException {
    return token == JsonToken.VALUE_NULL ? null : parser.getText();
  }

  private static Timestamp time(JsonParser parser, JsonToken token) throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    return new Timestamp(
        token == JsonToken.VALUE_NUMBER_INT
            ? BigDecimal.valueOf(parser.getLongValue())
            : parser.getDecimalValue());
  }

  private static CloseReason closeReason(JsonParser parser, JsonToken token) throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    return token == JsonToken.VALUE_STRING
        ? CloseReason.ofString(parser.getText())
        : new CloseReason(parser.getText(), true);
  }
}

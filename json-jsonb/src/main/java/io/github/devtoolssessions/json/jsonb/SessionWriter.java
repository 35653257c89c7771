package io.github.devtoolssessions.json.jsonb;

import io.github.devtoolssessions.core.CloseReason;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.Timestamp;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes sessions as the API does: its field names in the order of the wire contract, present
 * fields only, then the extra fields as the raw JSON they hold.
 *
 * <p>The JSON text is written here rather than by a JSON-P {@code JsonGenerator}, which cannot do
 * two things the codec needs: write an extra field's JSON text as it is (it has no raw write; going
 * through a {@code JsonValue} would turn {@code 2.5e-3} into {@code 0.0025}), and write a number
 * with the text it came with ({@code write(BigDecimal)} turns a close reason of {@code 1.0E3} into
 * {@code 1.0E+3}). What is written is small and fixed: flat objects of strings and numbers in an
 * array, strings escaped by {@link JsonText}. Extra fields are written verbatim, unchecked, as
 * Jackson's {@code writeRawValue} does: they hold JSON this codec read, or JSON an application put
 * there on purpose.
 */
final class SessionWriter {

  // Names with their quotes and colon, built once rather than per session.
  private static final String SESSION_ID = name(FieldNames.SESSION_ID);
  private static final String START_TIME = name(FieldNames.START_TIME);
  private static final String END_TIME = name(FieldNames.END_TIME);
  private static final String LAST_UPDATED = name(FieldNames.LAST_UPDATED);
  private static final String CONNECTION_ID = name(FieldNames.CONNECTION_ID);
  private static final String CONNECTION_START_TIME = name(FieldNames.CONNECTION_START_TIME);
  private static final String CONNECTION_END_TIME = name(FieldNames.CONNECTION_END_TIME);
  private static final String DEVTOOLS_FRONTEND_URL = name(FieldNames.DEVTOOLS_FRONTEND_URL);
  private static final String WEB_SOCKET_DEBUGGER_URL = name(FieldNames.WEB_SOCKET_DEBUGGER_URL);
  private static final String CLOSE_REASON = name(FieldNames.CLOSE_REASON);
  private static final String CLOSE_REASON_TEXT = name(FieldNames.CLOSE_REASON_TEXT);

  /** A rough size of one written session, to size the buffer once for most pages. */
  private static final int CHARS_PER_SESSION = 512;

  /** The largest buffer allocated up front; a longer output grows it. */
  private static final int MAX_INITIAL_BUFFER = 1 << 20;

  private SessionWriter() {}

  /** The sessions as a JSON array, in UTF-8. */
  static byte[] writeSessions(List<Session> sessions) {
    Objects.requireNonNull(sessions, "sessions");
    StringBuilder out =
        new StringBuilder(
            (int) Math.min(MAX_INITIAL_BUFFER, 16L + (long) sessions.size() * CHARS_PER_SESSION));
    out.append('[');
    boolean first = true;
    for (Session session : sessions) {
      if (!first) {
        out.append(',');
      }
      first = false;
      write(out, Objects.requireNonNull(session, "sessions must not contain null"));
    }
    out.append(']');
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The session as a JSON object, in UTF-8. */
  static byte[] writeSession(Session session) {
    Objects.requireNonNull(session, "session");
    StringBuilder out = new StringBuilder(CHARS_PER_SESSION);
    write(out, session);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void write(StringBuilder out, Session session) {
    out.append('{').append(SESSION_ID);
    JsonText.appendString(out, session.sessionId());
    writeTimestamp(out, START_TIME, session.startTime());
    writeTimestamp(out, END_TIME, session.endTime());
    writeTimestamp(out, LAST_UPDATED, session.lastUpdated());
    writeString(out, CONNECTION_ID, session.connectionId());
    writeTimestamp(out, CONNECTION_START_TIME, session.connectionStartTime());
    writeTimestamp(out, CONNECTION_END_TIME, session.connectionEndTime());
    writeString(out, DEVTOOLS_FRONTEND_URL, session.devtoolsFrontendUrl());
    writeString(out, WEB_SOCKET_DEBUGGER_URL, session.webSocketDebuggerUrl());
    if (session.closeReason().isPresent()) {
      CloseReason reason = session.closeReason().get();
      out.append(',').append(CLOSE_REASON);
      if (reason.isNumber()) {
        out.append(jsonNumber(reason.value()));
      } else {
        JsonText.appendString(out, reason.value());
      }
    }
    writeString(out, CLOSE_REASON_TEXT, session.closeReasonText());
    for (Map.Entry<String, String> extra : session.extraFields().entrySet()) {
      out.append(',');
      JsonText.appendString(out, extra.getKey());
      out.append(':').append(extra.getValue());
    }
    out.append('}');
  }

  /** A timestamp's number as {@link BigDecimal#toString()} writes it: exact, scale included. */
  private static void writeTimestamp(StringBuilder out, String name, Optional<Timestamp> value) {
    if (value.isPresent()) {
      out.append(',').append(name).append(value.get().epochMillis().toString());
    }
  }

  private static void writeString(StringBuilder out, String name, Optional<String> value) {
    if (value.isPresent()) {
      out.append(',').append(name);
      JsonText.appendString(out, value.get());
    }
  }

  /**
   * The close reason's text when it is a JSON number, so that it is written back as it came; else
   * (a value built in code, such as {@code +1}) the number's canonical text.
   */
  private static String jsonNumber(String value) {
    return NumberText.isJson(value) ? value : new BigDecimal(value).toString();
  }

  private static String name(String name) {
    StringBuilder quoted = new StringBuilder(name.length() + 3);
    JsonText.appendString(quoted, name);
    return quoted.append(':').toString();
  }
}

package io.github.devtoolssessions.json.jackson;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import io.github.devtoolssessions.core.CloseReason;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.Timestamp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes sessions as the API does: its field names in the order of the wire contract, present
 * fields only, then the extra fields as the raw JSON they hold.
 */
final class SessionWriter {

  // Names encoded once, not per session.
  private static final SerializableString SESSION_ID = name(FieldNames.SESSION_ID);
  private static final SerializableString START_TIME = name(FieldNames.START_TIME);
  private static final SerializableString END_TIME = name(FieldNames.END_TIME);
  private static final SerializableString LAST_UPDATED = name(FieldNames.LAST_UPDATED);
  private static final SerializableString CONNECTION_ID = name(FieldNames.CONNECTION_ID);
  private static final SerializableString CONNECTION_START_TIME =
      name(FieldNames.CONNECTION_START_TIME);
  private static final SerializableString CONNECTION_END_TIME =
      name(FieldNames.CONNECTION_END_TIME);
  private static final SerializableString DEVTOOLS_FRONTEND_URL =
      name(FieldNames.DEVTOOLS_FRONTEND_URL);
  private static final SerializableString WEB_SOCKET_DEBUGGER_URL =
      name(FieldNames.WEB_SOCKET_DEBUGGER_URL);
  private static final SerializableString CLOSE_REASON = name(FieldNames.CLOSE_REASON);
  private static final SerializableString CLOSE_REASON_TEXT = name(FieldNames.CLOSE_REASON_TEXT);

  /** A rough size of one written session, to size the output buffer once for most pages. */
  private static final int BYTES_PER_SESSION = 512;

  /** The largest buffer allocated up front; a longer output grows it. */
  private static final int MAX_INITIAL_BUFFER = 1 << 20;

  private final JsonFactory factory;

  /** A writer over {@code factory}, which must write plain JSON. */
  SessionWriter(JsonFactory factory) {
    this.factory = factory;
  }

  /** The sessions as a JSON array, in UTF-8. */
  byte[] writeSessions(List<Session> sessions) {
    Objects.requireNonNull(sessions, "sessions");
    ByteArrayOutputStream out =
        new ByteArrayOutputStream(
            (int) Math.min(MAX_INITIAL_BUFFER, 16L + (long) sessions.size() * BYTES_PER_SESSION));
    try (JsonGenerator generator = factory.createGenerator(out, JsonEncoding.UTF8)) {
      generator.writeStartArray();
      for (Session session : sessions) {
        write(generator, Objects.requireNonNull(session, "sessions must not contain null"));
      }
      generator.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException("could not write sessions as JSON", e);
    }
    return out.toByteArray();
  }

  /** The session as a JSON object, in UTF-8. */
  byte[] writeSession(Session session) {
    Objects.requireNonNull(session, "session");
    ByteArrayOutputStream out = new ByteArrayOutputStream(BYTES_PER_SESSION);
    try (JsonGenerator generator = factory.createGenerator(out, JsonEncoding.UTF8)) {
      write(generator, session);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write a session as JSON", e);
    }
    return out.toByteArray();
  }

  private static void write(JsonGenerator generator, Session session) throws IOException {
    generator.writeStartObject();
    generator.writeFieldName(SESSION_ID);
    generator.writeString(session.sessionId());
    writeTimestamp(generator, START_TIME, session.startTime());
    writeTimestamp(generator, END_TIME, session.endTime());
    writeTimestamp(generator, LAST_UPDATED, session.lastUpdated());
    writeString(generator, CONNECTION_ID, session.connectionId());
    writeTimestamp(generator, CONNECTION_START_TIME, session.connectionStartTime());
    writeTimestamp(generator, CONNECTION_END_TIME, session.connectionEndTime());
    writeString(generator, DEVTOOLS_FRONTEND_URL, session.devtoolsFrontendUrl());
    writeString(generator, WEB_SOCKET_DEBUGGER_URL, session.webSocketDebuggerUrl());
    if (session.closeReason().isPresent()) {
      CloseReason reason = session.closeReason().get();
      generator.writeFieldName(CLOSE_REASON);
      if (reason.isNumber()) {
        generator.writeNumber(jsonNumber(reason.value()));
      } else {
        generator.writeString(reason.value());
      }
    }
    writeString(generator, CLOSE_REASON_TEXT, session.closeReasonText());
    for (Map.Entry<String, String> extra : session.extraFields().entrySet()) {
      generator.writeFieldName(extra.getKey());
      generator.writeRawValue(extra.getValue());
    }
    generator.writeEndObject();
  }

  private static void writeTimestamp(
      JsonGenerator generator, SerializableString name, Optional<Timestamp> value)
      throws IOException {
    if (value.isPresent()) {
      generator.writeFieldName(name);
      generator.writeNumber(value.get().epochMillis());
    }
  }

  private static void writeString(
      JsonGenerator generator, SerializableString name, Optional<String> value) throws IOException {
    if (value.isPresent()) {
      generator.writeFieldName(name);
      generator.writeString(value.get());
    }
  }

  /**
   * The close reason's text when it is a JSON number, so that it is written back as it came; else
   * (a value built in code, such as {@code +1}) the number's canonical text.
   */
  private static String jsonNumber(String value) {
    return NumberText.isJson(value) ? value : new BigDecimal(value).toString();
  }

  private static SerializableString name(String name) {
    return new SerializedString(name);
  }
}

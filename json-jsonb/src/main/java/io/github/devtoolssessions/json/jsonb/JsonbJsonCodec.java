package io.github.devtoolssessions.json.jsonb;

import io.github.devtoolssessions.core.CloudflareError;
import io.github.devtoolssessions.core.DecodingException;
import io.github.devtoolssessions.core.JsonCodec;
import io.github.devtoolssessions.core.Session;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A {@link JsonCodec} over Jakarta JSON-P streaming ({@code JsonParser}), with Parsson by default
 * or through an application's Jakarta JSON-B {@link Jsonb}: sessions go from parser events to the
 * model in one pass, with no {@code JsonValue} tree in between.
 *
 * <p>Reading follows {@link JsonCodec}: a list is a bare array, an envelope {@code
 * {"result":[...]}} or {@code null}; times are kept exactly; numbers keep the text they were sent
 * with; fields the model does not know are kept as compact JSON text; duplicate keys keep their
 * last value; nothing may follow the body's JSON value. The body is read as UTF-8, and malformed
 * UTF-8 is refused. Any failure, the JSON library's included, is a {@link DecodingException} with
 * the library's exception as its cause.
 *
 * <p>Writing uses the API's field names, writes only present fields, and always produces plain
 * compact JSON in UTF-8; see {@link #writeSessions(List)}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class JsonbJsonCodec implements JsonCodec {

  private static final JsonbJsonCodec DEFAULT = new JsonbJsonCodec(StreamingParsers.parsson());

  private static final byte[] PROBE = "[]".getBytes(StandardCharsets.US_ASCII);

  private final BodyParsers parsers;

  /** A codec reading from {@code parsers}; the factories below choose them. */
  JsonbJsonCodec(BodyParsers parsers) {
    this.parsers = parsers;
  }

  /**
   * The fast codec: reads with Parsson's streaming parser, with its default limits (numbers of at
   * most 1100 characters, nesting at most 1000 deep). It is shared: every call returns the same
   * codec.
   */
  public static JsonbJsonCodec create() {
    return DEFAULT;
  }

  /**
   * A codec that reads through an application's {@link Jsonb}, so that the JSON-P provider and
   * parser limits it was built with apply to the API's bodies. It reads by the same rules as {@link
   * #create()}, to the same results.
   *
   * <p>The {@code Jsonb} hands its parser over and binds nothing: no binding setting ({@code
   * JsonbConfig} null values, strict I-JSON, naming, adapters, deserializers, failing on unknown
   * properties) can refuse a field the API adds or change a value. Output is written as by {@link
   * #create()}, because the wire format must not change with the application's taste in JSON.
   * Reading through a {@code Jsonb} records the body's events before reading them, so it costs more
   * than the streaming codec.
   *
   * <p>The {@code Jsonb} must honour {@code @JsonbTypeDeserializer}, as JSON-B 3 requires; on the
   * module path the codec's deserializer is open to Yasson only.
   *
   * @throws IllegalArgumentException if the {@code Jsonb} does not hand its parser to the codec
   *     (tried once here, on the body {@code []})
   */
  public static JsonbJsonCodec create(Jsonb jsonb) {
    Objects.requireNonNull(jsonb, "jsonb");
    JsonbJsonCodec codec = new JsonbJsonCodec(new JsonbParsers(jsonb));
    try {
      codec.readSessions(PROBE);
    } catch (DecodingException e) {
      throw new IllegalArgumentException(
          "the Jsonb does not hand its JSON parser to this codec: " + e.getMessage(), e);
    }
    return codec;
  }

  @Override
  public List<Session> readSessions(byte[] body) {
    return decode(body, json -> read(json, new SessionReader()::readSessions));
  }

  @Override
  public Optional<Session> readSession(byte[] body) {
    SessionReader reader = new SessionReader();
    // Which of a session and an envelope the object is depends on all its keys, in whatever
    // order they come; a first pass finds out, passing over values, and a second one reads.
    return decode(
        body,
        json ->
            switch (read(json, reader::shapeOf)) {
              case NULL -> Optional.empty();
              case SESSION -> Optional.of(read(json, parser -> reader.readSession(parser, -1)));
              case ENVELOPE -> read(json, reader::readEnvelopedSession);
            });
  }

  /** {@inheritDoc} Never fails on JSON, whatever its shape. */
  @Override
  public List<CloudflareError> readErrors(byte[] body) {
    return decode(body, json -> read(json, ErrorReader::readErrors));
  }

  /**
   * {@inheritDoc} Absent fields are left out; times are written as {@link
   * java.math.BigDecimal#toString()} writes their number; a close reason sent as a number is
   * written with the text it came with; extra fields are written verbatim, as the JSON text they
   * hold. Strings escape only what JSON requires.
   */
  @Override
  public byte[] writeSessions(List<Session> sessions) {
    return SessionWriter.writeSessions(sessions);
  }

  /** {@inheritDoc} Written as each element of {@link #writeSessions(List)}. */
  @Override
  public byte[] writeSession(Session session) {
    return SessionWriter.writeSession(session);
  }

  /**
   * Opens the body and reads it with {@code reading}. This is the one place where exceptions become
   * {@link DecodingException}: whatever JSON-P, JSON-B or the model throws (a parse error, a broken
   * limit, a number format) must not reach the caller.
   */
  private <T> T decode(byte[] body, Function<Supplier<JsonParser>, T> reading) {
    Objects.requireNonNull(body, "body");
    if (TopLevelValue.start(body) < 0) {
      throw new DecodingException("the body is empty: it holds no JSON value");
    }
    try {
      return reading.apply(parsers.open(body));
    } catch (DecodingException e) {
      throw e;
    } catch (RuntimeException e) {
      throw failure(e);
    }
  }

  /** Reads the body's one JSON value with {@code reader}, then checks that nothing follows it. */
  private static <T> T read(Supplier<JsonParser> json, Function<JsonParser, T> reader) {
    try (JsonParser parser = json.get()) {
      parser.next();
      T value = reader.apply(parser);
      requireEnd(parser);
      return value;
    }
  }

  private static void requireEnd(JsonParser parser) {
    boolean more;
    try {
      more = parser.hasNext();
    } catch (JsonParsingException e) {
      // Parsson reads the next token to answer, and refuses any after the top-level value.
      throw new DecodingException("the body goes on after its JSON value: " + e.getMessage(), e);
    }
    if (more) {
      throw new DecodingException(
          "the body goes on after its JSON value, with " + JsonEvents.describe(parser.next()));
    }
  }

  private static DecodingException failure(RuntimeException e) {
    // JSON-B wraps what the parser threw under its deserializer ("Internal error: ..."); the
    // parser's own exception is the one that says what is wrong with the body.
    Throwable cause = e instanceof JsonbException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof JsonParsingException) {
      // Parsson's messages name tokens, character codes and positions, never the body's text.
      return new DecodingException("the body is not readable JSON: " + cause.getMessage(), cause);
    }
    return new DecodingException("the body could not be read: " + cause, cause);
  }
}

package io.github.devtoolssessions.json.jackson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.devtoolssessions.core.CloudflareError;
import io.github.devtoolssessions.core.DecodingException;
import io.github.devtoolssessions.core.JsonCodec;
import io.github.devtoolssessions.core.Session;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link JsonCodec} over Jackson's streaming API ({@code JsonParser} and {@code JsonGenerator}):
 * sessions go from tokens to the model in one pass, with no tree in between.
 *
 * <p>Reading follows {@link JsonCodec}: a list is a bare array, an envelope {@code
 * {"result":[...]}} or {@code null}; times are kept exactly; fields the model does not know are
 * kept as compact JSON text; duplicate keys keep their last value. Any failure, Jackson's included,
 * is a {@link DecodingException} with Jackson's exception as its cause.
 *
 * <p>Writing uses the API's field names, writes only present fields, and always produces plain JSON
 * in UTF-8, whatever the application's mapper is configured to write.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class JacksonJsonCodec implements JsonCodec {

  /**
   * The factory this codec writes with, and reads with unless given a mapper. Jackson's factories
   * are thread-safe and share their name tables between parsers, so one serves every codec.
   * Characters outside the Basic Multilingual Plane (emoji) are written as UTF-8, not as escaped
   * surrogate pairs, which Jackson 2 writes by default.
   */
  private static final JsonFactory PLAIN_JSON =
      JsonFactory.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

  private static final JacksonJsonCodec DEFAULT = new JacksonJsonCodec(PLAIN_JSON);

  private final JsonFactory readFactory;
  private final SessionWriter writer;
  private final RawJsonCopier copier;

  private JacksonJsonCodec(JsonFactory readFactory) {
    this.readFactory = readFactory;
    this.writer = new SessionWriter(PLAIN_JSON);
    this.copier = new RawJsonCopier(PLAIN_JSON);
  }

  /** A codec with Jackson's default settings. It is shared: every call returns the same codec. */
  public static JacksonJsonCodec create() {
    return DEFAULT;
  }

  /**
   * A codec that reads with the {@link JsonFactory} of an application's mapper, so that the
   * factory's read features and limits ({@code StreamReadConstraints}) apply to the API's bodies.
   *
   * <p>Only the factory is used, never the mapper's data binding: settings such as {@code
   * DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES} cannot refuse a field the API adds. Output
   * is written with Jackson's defaults, because the wire format must not change with the
   * application's taste in JSON (numbers as strings, unquoted names, ...).
   *
   * @throws IllegalArgumentException if the mapper's factory does not read JSON (a YAML or XML
   *     mapper, say)
   */
  public static JacksonJsonCodec create(ObjectMapper mapper) {
    Objects.requireNonNull(mapper, "mapper");
    JsonFactory factory = mapper.getFactory();
    if (!JsonFactory.FORMAT_NAME_JSON.equals(factory.getFormatName())) {
      throw new IllegalArgumentException(
          "the mapper reads "
              + factory.getFormatName()
              + ", not JSON; give a JSON ObjectMapper (such as a JsonMapper)");
    }
    return new JacksonJsonCodec(factory);
  }

  @Override
  public List<Session> readSessions(byte[] body) {
    return decode(body, parser -> new SessionReader(copier).readSessions(parser));
  }

  @Override
  public Optional<Session> readSession(byte[] body) {
    SessionReader reader = new SessionReader(copier);
    // Which of a session and an envelope the object is depends on all its keys, in whatever
    // order they come; a first pass finds out, skipping values, and a second one reads.
    return switch (decode(body, reader::shapeOf)) {
      case NULL -> Optional.empty();
      case SESSION -> Optional.of(decode(body, parser -> reader.readSession(parser, -1)));
      case ENVELOPE -> decode(body, reader::readEnvelopedSession);
    };
  }

  /** {@inheritDoc} Never fails on JSON, whatever its shape. */
  @Override
  public List<CloudflareError> readErrors(byte[] body) {
    return decode(body, ErrorReader::readErrors);
  }

  /** {@inheritDoc} Absent fields are left out. */
  @Override
  public byte[] writeSessions(List<Session> sessions) {
    return writer.writeSessions(sessions);
  }

  /** {@inheritDoc} Absent fields are left out. */
  @Override
  public byte[] writeSession(Session session) {
    return writer.writeSession(session);
  }

  /** Reads one value from its first token. */
  @FunctionalInterface
  private interface ValueReader<T> {
    T read(JsonParser parser) throws IOException;
  }

  /**
   * Reads the body's one JSON value with {@code reader}, then checks that nothing follows it. This
   * is the one place where exceptions become {@link DecodingException}: whatever Jackson or the
   * model throws (a parse error, a broken limit, a number format) must not reach the caller.
   */
  private <T> T decode(byte[] body, ValueReader<T> reader) {
    Objects.requireNonNull(body, "body");
    try (JsonParser parser = readFactory.createParser(body)) {
      if (parser.nextToken() == null) {
        throw new DecodingException("the body is empty: it holds no JSON value");
      }
      T value = reader.read(parser);
      JsonToken next = parser.nextToken();
      if (next != null) {
        throw new DecodingException(
            "the body goes on after its JSON value, with "
                + SessionReader.describe(next)
                + " at "
                + position(parser.currentTokenLocation()));
      }
      return value;
    } catch (DecodingException e) {
      throw e;
    } catch (StreamConstraintsException e) {
      // Its message names a limit and a length, never the body's text: safe to keep as the cause.
      throw new DecodingException(
          "the body breaks the parser's limits: "
              + e.getOriginalMessage()
              + " (at "
              + position(e.getLocation())
              + ")",
          e);
    } catch (JsonProcessingException e) {
      // Not chained: Jackson's message quotes the body's first bare word whole, and a body that is
      // an echoed token or key would then show in this exception and in the log line made of it.
      throw new DecodingException(
          "the body is not readable JSON: "
              + ParseProblem.describe(e.getOriginalMessage())
              + " (at "
              + position(e.getLocation())
              + ")");
    } catch (IOException | RuntimeException e) {
      throw new DecodingException("the body could not be read: " + e, e);
    }
  }

  /** Line and column only: the location's full text may quote the body. */
  private static String position(JsonLocation location) {
    if (location == null) {
      return "an unknown position";
    }
    return "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}

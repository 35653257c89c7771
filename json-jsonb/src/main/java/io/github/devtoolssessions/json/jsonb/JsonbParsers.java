package io.github.devtoolssessions.json.jsonb;

import io.github.devtoolssessions.core.DecodingException;
import io.github.devtoolssessions.json.jsonb.internal.RecordedJson;
import jakarta.json.bind.Jsonb;
import jakarta.json.stream.JsonParser;
import java.util.function.Supplier;

/**
 * Parsers over what an application's {@code Jsonb} read: the body goes through {@code
 * jsonb.fromJson}, so that the JSON-P provider and the parser limits the application chose apply,
 * and comes back as a {@link RecordedJson}, which the readers replay.
 *
 * <p>The {@code Jsonb} binds nothing: {@link RecordedJson}'s deserializer takes the parser as it
 * is, so no binding setting (unknown properties, null values, adapters, naming) can change what is
 * read. A {@code JsonValue} would not do: it keeps a number's value but not the text it was sent
 * with.
 */
final class JsonbParsers implements BodyParsers {

  private final Jsonb jsonb;

  JsonbParsers(Jsonb jsonb) {
    this.jsonb = jsonb;
  }

  /** {@inheritDoc} The body must hold a JSON value, not whitespace only. */
  @Override
  public Supplier<JsonParser> open(byte[] body) {
    RecordedJson json = jsonb.fromJson(BodyParsers.utf8(body), RecordedJson.class);
    if (json == null) {
      // JSON-B lets an implementation answer a JSON null itself, without the deserializer; any
      // other body must have reached it.
      if (body[TopLevelValue.start(body)] != 'n') {
        throw new DecodingException("the Jsonb read a body that is not JSON null as null");
      }
      json = RecordedJson.ofNull();
    }
    // JSON-B reads one value and stops. What follows it is refused where a streaming parser
    // refuses it, once the value has been read, so that both paths report the same failure.
    RecordedJson recorded = json;
    int trailing = TopLevelValue.trailing(body);
    return () -> recorded.replay(trailing);
  }
}

package io.github.devtoolssessions.json.jsonb;

import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Where a codec's parsers come from: Parsson's streaming parser ({@link StreamingParsers}), or an
 * application's {@code Jsonb} ({@link JsonbParsers}). Either way the readers see the same JSON-P
 * events and apply the same rules.
 */
interface BodyParsers {

  /**
   * Opens a body for reading: each parser of the supplier starts before the first event of the
   * body's JSON value, so that a value can be read more than once. A parser's {@code hasNext} after
   * the value's last event is false, or throws {@link jakarta.json.stream.JsonParsingException},
   * when anything but whitespace follows the value.
   *
   * @throws io.github.devtoolssessions.core.DecodingException or any {@link RuntimeException} of
   *     the JSON library, which the codec turns into one
   */
  Supplier<JsonParser> open(byte[] body);

  /**
   * A reader of the body as UTF-8 that refuses malformed bytes, which a plain {@code
   * InputStreamReader} would turn into U+FFFD without a word.
   */
  static Reader utf8(byte[] body) {
    return new InputStreamReader(
        new ByteArrayInputStream(body), StandardCharsets.UTF_8.newDecoder());
  }
}

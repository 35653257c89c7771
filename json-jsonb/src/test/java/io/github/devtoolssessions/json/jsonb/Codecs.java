package io.github.devtoolssessions.json.jsonb;

import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The codecs every read and write test runs on: the streaming one, one through a default {@code
 * Jsonb}, and one through a {@code Jsonb} configured as an application might, with settings that
 * would change values or refuse fields if the codec let the {@code Jsonb} bind anything.
 */
final class Codecs {

  /** A {@code Jsonb} with Yasson's defaults. */
  static final Jsonb DEFAULT_JSONB = JsonbBuilder.create();

  /** A {@code Jsonb} with settings that must not change what the codec reads or writes. */
  static final Jsonb CONFIGURED_JSONB =
      JsonbBuilder.create(
          new JsonbConfig()
              .withNullValues(true)
              .withStrictIJSON(true)
              .withFormatting(true)
              .withPropertyNamingStrategy(PropertyNamingStrategy.UPPER_CAMEL_CASE)
              .withDeserializers(new ShoutingStrings(), new RoundedNumbers(), new AnythingAsText())
              .setProperty("jsonb.fail-on-unknown-properties", true));

  private Codecs() {}

  /** The three codecs, named for the test report. */
  static Stream<Arguments> all() {
    return Stream.of(
        argumentSet("streaming", JsonbJsonCodec.create()),
        argumentSet("through a default Jsonb", JsonbJsonCodec.create(DEFAULT_JSONB)),
        argumentSet("through a configured Jsonb", JsonbJsonCodec.create(CONFIGURED_JSONB)));
  }

  /** Would upper-case every string the {@code Jsonb} binds. */
  static final class ShoutingStrings implements JsonbDeserializer<String> {
    @Override
    public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
      return parser.getString().toUpperCase(Locale.ROOT);
    }
  }

  /** Would bind every value the {@code Jsonb} reads as an {@code Object} to a fixed text. */
  static final class AnythingAsText implements JsonbDeserializer<Object> {
    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context, Type type) {
      return "anything";
    }
  }

  /** Would round every {@code BigDecimal} the {@code Jsonb} binds to a whole number. */
  static final class RoundedNumbers implements JsonbDeserializer<BigDecimal> {
    @Override
    public BigDecimal deserialize(JsonParser parser, DeserializationContext context, Type type) {
      return parser.getBigDecimal().setScale(0, RoundingMode.HALF_UP);
    }
  }
}

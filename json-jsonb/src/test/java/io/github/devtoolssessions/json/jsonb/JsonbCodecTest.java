package io.github.devtoolssessions.json.jsonb;

import static io.github.devtoolssessions.json.jsonb.WireExamples.text;
import static io.github.devtoolssessions.json.jsonb.WireExamples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devtoolssessions.core.CloseReason;
import io.github.devtoolssessions.core.DecodingException;
import io.github.devtoolssessions.core.JsonCodec;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.Timestamp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What reading through an application's {@code Jsonb} adds to, and must not change in, reading. */
class JsonbCodecTest {

  private static final String BODY =
      "[{\"sessionId\":\"a\",\"startTime\":1764772391077.50,\"closeReason\":1.0E3,"
          + "\"connectionId\":null,\"closeReasonText\":\"NormalClosure\",\"lab\":{\"x\":[2.5e-3]}}]";

  private static final Session SESSION =
      Session.builder("a")
          .startTime(new Timestamp(new BigDecimal("1764772391077.50")))
          .closeReason(new CloseReason("1.0E3", true))
          .closeReasonText("NormalClosure")
          .extraField("lab", "{\"x\":[2.5e-3]}")
          .build();

  @Test
  void readsUnchangedByTheJsonbsBindingSettings() {
    // Null values, strict I-JSON, upper-camel-case names, failing on unknown properties and
    // deserializers that would shout strings and round numbers: none of it may reach the read.
    JsonCodec codec = JsonbJsonCodec.create(Codecs.CONFIGURED_JSONB);

    assertThat(codec.readSessions(utf8(BODY))).containsExactly(SESSION);
    assertThat(codec.readSessions(utf8(BODY)))
        .isEqualTo(JsonbJsonCodec.create().readSessions(utf8(BODY)));
  }

  @Test
  void readsWithTheJsonbsJsonProviderAndItsLimits() {
    Jsonb limited =
        JsonbBuilder.newBuilder()
            .withProvider(
                new ConfiguredProvider(
                    Map.of(
                        "org.eclipse.parsson.maxBigDecimalLength", 5,
                        "org.eclipse.parsson.maxDepth", 4)))
            .build();
    JsonCodec codec = JsonbJsonCodec.create(limited);
    byte[] longNumber = utf8("[{\"sessionId\":\"a\",\"x\":123456}]");
    byte[] deep = utf8("[{\"sessionId\":\"a\",\"x\":[[[1]]]}]");

    assertThatThrownBy(() -> codec.readSessions(longNumber))
        .isInstanceOf(DecodingException.class)
        .hasCauseInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> codec.readSessions(deep)).isInstanceOf(DecodingException.class);
    assertThat(codec.readSessions(utf8("[{\"sessionId\":\"a\",\"x\":[12345]}]"))).hasSize(1);
    assertThat(JsonbJsonCodec.create().readSessions(longNumber)).hasSize(1);
    assertThat(JsonbJsonCodec.create().readSessions(deep)).hasSize(1);
  }

  @Test
  void writesPlainJsonWhateverTheJsonbWrites() {
    // The configured Jsonb formats its output, writes nulls and follows strict I-JSON.
    JsonCodec codec = JsonbJsonCodec.create(Codecs.CONFIGURED_JSONB);

    assertThat(text(codec.writeSessions(List.of(SESSION))))
        .isEqualTo(
            "[{\"sessionId\":\"a\",\"startTime\":1764772391077.50,\"closeReason\":1.0E3,"
                + "\"closeReasonText\":\"NormalClosure\",\"lab\":{\"x\":[2.5e-3]}}]");
  }

  @Test
  void refusesAJsonbThatDoesNotHandOverItsParser() {
    Jsonb failing =
        jsonb(
            (proxy, method, args) -> {
              throw new JsonbException("cannot bind");
            });
    Jsonb answeringNull = jsonb((proxy, method, args) -> null);

    assertThatThrownBy(() -> JsonbJsonCodec.create(failing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not hand its JSON parser")
        .hasRootCauseInstanceOf(JsonbException.class);
    assertThatThrownBy(() -> JsonbJsonCodec.create(answeringNull))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not JSON null as null");
    assertThatThrownBy(() -> JsonbJsonCodec.create(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void readsANullBodyFromAJsonbThatAnswersNullItself() {
    Jsonb real = Codecs.DEFAULT_JSONB;
    Jsonb nullAnswering =
        jsonb(
            (proxy, method, args) -> {
              String text = readAll((Reader) args[0]);
              return text.strip().startsWith("null")
                  ? null
                  : real.fromJson(new StringReader(text), (Class<?>) args[1]);
            });
    JsonCodec codec = JsonbJsonCodec.create(nullAnswering);

    assertThat(codec.readSession(utf8(" null "))).isEmpty();
    assertThat(codec.readSessions(utf8("null"))).isEmpty();
    assertThatThrownBy(() -> codec.readSessions(utf8("null 1")))
        .isInstanceOf(DecodingException.class);
  }

  @Test
  void sharesTheDefaultCodec() {
    assertThat(JsonbJsonCodec.create()).isSameAs(JsonbJsonCodec.create());
    assertThat(JsonbJsonCodec.create(Codecs.DEFAULT_JSONB))
        .isNotSameAs(JsonbJsonCodec.create(Codecs.DEFAULT_JSONB));
  }

  private static String readAll(Reader reader) throws IOException {
    StringWriter text = new StringWriter();
    reader.transferTo(text);
    return text.toString();
  }

  private static Jsonb jsonb(InvocationHandler handler) {
    return (Jsonb)
        Proxy.newProxyInstance(Jsonb.class.getClassLoader(), new Class<?>[] {Jsonb.class}, handler);
  }

  /** Parsson, with a configuration for its parsers, as an application might give its Jsonb. */
  private static final class ConfiguredProvider extends JsonProvider {
    private final JsonProvider parsson = JsonProvider.provider();
    private final JsonParserFactory parsers;

    ConfiguredProvider(Map<String, ?> config) {
      this.parsers = parsson.createParserFactory(config);
    }

    @Override
    public JsonParser createParser(Reader reader) {
      return parsers.createParser(reader);
    }

    @Override
    public JsonParser createParser(InputStream in) {
      return parsers.createParser(in);
    }

    @Override
    public JsonParserFactory createParserFactory(Map<String, ?> config) {
      return parsson.createParserFactory(config);
    }

    @Override
    public JsonGenerator createGenerator(Writer writer) {
      return parsson.createGenerator(writer);
    }

    @Override
    public JsonGenerator createGenerator(OutputStream out) {
      return parsson.createGenerator(out);
    }

    @Override
    public JsonGeneratorFactory createGeneratorFactory(Map<String, ?> config) {
      return parsson.createGeneratorFactory(config);
    }

    @Override
    public JsonReader createReader(Reader reader) {
      return parsson.createReader(reader);
    }

    @Override
    public JsonReader createReader(InputStream in) {
      return parsson.createReader(in);
    }

    @Override
    public JsonWriter createWriter(Writer writer) {
      return parsson.createWriter(writer);
    }

    @Override
    public JsonWriter createWriter(OutputStream out) {
      return parsson.createWriter(out);
    }

    @Override
    public JsonWriterFactory createWriterFactory(Map<String, ?> config) {
      return parsson.createWriterFactory(config);
    }

    @Override
    public JsonReaderFactory createReaderFactory(Map<String, ?> config) {
      return parsson.createReaderFactory(config);
    }

    @Override
    public JsonObjectBuilder createObjectBuilder() {
      return parsson.createObjectBuilder();
    }

    @Override
    public JsonArrayBuilder createArrayBuilder() {
      return parsson.createArrayBuilder();
    }

    @Override
    public JsonBuilderFactory createBuilderFactory(Map<String, ?> config) {
      return parsson.createBuilderFactory(config);
    }
  }
}

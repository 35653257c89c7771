package io.github.devtoolssessions.json.jsonb;

import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Parsers straight from Parsson, the fast path: one pass over the body's characters, events handed
 * to the readers as they come.
 *
 * <p>The readers count on two things Parsson does and the JSON-P specification leaves open: {@code
 * getString()} on a number gives the number's text as sent, and {@code hasNext()} after the
 * top-level value refuses anything but whitespace after it.
 */
final class StreamingParsers implements BodyParsers {

  private static final String PARSSON_PROVIDER = "org.eclipse.parsson.JsonProviderImpl";

  private final JsonParserFactory factory;

  private StreamingParsers(JsonProvider provider) {
    // With no configuration Parsson applies its default limits (or those set as system
    // properties): numbers of at most 1100 characters, nesting at most 1000 deep.
    this.factory = provider.createParserFactory(Map.of());
  }

  /** Parsers of Parsson's provider, looked up once per call: the codec calls it once. */
  static StreamingParsers parsson() {
    return new StreamingParsers(
        choose(
            ServiceLoader.load(JsonProvider.class, StreamingParsers.class.getClassLoader())
                .stream()));
  }

  /**
   * Parsson's provider among the candidates, else the default provider. {@link
   * JsonProvider#provider()} alone would return whichever provider the service loader lists first,
   * which need not be Parsson when an application has another one; only Parsson is known to keep
   * the promises the readers count on. Candidates are instantiated only when chosen.
   */
  static JsonProvider choose(Stream<ServiceLoader.Provider<JsonProvider>> candidates) {
    return candidates
        .filter(p -> p.type().getName().equals(PARSSON_PROVIDER))
        .findFirst()
        .map(ServiceLoader.Provider::get)
        .orElseGet(JsonProvider::provider);
  }

  @Override
  public Supplier<JsonParser> open(byte[] body) {
    return () -> factory.createParser(BodyParsers.utf8(body));
  }
}

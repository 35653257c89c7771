package io.github.devtoolssessions.json.jsonb;

import static io.github.devtoolssessions.json.jsonb.WireExamples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devtoolssessions.core.DecodingException;
import io.github.devtoolssessions.core.JsonCodec;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser.Event;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** How the codec gets its parsers, and what it asks of them. */
class BodyParsersTest {

  private static final JsonProvider PARSSON = JsonProvider.provider();

  @Test
  void choosesParssonEvenWhenAnotherProviderIsListedFirst() {
    JsonProvider chosen = StreamingParsers.choose(Stream.of(other(), candidate(PARSSON)));

    assertThat(chosen).isSameAs(PARSSON);
    assertThat(chosen.getClass().getName()).isEqualTo("org.eclipse.parsson.JsonProviderImpl");
  }

  @Test
  void fallsBackToTheDefaultProviderWithoutParsson() {
    JsonProvider chosen = StreamingParsers.choose(Stream.of(other()));

    assertThat(chosen.getClass()).isEqualTo(PARSSON.getClass());
  }

  @Test
  void refusesAnEventAfterTheValueFromAParserThatDoesNotCheckForOne() {
    JsonCodec codec =
        new JsonbJsonCodec(
            body ->
                () ->
                    ScriptedParser.of(Event.START_ARRAY, Event.END_ARRAY, Event.VALUE_NUMBER, "1"));

    assertThatThrownBy(() -> codec.readSessions(utf8("[] 1")))
        .isInstanceOf(DecodingException.class)
        .hasMessageContaining("goes on after its JSON value, with a number");
  }

  private static ServiceLoader.Provider<JsonProvider> candidate(JsonProvider provider) {
    return new ServiceLoader.Provider<>() {
      @Override
      public Class<? extends JsonProvider> type() {
        return provider.getClass();
      }

      @Override
      public JsonProvider get() {
        return provider;
      }
    };
  }

  /** A provider listed before Parsson, which must not even be instantiated. */
  private static ServiceLoader.Provider<JsonProvider> other() {
    return new ServiceLoader.Provider<>() {
      @Override
      public Class<? extends JsonProvider> type() {
        return JsonProvider.class;
      }

      @Override
      public JsonProvider get() {
        throw new AssertionError("another provider was instantiated");
      }
    };
  }
}

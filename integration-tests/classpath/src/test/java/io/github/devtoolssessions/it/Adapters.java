package io.github.devtoolssessions.it;

import io.github.devtoolssessions.core.HttpTransport;
import io.github.devtoolssessions.core.JsonCodec;
import io.github.devtoolssessions.core.TransportOptions;
import io.github.devtoolssessions.json.jackson.JacksonJsonCodec;
import io.github.devtoolssessions.json.jsonb.JsonbJsonCodec;
import io.github.devtoolssessions.transport.apache.ApacheHttpTransport;
import io.github.devtoolssessions.transport.jdk.JdkHttpTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The adapter matrix: every transport with every codec. */
final class Adapters {

  private Adapters() {}

  /** A transport by name. */
  record Transport(String name, Function<TransportOptions, HttpTransport> factory) {
    HttpTransport create() {
      return factory.apply(TransportOptions.defaults());
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** A codec by name. */
  record Codec(String name, Supplier<JsonCodec> factory) {
    JsonCodec create() {
      return factory.get();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Transport> TRANSPORTS =
      List.of(
          new Transport("jdk", JdkHttpTransport::create),
          new Transport("apache", ApacheHttpTransport::create));

  static final List<Codec> CODECS =
      List.of(
          new Codec("jackson", JacksonJsonCodec::create),
          new Codec("jsonb", JsonbJsonCodec::create));

  /** Every {transport, codec} pair, as JUnit arguments. */
  static Stream<Arguments> pairs() {
    List<Arguments> pairs = new ArrayList<>();
    for (Transport t : TRANSPORTS) {
      for (Codec c : CODECS) {
        pairs.add(Arguments.of(t, c));
      }
    }
    return pairs.stream();
  }

  /** Every transport, as JUnit arguments. */
  static Stream<Arguments> transports() {
    return TRANSPORTS.stream().map(Arguments::of);
  }
}

package io.github.devtoolssessions.cli;

import io.github.devtoolssessions.core.HttpTransportProvider;
import io.github.devtoolssessions.core.JsonCodec;
import io.github.devtoolssessions.core.JsonCodecProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * The adapters this tool carries, looked up by name. The client does its own discovery; the tool
 * looks too, to refuse an unknown --transport or --json with the names it has, and to write its
 * JSON output with the very codec the client reads with.
 */
final class Adapters {

  private Adapters() {}

  /** The names of the transports present, such as {@code [jdk, apache]}. */
  static List<String> transportNames() {
    return names(HttpTransportProvider.class, HttpTransportProvider::name);
  }

  /** The names of the JSON codecs present, such as {@code [jackson, jsonb]}. */
  static List<String> codecNames() {
    return names(JsonCodecProvider.class, JsonCodecProvider::name);
  }

  /** A new codec from the provider of that name (compared without regard to case), if present. */
  static Optional<JsonCodec> codec(String name) {
    for (JsonCodecProvider provider : ServiceLoader.load(JsonCodecProvider.class)) {
      if (provider.name().equalsIgnoreCase(name)) {
        return Optional.of(provider.create());
      }
    }
    return Optional.empty();
  }

  private static <P> List<String> names(Class<P> type, Function<P, String> nameOf) {
    List<String> names = new ArrayList<>();
    for (P provider : ServiceLoader.load(type)) {
      names.add(nameOf.apply(provider));
    }
    return names;
  }
}

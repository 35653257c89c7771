/**
 * A {@link io.github.devtoolssessions.core.JsonCodec} over Jakarta JSON-P streaming (Parsson) and,
 * on request, an application's Jakarta JSON-B {@code Jsonb}; found by {@link
 * java.util.ServiceLoader} under the name {@code jsonb}.
 */
module io.github.devtoolssessions.json.jsonb {
  requires transitive io.github.devtoolssessions.core;
  // Transitive because JsonbJsonCodec.create(Jsonb) names Jsonb.
  requires transitive jakarta.json.bind;
  requires jakarta.json;

  exports io.github.devtoolssessions.json.jsonb;
  // Not API: JSON-B instantiates the deserializer of this package reflectively, which on the
  // module path needs the package exported to the implementation, and only to it.
  exports io.github.devtoolssessions.json.jsonb.internal to
      org.eclipse.yasson;

  // The streaming path picks Parsson's JsonProvider out of those the service loader finds.
  uses jakarta.json.spi.JsonProvider;

  provides io.github.devtoolssessions.core.JsonCodecProvider with
      io.github.devtoolssessions.json.jsonb.JsonbCodecProvider;
}

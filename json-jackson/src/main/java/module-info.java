/**
 * A {@link io.github.devtoolssessions.core.JsonCodec} over Jackson's streaming API, found by {@link
 * java.util.ServiceLoader} under the name {@code jackson}.
 */
module io.github.devtoolssessions.json.jackson {
  requires transitive io.github.devtoolssessions.core;
  requires com.fasterxml.jackson.core;
  // Transitive because JacksonJsonCodec.create(ObjectMapper) names ObjectMapper.
  requires transitive com.fasterxml.jackson.databind;

  exports io.github.devtoolssessions.json.jackson;

  provides io.github.devtoolssessions.core.JsonCodecProvider with
      io.github.devtoolssessions.json.jackson.JacksonCodecProvider;
}

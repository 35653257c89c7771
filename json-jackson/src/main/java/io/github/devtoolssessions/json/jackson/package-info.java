/**
 * The Jackson codec: {@link io.github.devtoolssessions.json.jackson.JacksonJsonCodec}, and {@link
 * io.github.devtoolssessions.json.jackson.JacksonCodecProvider} that registers it for {@link
 * java.util.ServiceLoader} under the name {@code jackson}.
 */
package io.github.devtoolssessions.json.jackson;

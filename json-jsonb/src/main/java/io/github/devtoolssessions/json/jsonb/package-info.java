/**
 * The JSON-B / JSON-P codec: {@link io.github.devtoolssessions.json.jsonb.JsonbJsonCodec}, and
 * {@link io.github.devtoolssessions.json.jsonb.JsonbCodecProvider} that registers it for {@link
 * java.util.ServiceLoader} under the name {@code jsonb}.
 */
package io.github.devtoolssessions.json.jsonb;

/**
 * Not API. The hand-off between an application's {@code Jsonb} and the codec: a JSON-B deserializer
 * that records the JSON-P events of a body, numbers with the text they were sent with, and a parser
 * that replays them.
 *
 * <p>The types are public only because JSON-B instantiates the deserializer reflectively; the
 * package is exported to Yasson alone.
 */
package io.github.devtoolssessions.json.jsonb.internal;

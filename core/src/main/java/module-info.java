/**
 * The dependency-free heart of devtools-sessions: the session model, list parameters, credentials,
 * errors, and the two ports that adapters implement ({@link
 * io.github.devtoolssessions.core.HttpTransport} and {@link
 * io.github.devtoolssessions.core.JsonCodec}).
 *
 * <p>The {@code internal} package holds the pure logic of one call (request building, response
 * reading, and the transports' gzip decoding). It is exported only to the library's own modules;
 * applications must not rely on it.
 */
module io.github.devtoolssessions.core {
  exports io.github.devtoolssessions.core;
  exports io.github.devtoolssessions.core.internal to
      io.github.devtoolssessions.api,
      io.github.devtoolssessions.testkit,
      io.github.devtoolssessions.transport.jdk,
      io.github.devtoolssessions.transport.apache;
}

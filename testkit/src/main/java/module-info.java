/**
 * A faithful fake of Cloudflare's DevTools sessions endpoint, for tests: {@link
 * io.github.devtoolssessions.testkit.FakeDevtoolsApi} answers requests with the real service's
 * semantics, in memory (as an {@link io.github.devtoolssessions.core.HttpTransport}) or behind a
 * loopback HTTP server ({@link io.github.devtoolssessions.testkit.FakeDevtoolsServer}), and keeps a
 * journal of what it was asked.
 */
module io.github.devtoolssessions.testkit {
  requires transitive io.github.devtoolssessions.core;
  requires jdk.httpserver;

  exports io.github.devtoolssessions.testkit;
}

/**
 * A faithful fake of Cloudflare's DevTools sessions endpoint, for tests: {@link
 * io.github.devtoolssessions.testkit.FakeDevtoolsApi} answers requests with the real service's
 * semantics, in memory (as an {@link io.github.devtoolssessions.core.HttpTransport}) or behind a
 * loopback HTTP server ({@link io.github.devtoolssessions.testkit.FakeDevtoolsServer}), keeps a
 * journal of what it was asked, and misbehaves on demand ({@link
 * io.github.devtoolssessions.testkit.Fault}). The package {@code
 * io.github.devtoolssessions.testkit.contract} holds JUnit 5 suites that prove any transport or
 * codec adapter.
 *
 * <p>JUnit Jupiter is needed only by the contract suites, whose users run JUnit anyway: the
 * dependency is optional and {@code static}, so the fake works without it.
 */
module io.github.devtoolssessions.testkit {
  requires transitive io.github.devtoolssessions.core;
  // Static, not transitive: a module using the fake in its main code needs no JUnit.
  requires static org.junit.jupiter.api;

  exports io.github.devtoolssessions.testkit;
  exports io.github.devtoolssessions.testkit.contract;
}

/**
 * An application on the module path, as a user would write it: it requires the client and the
 * adapters, and lets ServiceLoader bind them through their {@code provides} clauses.
 */
module io.github.devtoolssessions.it.modulepath {
  requires io.github.devtoolssessions.api;
  requires io.github.devtoolssessions.transport.jdk;
  requires io.github.devtoolssessions.json.jackson;
  requires io.github.devtoolssessions.transport.apache;
  requires io.github.devtoolssessions.json.jsonb;
  requires io.github.devtoolssessions.testkit;

  exports io.github.devtoolssessions.it.modulepath;
}

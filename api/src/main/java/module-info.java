/**
 * The client applications code against: {@link
 * io.github.devtoolssessions.api.DevtoolsSessionsClient}. It finds an HTTP transport and a JSON
 * codec through {@link java.util.ServiceLoader} unless it is given them.
 */
module io.github.devtoolssessions.api {
  requires transitive io.github.devtoolssessions.core;

  exports io.github.devtoolssessions.api;

  uses io.github.devtoolssessions.core.HttpTransportProvider;
  uses io.github.devtoolssessions.core.JsonCodecProvider;
}

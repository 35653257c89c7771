/**
 * An {@link io.github.devtoolssessions.core.HttpTransport} over the JDK's own {@link
 * java.net.http.HttpClient}, registered under the name {@code jdk}.
 *
 * <p>Both dependencies are transitive because the public API names their types: {@code
 * JdkHttpTransport.wrap(HttpClient)} and the core's transport interfaces.
 */
module io.github.devtoolssessions.transport.jdk {
  requires transitive io.github.devtoolssessions.core;
  requires transitive java.net.http;

  exports io.github.devtoolssessions.transport.jdk;

  provides io.github.devtoolssessions.core.HttpTransportProvider with
      io.github.devtoolssessions.transport.jdk.JdkTransportProvider;
}

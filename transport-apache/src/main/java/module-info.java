/**
 * An {@link io.github.devtoolssessions.core.HttpTransport} over Apache HttpClient 5, registered
 * under the name {@code apache}.
 *
 * <p>HttpClient 5 and HttpCore 5 ship as automatic modules ({@code
 * org.apache.httpcomponents.client5.httpclient5}, {@code
 * org.apache.httpcomponents.core5.httpcore5}). They are required transitively because the public
 * API names their types: {@code ApacheHttpTransport.wrap} takes the application's clients, whose
 * supertypes live in HttpCore.
 */
@SuppressWarnings("requires-transitive-automatic")
module io.github.devtoolssessions.transport.apache {
  requires transitive io.github.devtoolssessions.core;
  requires transitive org.apache.httpcomponents.client5.httpclient5;
  requires transitive org.apache.httpcomponents.core5.httpcore5;

  exports io.github.devtoolssessions.transport.apache;

  provides io.github.devtoolssessions.core.HttpTransportProvider with
      io.github.devtoolssessions.transport.apache.ApacheTransportProvider;
}

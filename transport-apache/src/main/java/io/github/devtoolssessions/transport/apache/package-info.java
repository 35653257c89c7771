/**
 * The {@code apache} transport: {@link
 * io.github.devtoolssessions.transport.apache.ApacheHttpTransport}, and {@link
 * io.github.devtoolssessions.transport.apache.ApacheTransportProvider} through which the client
 * finds it.
 */
package io.github.devtoolssessions.transport.apache;

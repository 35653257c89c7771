/**
 * The {@code jdk} transport: {@link io.github.devtoolssessions.transport.jdk.JdkHttpTransport}, and
 * {@link io.github.devtoolssessions.transport.jdk.JdkTransportProvider} through which the client
 * finds it.
 */
package io.github.devtoolssessions.transport.jdk;

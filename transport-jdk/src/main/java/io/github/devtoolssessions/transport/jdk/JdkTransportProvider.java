package io.github.devtoolssessions.transport.jdk;

import io.github.devtoolssessions.core.HttpTransport;
import io.github.devtoolssessions.core.HttpTransportProvider;
import io.github.devtoolssessions.core.TransportOptions;

/**
 * Provides {@link JdkHttpTransport} under the name {@code jdk}, with priority 100. Registered for
 * {@link java.util.ServiceLoader} both in {@code META-INF/services} and in {@code module-info}.
 */
public final class JdkTransportProvider implements HttpTransportProvider {

  private static final String NAME = "jdk";
  private static final int PRIORITY = 100;

  /** Called by {@link java.util.ServiceLoader}. */
  public JdkTransportProvider() {}

  /** Returns {@code "jdk"}. */
  @Override
  public String name() {
    return NAME;
  }

  /** Returns 100. */
  @Override
  public int priority() {
    return PRIORITY;
  }

  /** A transport with its own client; see {@link JdkHttpTransport#create(TransportOptions)}. */
  @Override
  public HttpTransport create(TransportOptions options) {
    return JdkHttpTransport.create(options);
  }
}

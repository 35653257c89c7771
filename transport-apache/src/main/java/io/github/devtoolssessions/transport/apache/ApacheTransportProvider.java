package io.github.devtoolssessions.transport.apache;

import io.github.devtoolssessions.core.HttpTransport;
import io.github.devtoolssessions.core.HttpTransportProvider;
import io.github.devtoolssessions.core.TransportOptions;

/**
 * Provides {@link ApacheHttpTransport} under the name {@code apache}, with priority 50: below the
 * {@code jdk} transport (100), which needs no third-party jar, so that Apache HttpClient is chosen
 * only when asked for by name or when it is the only transport present. Registered for {@link
 * java.util.ServiceLoader} both in {@code META-INF/services} and in {@code module-info}.
 */
public final class ApacheTransportProvider implements HttpTransportProvider {

  private static final String NAME = "apache";
  private static final int PRIORITY = 50;

  /** Called by {@link java.util.ServiceLoader}. */
  public ApacheTransportProvider() {}

  /** Returns {@code "apache"}. */
  @Override
  public String name() {
    return NAME;
  }

  /** Returns 50. */
  @Override
  public int priority() {
    return PRIORITY;
  }

  /** A transport with its own clients; see {@link ApacheHttpTransport#create(TransportOptions)}. */
  @Override
  public HttpTransport create(TransportOptions options) {
    return ApacheHttpTransport.create(options);
  }
}

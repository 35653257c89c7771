package io.github.devtoolssessions.core;

import java.time.Duration;
import java.util.Objects;

/**
 * What a client asks of a transport it has a provider create: settings that belong to the HTTP
 * stack rather than to one request.
 *
 * @param connectTimeout how long to wait for a connection to be established
 */
public record TransportOptions(Duration connectTimeout) {

  /** The connect timeout used when none is given: 10 seconds. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Checks the components. */
  public TransportOptions {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("connectTimeout must be positive, got " + connectTimeout);
    }
  }

  /** The defaults: a connect timeout of 10 seconds. */
  public static TransportOptions defaults() {
    return new TransportOptions(DEFAULT_CONNECT_TIMEOUT);
  }
}

package io.github.devtoolssessions.core;

/**
 * Makes {@link HttpTransport}s; registered for {@link java.util.ServiceLoader} so that a client
 * finds a transport on the classpath or module path without naming it.
 *
 * <p>Register an implementation in {@code META-INF/services/} under this interface's name and, on
 * the module path, with {@code provides ... with ...} in {@code module-info.java}.
 */
public interface HttpTransportProvider {

  /** A short, stable name users can ask for, such as {@code jdk} or {@code apache}. */
  String name();

  /**
   * How much this provider wants to be chosen when the user asks for none: higher wins, and names
   * break ties in alphabetical order.
   */
  int priority();

  /** A new transport that this provider's caller owns and closes. */
  HttpTransport create(TransportOptions options);
}

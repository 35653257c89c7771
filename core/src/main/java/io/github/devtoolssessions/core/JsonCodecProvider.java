package io.github.devtoolssessions.core;

/**
 * Makes {@link JsonCodec}s; registered for {@link java.util.ServiceLoader} so that a client finds a
 * codec on the classpath or module path without naming it.
 *
 * <p>Register an implementation in {@code META-INF/services/} under this interface's name and, on
 * the module path, with {@code provides ... with ...} in {@code module-info.java}.
 */
public interface JsonCodecProvider {

  /** A short, stable name users can ask for, such as {@code jackson} or {@code jsonb}. */
  String name();

  /**
   * How much this provider wants to be chosen when the user asks for none: higher wins, and names
   * break ties in alphabetical order.
   */
  int priority();

  /** A codec; codecs are thread-safe and may be shared. */
  JsonCodec create();
}

package io.github.devtoolssessions.api;

/**
 * An adapter provider that discovery found.
 *
 * @param name the provider's short name, such as {@code jdk} or {@code jackson}
 * @param priority the provider's priority; higher wins when none is requested
 * @param providerClass the provider's class name
 * @param source where the provider came from: {@code module <name>} on the module path, else the
 *     jar or directory of its class, or {@code unknown}
 */
public record AdapterCandidate(String name, int priority, String providerClass, String source) {

  /** {@code jdk (priority 100, io.github...JdkTransportProvider from module ...)}. */
  @Override
  public String toString() {
    return name + " (priority " + priority + ", " + providerClass + " from " + source + ")";
  }
}
